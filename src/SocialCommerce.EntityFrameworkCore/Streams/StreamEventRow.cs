namespace SocialCommerce.EntityFrameworkCore.Streams;

/// <summary>One event of a stream kept through Core's <c>IEventStore</c> contract (<see cref="StoredStreams.Events{TEvent}"/>): keyed by stream, kind and version.</summary>
internal sealed class StreamEventRow
{
    /// <summary>Gets or sets: The stream (aggregate) id, the partition key.</summary>
    public string StreamId { get; set; } = "";

    /// <summary>Gets or sets: The kind of stream (the host's name for its aggregate type).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Gets or sets: The stream's version after this event (1 for the first).</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets: The event as JSON.</summary>
    public string Json { get; set; } = "";
}
