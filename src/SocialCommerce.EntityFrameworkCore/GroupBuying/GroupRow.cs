namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>A group buy's head: status and deadline as columns (for listing and the close-due job); its history is in GroupEventRow.</summary>
internal sealed class GroupRow
{
    /// <summary>Gets or sets: The group.</summary>
    public long GroupId { get; set; }

    /// <summary>Gets or sets: The rule it was opened under.</summary>
    public string RuleName { get; set; } = "";

    /// <summary>Gets or sets: The GroupBuyStatus.</summary>
    public int Status { get; set; }

    /// <summary>Gets or sets: The deadline, in Unix ticks.</summary>
    public long Deadline { get; set; }

    /// <summary>Gets or sets: The number of events (optimistic concurrency).</summary>
    public long Version { get; set; }
}
