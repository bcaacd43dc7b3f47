using NodaTime;

namespace SocialCommerce.Invitations;

/// <summary>The settings of a referral-reward rule (拉新, 老带新), validated by <see cref="ReferralRewardRule.Create"/>.</summary>
public sealed class ReferralRewardRuleOptions
{
    /// <summary>Gets or sets the smallest purchase that qualifies (its paid total, in the rule's currency): positive, whole minor units.</summary>
    public Money MinimumPurchase { get; set; }

    /// <summary>Gets or sets how long after binding the invited member's first purchase qualifies (exclusive): positive, at most <see cref="Limits.MaxDuration"/>. Defaults to 30 days.</summary>
    public Duration Window { get; set; } = Duration.FromDays(30);

    /// <summary>Gets or sets what the inviter earns; null for nothing.</summary>
    public ReferralRewardValue? InviterReward { get; set; }

    /// <summary>Gets or sets what the invited member earns; null for nothing.</summary>
    public ReferralRewardValue? InvitedReward { get; set; }

    /// <summary>Gets or sets the most rewards one inviter may earn per <see cref="CapPeriod"/>; null for no cap.</summary>
    public int? InviterCap { get; set; }

    /// <summary>Gets or sets the rolling period <see cref="InviterCap"/> counts over (claims in <c>(at − period, at]</c>). Defaults to 30 days.</summary>
    public Duration CapPeriod { get; set; } = Duration.FromDays(30);
}
