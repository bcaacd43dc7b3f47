namespace SocialCommerce.EntityFrameworkCore.Points;

/// <summary>A points-mall redemption: Core's <see cref="SocialCommerce.Points.MallRedemption"/> as columns.</summary>
internal sealed class MallRedemptionRow
{
    /// <summary>Gets or sets: The redemption (its identity and its wallet order id).</summary>
    public string RedemptionId { get; set; } = "";

    /// <summary>Gets or sets: The item.</summary>
    public string ItemId { get; set; } = "";

    /// <summary>Gets or sets: The member.</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: The units.</summary>
    public int Quantity { get; set; }

    /// <summary>Gets or sets: The points in all.</summary>
    public long Points { get; set; }

    /// <summary>Gets or sets: The money part in all, in minor units, or null for points only.</summary>
    public long? PriceMinor { get; set; }

    /// <summary>Gets or sets: The money part's currency's minor-unit digits.</summary>
    public int PriceMinorUnit { get; set; }

    /// <summary>Gets or sets: The money part's currency code, or null.</summary>
    public string? PriceCurrency { get; set; }

    /// <summary>Gets or sets: When it was redeemed, as Unix ticks.</summary>
    public long RedeemedAt { get; set; }

    /// <summary>Gets or sets: Its <see cref="SocialCommerce.Points.MallRedemptionStatus"/>.</summary>
    public int Status { get; set; }

    /// <summary>Gets or sets: When it last changed status, as Unix ticks.</summary>
    public long ChangedAt { get; set; }

    /// <summary>Gets or sets: The row's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
