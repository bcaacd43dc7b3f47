namespace SocialCommerce.EntityFrameworkCore.Streams;

/// <summary>An aggregate's state kept through Core's <c>ISnapshotStore</c> contract (<see cref="StoredStreams.Snapshots{TSnapshot}"/>), versioned.</summary>
internal sealed class StateSnapshotRow
{
    /// <summary>Gets or sets: The aggregate's id, the partition key.</summary>
    public string Id { get; set; } = "";

    /// <summary>Gets or sets: The kind of state (the host's name for its aggregate type).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Gets or sets: The version: 1 after the first save, one more per save.</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets: The snapshot as JSON.</summary>
    public string Json { get; set; } = "";
}
