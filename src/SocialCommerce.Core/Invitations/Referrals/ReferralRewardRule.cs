using System;
using System.Globalization;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.Serialization;

namespace SocialCommerce.Invitations;

/// <summary>
/// A double-sided referral reward (拉新): when an invited member's first qualifying purchase — at least
/// <see cref="MinimumPurchase"/>, within <see cref="Window"/> after binding — is paid, the inviter and/or the invited
/// member are rewarded; the reward becomes theirs only as the purchase completes, and a refund reverses it. Never paid for
/// registering or binding alone.
/// </summary>
/// <remarks>
/// Money rewards are booked through the commission ledger as lines of the triggering sale (the inviter's at level 1, the
/// invited member's at level 0), so they are pending → frozen → available like every commission and reversed by its
/// refund. Points and coupons are returned as decisions for the host to grant and take back.
/// </remarks>
public sealed class ReferralRewardRule
{
    private ReferralRewardRule(string name, ReferralRewardRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        if (name.Length == 0)
        {
            throw new InvitationRuleException("(unnamed)", "Name", "\"\"", "should not be empty.");
        }

        Name = name;
        var minimum = options.MinimumPurchase;
        if (!Limits.IsSupported(minimum) || minimum.Amount <= 0m)
        {
            throw Fault(nameof(options.MinimumPurchase), minimum == default ? "(unset)" : minimum.ToString(), "should be a positive amount in whole minor units within the supported range; it also sets the rule's currency.");
        }

        if (options.Window <= Duration.Zero || !Limits.IsSupported(options.Window))
        {
            throw Fault(nameof(options.Window), options.Window.ToString(), string.Create(CultureInfo.InvariantCulture, $"should be positive and at most {Limits.MaxDuration.Days} days."));
        }

        if (options.InviterReward is null && options.InvitedReward is null)
        {
            throw Fault(nameof(options.InviterReward), "null", "a referral reward should reward the inviter, the invited member or both.");
        }

        CheckCurrency(nameof(options.InviterReward), options.InviterReward, minimum.Currency);
        CheckCurrency(nameof(options.InvitedReward), options.InvitedReward, minimum.Currency);
        if (options.InviterCap is int cap && cap < 1)
        {
            throw Fault(nameof(options.InviterCap), cap.ToString(CultureInfo.InvariantCulture), "should be at least 1, or null for no cap.");
        }

        if (options.CapPeriod <= Duration.Zero || !Limits.IsSupported(options.CapPeriod))
        {
            throw Fault(nameof(options.CapPeriod), options.CapPeriod.ToString(), string.Create(CultureInfo.InvariantCulture, $"should be positive and at most {Limits.MaxDuration.Days} days."));
        }

        MinimumPurchase = minimum;
        Window = options.Window;
        InviterReward = options.InviterReward;
        InvitedReward = options.InvitedReward;
        InviterCap = options.InviterCap;
        CapPeriod = options.CapPeriod;
        Version = ContentVersion.Of(string.Create(
            CultureInfo.InvariantCulture,
            $"referral|{Name}|{minimum.Currency.Code}|{minimum.ToMinorUnits()}|{Window.BclCompatibleTicks}|{InviterReward?.Canonical()}|{InvitedReward?.Canonical()}|{InviterCap}|{CapPeriod.BclCompatibleTicks}"));
    }

    /// <summary>Gets the rule's name.</summary>
    public string Name { get; }

    /// <summary>Gets the smallest qualifying purchase; its currency is the rule's.</summary>
    public Money MinimumPurchase { get; }

    /// <summary>Gets the rule's currency.</summary>
    public Currency Currency => MinimumPurchase.Currency;

    /// <summary>Gets how long after binding a first purchase qualifies (exclusive).</summary>
    public Duration Window { get; }

    /// <summary>Gets what the inviter earns; null for nothing.</summary>
    public ReferralRewardValue? InviterReward { get; }

    /// <summary>Gets what the invited member earns; null for nothing.</summary>
    public ReferralRewardValue? InvitedReward { get; }

    /// <summary>Gets the most rewards one inviter may earn per <see cref="CapPeriod"/>; null for no cap.</summary>
    public int? InviterCap { get; }

    /// <summary>Gets the rolling period of <see cref="InviterCap"/>.</summary>
    public Duration CapPeriod { get; }

    /// <summary>Returns the window of <see cref="InviterCap"/> for a purchase: the rewards it counts.</summary>
    /// <param name="paidAt">When the purchase was paid.</param>
    /// <returns>The window <c>(paidAt − CapPeriod, paidAt]</c>.</returns>
    public ReferralCapWindow CapWindow(Instant paidAt) => new(paidAt - CapPeriod, paidAt);

    /// <summary>Gets the rule's version, a content hash (<c>"sha256:…"</c>); a claim records it.</summary>
    public string Version { get; }

    /// <summary>Creates a referral-reward rule, validating every setting.</summary>
    /// <param name="name">The rule's name; not empty.</param>
    /// <param name="options">The settings; copied.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvitationRuleException">A setting is invalid; the exception names it and its value.</exception>
    public static ReferralRewardRule Create(string name, ReferralRewardRuleOptions options) => new(name, options);

    /// <summary>
    /// Returns what compliance needs to know: with the plan's rates, the most the reward pays as a ratio of the smallest
    /// qualifying purchase (a fixed amount counts against <see cref="MinimumPurchase"/>), at most 100 %.
    /// </summary>
    /// <param name="plan">The commission plan that pays the same sales, if any.</param>
    /// <returns>The facts.</returns>
    public InvitationRuleFacts GetFacts(PlanFacts? plan = null)
    {
        var ratio = Ratio(InviterReward) + Ratio(InvitedReward);
        return new InvitationRuleFacts(Name)
        {
            PayoutRatio = ratio == 0m ? null : Rate.FromFraction(Math.Min(1m, Math.Round(ratio + (plan?.MaxTotalRate.Fraction ?? 0m), Limits.MaxRateDecimals, MidpointRounding.AwayFromZero))),
        };
    }

    /// <summary>Returns the rule's name.</summary>
    /// <returns>E.g. <c>"referral 'first-order'"</c>.</returns>
    public override string ToString() => "referral '" + Name + "'";

    private decimal Ratio(ReferralRewardValue? value) => value?.Kind switch
    {
        ReferralRewardKind.Fixed => value.Amount!.Value.Amount / MinimumPurchase.Amount,
        ReferralRewardKind.ShareOfPurchase => value.Share!.Value.Fraction,
        _ => 0m,
    };

    private void CheckCurrency(string field, ReferralRewardValue? value, Currency currency)
    {
        if (value?.Amount is { } amount && amount.Currency != currency)
        {
            throw Fault(field, value.ToString(), "should be in the rule's currency " + currency.Code + " (the minimum purchase's).");
        }
    }

    private InvitationRuleException Fault(string field, string value, string problem) => new(Name, field, value, problem);
}
