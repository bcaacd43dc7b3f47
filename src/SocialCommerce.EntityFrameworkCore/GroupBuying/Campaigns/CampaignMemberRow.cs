namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>What a member holds in a campaign (reserved or sold seats): the facts its per-member limits count, moved under its version.</summary>
internal sealed class CampaignMemberRow
{
    /// <summary>Gets or sets: The member (the partition key).</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: The campaign.</summary>
    public string Campaign { get; set; } = "";

    /// <summary>Gets or sets: Units held across the campaign's SKUs.</summary>
    public int Units { get; set; }

    /// <summary>Gets or sets: Groups the member holds a seat in.</summary>
    public int Groups { get; set; }

    /// <summary>Gets or sets: The row's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
