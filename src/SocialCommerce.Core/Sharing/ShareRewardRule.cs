using System;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.Sharing;

/// <summary>
/// A share reward (分享获得积分、优惠券): a member whose share (a code the host passes) leads to someone else's real
/// purchase earns points or a coupon, within daily and per-period caps. Never for a share, a click or a sign-up alone:
/// the only way to claim is with the purchase; a purchase through one's own share earns nothing.
/// </summary>
public sealed record ShareRewardRule
{
    private ShareRewardRule(string name, ShareRewardRuleOptions o)
    {
        Name = name;
        Points = o.Points;
        CouponTemplateId = o.CouponTemplateId;
        MinimumPurchase = o.MinimumPurchase;
        DailyCap = o.DailyCap;
        PeriodCap = o.PeriodCap;
        Period = o.Period;
        DayZone = o.DayZone ?? DateTimeZone.Utc;
    }

    /// <summary>Gets the rule's name.</summary>
    public string Name { get; }

    /// <summary>Gets the points a rewarded share earns, or 0.</summary>
    public long Points { get; }

    /// <summary>Gets the coupon template a rewarded share issues from, or null.</summary>
    public string? CouponTemplateId { get; }

    /// <summary>Gets the least the purchase must pay.</summary>
    public Money MinimumPurchase { get; }

    /// <summary>Gets the most rewards a sharer earns on one local day, or null.</summary>
    public int? DailyCap { get; }

    /// <summary>Gets the most rewards a sharer earns in any <see cref="Period"/>, or null.</summary>
    public int? PeriodCap { get; }

    /// <summary>Gets the rolling period of <see cref="PeriodCap"/>.</summary>
    public Duration Period { get; }

    /// <summary>Gets the zone of the daily cap's days.</summary>
    public DateTimeZone DayZone { get; }

    /// <summary>
    /// Gets what a compliance profile checks of the rule (<see cref="Compliance.ComplianceProfile.CheckInvitationRule"/>):
    /// it rewards only a purchase by someone else, never a share, a click or a sign-up alone, so
    /// <see cref="Compliance.InvitationRuleFacts.RewardsShareWithoutPurchase"/> and <see cref="Compliance.InvitationRuleFacts.RewardsSignUp"/> are false.
    /// </summary>
    public Compliance.InvitationRuleFacts Facts => new(Name);

    /// <summary>Creates a rule, checking its terms.</summary>
    /// <param name="name">The rule's name (a valid SDK id).</param>
    /// <param name="options">Its terms: points or a coupon template (exactly one), a minimum purchase, caps.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">A term is out of range; the message names it.</exception>
    public static ShareRewardRule Create(string name, ShareRewardRuleOptions options)
    {
        if (!Limits.IsValidId(name))
        {
            throw new ArgumentException($"Share reward rule name '{name}' is not a valid id.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(options);
        var hasPoints = options.Points != 0;
        var hasCoupon = options.CouponTemplateId is not null;
        if (hasPoints == hasCoupon)
        {
            throw new ArgumentException($"Share reward rule '{name}': give either Points or CouponTemplateId, exactly one.", nameof(options));
        }

        if (hasPoints && options.Points is < 1 or > Limits.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Points, string.Create(CultureInfo.InvariantCulture, $"Share reward rule '{name}': Points should be 1 to {Limits.MaxPoints}."));
        }

        if (hasCoupon && !Limits.IsValidId(options.CouponTemplateId))
        {
            throw new ArgumentException($"Share reward rule '{name}': CouponTemplateId '{options.CouponTemplateId}' is not a valid id.", nameof(options));
        }

        if (options.MinimumPurchase == default || !Limits.IsSupported(options.MinimumPurchase) || options.MinimumPurchase.IsNegative)
        {
            throw new ArgumentException($"Share reward rule '{name}': MinimumPurchase should be whole minor units with a currency, not negative (zero for any purchase).", nameof(options));
        }

        if (options.DailyCap is < 1 || options.PeriodCap is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Share reward rule '{name}': a cap is at least 1 (null for none).");
        }

        if (!Limits.IsSupported(options.Period) || options.Period < Duration.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Period, $"Share reward rule '{name}': the Period should be 1 to {Limits.MaxDuration.Days} days.");
        }

        return new ShareRewardRule(name, options);
    }
}
