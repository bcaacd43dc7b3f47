using System.Linq;
using SocialCommerce.Checkout;
using SocialCommerce.Compliance;
using SocialCommerce.Points;
using SocialCommerce.Sharing;

namespace SocialCommerce.Core.Tests.Compliance;

/// <summary>
/// Compliance of points and share rewards (issue 27): redeemable rewards count toward the payout ratio where the
/// profile says so, a task rewarding a sign-up alone is a head-count reward (SC103), and a share reward without a
/// purchase is refused under every built-in profile (SC506).
/// </summary>
public sealed class PointsAndShareComplianceTests
{
    // 5 points per yuan paid, 100 points pay a yuan: points worth 5 % of what was paid.
    private static readonly PointsPolicy Policy = new(new PurchasePointsRule(Currency.CNY, 5), new PointsRedemption(Currency.CNY, 100));

    [Fact]
    public void A_points_policy_gives_the_share_of_a_purchase_its_points_are_worth()
    {
        Assert.Equal(Rate.Percent(5), Policy.RedeemableRewardRate);
        var categories = Policy with { Earning = new PurchasePointsRule(Currency.CNY, 5, new System.Collections.Generic.Dictionary<string, long> { ["tea"] = 12 }) };
        Assert.Equal(Rate.Percent(12), categories.RedeemableRewardRate);
        Assert.Null((Policy with { Redemption = null }).RedeemableRewardRate);
        Assert.Null((Policy with { Earning = new PurchasePointsRule(Currency.CNY, 0) }).RedeemableRewardRate);
        Assert.Equal(Rate.Full, (Policy with { Earning = new PurchasePointsRule(Currency.CNY, 500) }).RedeemableRewardRate);
    }

    [Fact]
    public void Redeemable_points_count_toward_the_payout_ratio_only_where_the_profile_says_so()
    {
        // 27 % in commissions is within the direct-selling cap of 30 %; with points worth 5 % it is not.
        var plan = new PlanFacts("direct", 1, Rate.Percent(27), RewardsRecruitment: false, RequiresEntryFee: false);
        var direct = ComplianceProfiles.ChinaDirectSelling;
        Assert.True(direct.CountsRedeemableRewards);
        Assert.True(direct.CheckPlan(plan).IsAccepted);

        var withPoints = plan with { RedeemableRewardRate = Policy.RedeemableRewardRate };
        var decision = direct.CheckPlan(withPoints);
        Assert.True(decision.IsRefused);
        var finding = Assert.Single(decision.Findings, f => f.Code == ComplianceCodes.PlanPayoutRatioExceeded);
        Assert.Contains("27 %", finding.Message, System.StringComparison.Ordinal);
        Assert.Contains("5 % in points or coupons redeemable for money, 32 % in total", finding.Message, System.StringComparison.Ordinal);

        // A profile with the same cap that does not count redeemable rewards accepts it.
        Assert.True((direct with { CountsRedeemableRewards = false }).CheckPlan(withPoints).IsAccepted);
    }

    [Fact]
    public void A_task_that_rewards_a_sign_up_alone_is_a_head_count_reward()
    {
        var invite = new PointsTaskRule("invite-a-friend", 50) { RewardsSignUp = true };
        var review = new PointsTaskRule("review", 20);
        foreach (var profile in ComplianceProfiles.All)
        {
            var decision = profile.CheckInvitationRule(invite.Facts);
            Assert.Equal(!profile.AllowsRecruitmentRewards, decision.Findings.Any(f => f.Code == ComplianceCodes.PlanRecruitmentReward && f.Severity == FindingSeverity.Error));
            Assert.Empty(profile.CheckInvitationRule(review.Facts).Findings);
        }

        Assert.True(ComplianceProfiles.ChinaSocialCommerce.CheckInvitationRule(invite.Facts).IsRefused);
    }

    [Fact]
    public void A_share_reward_without_a_purchase_is_refused_under_every_built_in_profile()
    {
        var clicks = new InvitationRuleFacts("share-clicks") { RewardsShareWithoutPurchase = true };
        foreach (var profile in ComplianceProfiles.All)
        {
            var decision = profile.CheckInvitationRule(clicks);
            Assert.True(decision.IsRefused, $"{profile.Name}: {decision}");
            var finding = Assert.Single(decision.Findings, f => f.Code == ComplianceCodes.ShareRewardWithoutPurchase);
            Assert.Equal(FindingSeverity.Error, finding.Severity);
            Assert.Contains("'share-clicks'", finding.Message, System.StringComparison.Ordinal);
        }

        // The SDK's own share rule rewards purchases only: every built-in profile accepts it.
        var rule = ShareRewardRule.Create("share", new ShareRewardRuleOptions { Points = 10, MinimumPurchase = new Money(0m, Currency.CNY) });
        Assert.All(ComplianceProfiles.All, p => Assert.Empty(p.CheckInvitationRule(rule.Facts).Findings));
        Assert.Equal("Anti-Unfair Competition Law art. 8; E-Commerce Law art. 17 (fabricated transactions) (rewards for clicks and shares alone: fabricated traffic)", ComplianceProfiles.ChinaSocialCommerce.GetCitation(ComplianceCodes.ShareRewardWithoutPurchase));
    }
}
