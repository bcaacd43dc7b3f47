using NodaTime;

namespace SocialCommerce.Sharing;

/// <summary>The terms of a share reward rule (see <see cref="ShareRewardRule.Create"/>).</summary>
public sealed class ShareRewardRuleOptions
{
    /// <summary>Gets or sets the points a rewarded share earns the sharer (or 0 when the reward is a coupon).</summary>
    public long Points { get; set; }

    /// <summary>Gets or sets the coupon template a rewarded share issues from (or null when the reward is points).</summary>
    public string? CouponTemplateId { get; set; }

    /// <summary>Gets or sets the least the purchase must pay for the share to be rewarded (zero: any purchase).</summary>
    public Money MinimumPurchase { get; set; }

    /// <summary>Gets or sets the most rewards a sharer earns on one local day, or null for no daily cap.</summary>
    public int? DailyCap { get; set; }

    /// <summary>Gets or sets the most rewards a sharer earns in any <see cref="Period"/>, or null for no period cap.</summary>
    public int? PeriodCap { get; set; }

    /// <summary>Gets or sets the rolling period of <see cref="PeriodCap"/> (30 days by default).</summary>
    public Duration Period { get; set; } = Duration.FromDays(30);

    /// <summary>Gets or sets the zone whose local days the daily cap counts (UTC when null).</summary>
    public DateTimeZone? DayZone { get; set; }
}
