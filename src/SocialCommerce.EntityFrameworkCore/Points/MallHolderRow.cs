namespace SocialCommerce.EntityFrameworkCore.Points;

/// <summary>How many units of a mall item a member holds: the fact its per-member limit counts, moved under its version.</summary>
internal sealed class MallHolderRow
{
    /// <summary>Gets or sets: The member (the partition key).</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: The item.</summary>
    public string ItemId { get; set; } = "";

    /// <summary>Gets or sets: The units the member holds.</summary>
    public int Held { get; set; }

    /// <summary>Gets or sets: The count's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
