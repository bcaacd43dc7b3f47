namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>A community batch: status and cut-off as columns, the whole state as JSON.</summary>
internal sealed class BatchRow
{
    /// <summary>Gets or sets: The batch.</summary>
    public string BatchId { get; set; } = "";

    /// <summary>Gets or sets: The community batch rule's registered name.</summary>
    public string RuleName { get; set; } = "";

    /// <summary>Gets or sets: The CommunityBatchStatus.</summary>
    public int Status { get; set; }

    /// <summary>Gets or sets: The cut-off, in Unix ticks.</summary>
    public long CutOff { get; set; }

    /// <summary>Gets or sets: The batch's version (optimistic concurrency).</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets: The schema version of State.</summary>
    public int SchemaVersion { get; set; }

    /// <summary>Gets or sets: The CommunityBatchSnapshot as JSON.</summary>
    public string State { get; set; } = "";
}
