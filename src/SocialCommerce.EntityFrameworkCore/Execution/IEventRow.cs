using NodaTime;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// The columns every event table shares beside its stream's key: the event's version in its stream, its type, the
/// schema version and the JSON it was written in, and its instant.
/// </summary>
internal interface IEventRow
{
    /// <summary>Gets or sets the event's version in its stream (1 for the first).</summary>
    long Version { get; set; }

    /// <summary>Gets or sets the event's type name.</summary>
    string Type { get; set; }

    /// <summary>Gets or sets the JSON schema version the event was written in.</summary>
    int SchemaVersion { get; set; }

    /// <summary>Gets or sets the event as JSON.</summary>
    string Event { get; set; }

    /// <summary>Gets or sets the event's instant, in Unix ticks.</summary>
    long At { get; set; }

    /// <summary>Fills the shared columns of a new row whose stream key is set, from the event (written as <typeparamref name="TEvent"/>, its polymorphic base).</summary>
    static TRow Fill<TRow, TEvent>(TRow row, TEvent e, long version, Instant at)
        where TRow : IEventRow
        where TEvent : notnull
    {
        row.Version = version;
        row.Type = e.GetType().Name;
        row.SchemaVersion = Serialization.SocialCommerceJson.SchemaVersion;
        row.Event = StoredJson.Write(e);
        row.At = StoredJson.Ticks(at);
        return row;
    }
}
