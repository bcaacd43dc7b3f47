using System.Globalization;

namespace SocialCommerce.Storage;

/// <summary>
/// What a store answers to an append with an expected version: appended (with the stream's new version), or a
/// conflict (with the version the stream actually has) — a typed result, never an exception the caller must know.
/// On a conflict the caller reloads, decides again and retries (bounded).
/// </summary>
public readonly record struct AppendResult
{
    private AppendResult(bool isAppended, long version)
    {
        IsAppended = isAppended;
        Version = version;
    }

    /// <summary>Gets a value indicating whether the events were appended.</summary>
    public bool IsAppended { get; }

    /// <summary>Gets a value indicating whether the stream had another version than expected; nothing was appended.</summary>
    public bool IsConflict => !IsAppended;

    /// <summary>Gets the stream's version: the new one when appended, the actual one on a conflict.</summary>
    public long Version { get; }

    /// <summary>The events were appended; the stream is now at <paramref name="version"/>.</summary>
    /// <param name="version">The new version (the number of events in the stream).</param>
    /// <returns>The result.</returns>
    public static AppendResult Appended(long version) => new(true, version);

    /// <summary>The stream was at <paramref name="actualVersion"/>, not the expected version; nothing was appended.</summary>
    /// <param name="actualVersion">The stream's version.</param>
    /// <returns>The result.</returns>
    public static AppendResult Conflict(long actualVersion) => new(false, actualVersion);

    /// <summary>Formats as <c>"appended at 3"</c> or <c>"conflict: stream at 4"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsAppended
        ? string.Create(CultureInfo.InvariantCulture, $"appended at {Version}")
        : string.Create(CultureInfo.InvariantCulture, $"conflict: stream at {Version}");
}
