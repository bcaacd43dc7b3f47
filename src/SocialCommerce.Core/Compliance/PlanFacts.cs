using NodaTime;
using SocialCommerce;

namespace SocialCommerce.Compliance;

/// <summary>
/// What a compliance profile needs to know about a compensation plan, whatever engine defines it.
/// </summary>
/// <param name="Name">The plan's name, used as the subject of findings.</param>
/// <param name="PaidDepth">The highest upline level that can receive a reward from one sale (0 when only the buyer's self-purchase rebate is paid).</param>
/// <param name="MaxTotalRate">The largest share of a sale's base the plan's rates can pay out in total (every level, self-purchase rebate included).</param>
/// <param name="RewardsRecruitment">Whether the plan pays for recruiting members (head-count rewards), rather than only for sales.</param>
/// <param name="RequiresEntryFee">Whether earning requires paying an entry fee or making a qualifying purchase.</param>
public sealed record PlanFacts(string Name, int PaidDepth, Rate MaxTotalRate, bool RewardsRecruitment, bool RequiresEntryFee)
{
    /// <summary>
    /// Gets how long earnings stay frozen after a sale completes (the return window), or null when unknown (then
    /// <see cref="ComplianceProfile.MinReturnWindow"/> is not checked). <see cref="Commissions.CommissionPlan.ToPlanFacts"/> sets it.
    /// </summary>
    public Duration? ReturnWindow { get; init; }

    /// <summary>
    /// Gets the largest share of a sale's paid amount that the shop also pays as points or coupons redeemable for money
    /// (their money value), or null when none: counted toward <see cref="ComplianceProfile.MaxPayoutRatio"/> by profiles
    /// with <see cref="ComplianceProfile.CountsRedeemableRewards"/>. <see cref="Points.PointsPolicy.RedeemableRewardRate"/>
    /// gives it for a points policy.
    /// </summary>
    public Rate? RedeemableRewardRate { get; init; }
}
