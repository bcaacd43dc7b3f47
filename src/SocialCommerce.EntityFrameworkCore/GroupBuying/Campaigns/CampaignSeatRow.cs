namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>A member's seat in a campaign's group: Core's <see cref="SocialCommerce.GroupBuying.CampaignSeat"/> as columns.</summary>
internal sealed class CampaignSeatRow
{
    /// <summary>Gets or sets: The group (with the member, the key).</summary>
    public long GroupId { get; set; }

    /// <summary>Gets or sets: The member.</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: The campaign.</summary>
    public string Campaign { get; set; } = "";

    /// <summary>Gets or sets: The SKU.</summary>
    public string SkuId { get; set; } = "";

    /// <summary>Gets or sets: The units taken.</summary>
    public int Units { get; set; }

    /// <summary>Gets or sets: What they cost at the campaign price, in minor units of the SKU's currency.</summary>
    public long AmountMinor { get; set; }

    /// <summary>Gets or sets: The amount's currency code.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Gets or sets: Its <see cref="SocialCommerce.GroupBuying.CampaignSeatStatus"/>.</summary>
    public int Status { get; set; }

    /// <summary>Gets or sets: When it was reserved, as Unix ticks.</summary>
    public long ReservedAt { get; set; }

    /// <summary>Gets or sets: When its status last changed, as Unix ticks.</summary>
    public long ChangedAt { get; set; }
}
