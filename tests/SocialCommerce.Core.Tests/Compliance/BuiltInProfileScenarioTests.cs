using System.Collections.Generic;
using System.Linq;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Compliance;

public sealed class BuiltInProfileScenarioTests
{
    private static readonly PlanFacts ThreeLevel = new("three-level", 3, Rate.Percent(15m), RewardsRecruitment: false, RequiresEntryFee: false);

    [Fact]
    public void China_social_commerce_accepts_a_three_level_plan_with_a_team_compensation_warning()
    {
        var decision = ComplianceProfiles.ChinaSocialCommerce.CheckPlan(ThreeLevel);

        Assert.True(decision.IsAccepted);
        var finding = Assert.Single(decision.Findings);
        Assert.Equal(ComplianceCodes.PlanTeamCompensation, finding.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(
            "Plan 'three-level' pays upline levels 2 to 3: members earn from their downline's sales (team compensation, 团队计酬). Without entry fee or head-count rewards this is an administrative matter; with either, a team of 30 participants over 3 team levels reaches the criminal threshold.",
            finding.Message);
        Assert.Equal("Regulations on Prohibition of Pyramid Selling (禁止传销条例, 2005), art. 7(3) (team compensation)", finding.Citation);
    }

    [Fact]
    public void China_social_commerce_refuses_a_four_level_plan_with_an_entry_fee_and_head_count_rewards()
    {
        var plan = new PlanFacts("vip-club", 4, Rate.Percent(40m), RewardsRecruitment: true, RequiresEntryFee: true);

        var decision = ComplianceProfiles.ChinaSocialCommerce.CheckPlan(plan);

        Assert.True(decision.IsRefused);
        Assert.Equal(
            [ComplianceCodes.PlanPaidDepthExceeded, ComplianceCodes.PlanRecruitmentReward, ComplianceCodes.PlanEntryFee, ComplianceCodes.PlanTeamCompensation],
            decision.Findings.Select(f => f.Code));
        Assert.Equal(
            "Plan 'vip-club' pays upline level 4 (paid depth 4), but profile 'cn-social-commerce' allows paid depth 3 (levels 1 to 3; level 1 is the buyer's direct referrer, the buyer is level 0).",
            decision.Findings[0].Message);
        Assert.Equal("Plan 'vip-club' rewards recruiting members (head-count rewards, 拉人头), but profile 'cn-social-commerce' allows rewards only for real sales.", decision.Findings[1].Message);
        Assert.Equal("Plan 'vip-club' makes earning depend on an entry fee or a qualifying purchase (入门费), but profile 'cn-social-commerce' forbids it.", decision.Findings[2].Message);
        var exception = Assert.Throws<ComplianceRefusedException>(decision.EnsureAccepted);
        Assert.StartsWith("Plan 'vip-club' refused by profile 'cn-social-commerce' (Enforce): 4 findings", exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void China_social_commerce_audit_reports_the_deep_chain_and_the_team_at_the_threshold_as_the_administrative_case()
    {
        var report = ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(ScenarioNetwork.Build(), ThreeLevel);
        var a = report.Analysis;

        // Counted by hand: see ScenarioNetwork.
        Assert.Equal(38, a.MemberCount);
        Assert.Equal(3, a.TreeCount);
        Assert.Equal([3, 5, 27, 1, 1, 1], a.MembersAtDepth);
        Assert.Equal(5, a.MaxDepth);
        Assert.Equal(new TeamSummary(new MemberId(1), 34, 5), a.LargestTree);
        Assert.Equal(NetworkShape.Layered, a.Shape); // 10 x 34 > 38; height 5 < 8; height 5 > 3.

        // Fan-out: 1 has 3, 2/3/4 have 9, 500 has 2, 10/100/101 have 1; the 30 others none.
        Assert.Equal(8, a.FanOut.Recruiters);
        Assert.Equal(9, a.FanOut.MaxFanOut);
        Assert.Equal(new MemberId(2), a.FanOut.WidestRecruiter);
        Assert.Equal(4.38m, a.FanOut.MeanFanOut); // 35 recruits / 8 recruiters = 4.375
        Assert.Equal([new(0, 0, 30), new(1, 1, 3), new(2, 3, 2), new(4, 7, 0), new FanOutBucket(8, 15, 3)], a.FanOut.Buckets);

        // Chain flag: more than 4 team levels; members at depth >= 4 (101, 102) are beyond team level 4.
        Assert.Equal([new ChainSummary(new TeamSummary(new MemberId(1), 34, 5), 2)], a.Chains);

        // Team flag: only member 1's team has >= 30 participants (team of 2 has 13), and it has >= 3 team levels.
        Assert.Equal(1, a.FlaggedMembers);
        Assert.Equal([new TeamSummary(new MemberId(1), 34, 5)], a.CoreTeams);
        Assert.Equal([new FlaggedTeam(new TeamSummary(new MemberId(1), 34, 5), 1, 1, TeamCase.Administrative)], a.FlaggedTeams);

        Assert.Equal(2, report.Findings.Count);
        var chain = report.Findings[0];
        Assert.Equal((ComplianceCodes.NetworkChainBeyondDepth, FindingSeverity.Warning, FindingScope.Network, "1"), (chain.Code, chain.Severity, chain.Scope, chain.Subject));
        Assert.Equal(
            "Referral tree of member 1 reaches 6 team levels (5 links below the top), more than the flag limit of 4 team levels (3 links); 34 participants in the tree, 2 of them beyond team level 4.",
            chain.Message);
        var team = report.Findings[1];
        Assert.Equal((ComplianceCodes.NetworkTeamThreshold, FindingSeverity.Warning, FindingScope.Network, "1"), (team.Code, team.Severity, team.Scope, team.Subject));
        Assert.Equal(
            "Team of member 1: 34 participants over 6 team levels (5 links below the top; the top member is level 1 and counts as a participant) reaches the flag thresholds of 30 participants and 3 team levels (members whose own team reaches them: 1; smallest such teams: 1). Administrative case: plan 'three-level' pays team compensation (paid depth 3) without entry fee or head-count reward.",
            team.Message);
        // The administrative case cites the team-compensation provision and the opinion's article that keeps it out
        // of criminal liability, not the criminal threshold (art. 1).
        Assert.StartsWith("Regulations on Prohibition of Pyramid Selling (禁止传销条例, 2005), art. 7(3)", team.Citation, System.StringComparison.Ordinal);
        Assert.Contains("(2013), art. 5", team.Citation, System.StringComparison.Ordinal);
        Assert.DoesNotContain("art. 1 (at least 30 participants", team.Citation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void China_social_commerce_audit_of_a_fee_charging_plan_is_the_criminal_threshold_case()
    {
        var plan = new PlanFacts("vip-club", 3, Rate.Percent(15m), RewardsRecruitment: false, RequiresEntryFee: true);

        var report = ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(ScenarioNetwork.Build(), plan);

        var team = report.Findings.Single(f => f.Code == ComplianceCodes.NetworkTeamThreshold);
        Assert.Equal(FindingSeverity.Error, team.Severity);
        Assert.EndsWith("Criminal-threshold case: plan 'vip-club' requires an entry fee or a qualifying purchase, and the team reaches the thresholds.", team.Message, System.StringComparison.Ordinal);
        Assert.Equal(TeamCase.CriminalThreshold, report.Analysis.TeamCase);
    }

    [Fact]
    public void China_social_commerce_audit_without_a_plan_leaves_the_case_undetermined()
    {
        var report = ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(ScenarioNetwork.Build());

        var team = report.Findings.Single(f => f.Code == ComplianceCodes.NetworkTeamThreshold);
        Assert.Equal(FindingSeverity.Warning, team.Severity);
        Assert.Contains("Case undetermined", team.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void China_direct_selling_refuses_an_upline_reward_and_a_ratio_over_30_percent()
    {
        var plan = new PlanFacts("ds-two-level", 2, Rate.Percent(35m), RewardsRecruitment: false, RequiresEntryFee: false);

        var decision = ComplianceProfiles.ChinaDirectSelling.CheckPlan(plan);

        Assert.True(decision.IsRefused);
        Assert.Equal(
            [
                "SC101 Error [Plan ds-two-level]: Plan 'ds-two-level' pays upline level 2 (paid depth 2), but profile 'cn-direct-selling' allows paid depth 1 (only level 1, the buyer's direct referrer; the buyer is level 0). (Direct Selling Administration Regulations (直销管理条例, 2005), art. 24 (pay only on the seller's own direct sales))",
                "SC102 Error [Plan ds-two-level]: Plan 'ds-two-level' can pay out 35 % of a sale's base in total, above the maximum payout ratio of 30 % of profile 'cn-direct-selling'. (Direct Selling Administration Regulations (直销管理条例, 2005), art. 24 (at most 30 % of the seller's own sales))",
                "SC105 Warning [Plan ds-two-level]: Plan 'ds-two-level' pays upline levels 2 to 2: members earn from their downline's sales (team compensation, 团队计酬). Without entry fee or head-count rewards this is an administrative matter; with either, a team of 30 participants over 3 team levels reaches the criminal threshold. (Regulations on Prohibition of Pyramid Selling (禁止传销条例, 2005), art. 7(3) (team compensation))",
            ],
            decision.Findings.Select(f => f.ToString()));
    }

    [Fact]
    public void China_direct_selling_accepts_the_seller_alone_at_exactly_30_percent_and_reports_the_team_for_information()
    {
        var plan = new PlanFacts("ds-seller", 1, Rate.Percent(30m), RewardsRecruitment: false, RequiresEntryFee: false);

        var decision = ComplianceProfiles.ChinaDirectSelling.CheckPlan(plan);
        var report = ComplianceProfiles.ChinaDirectSelling.AuditNetwork(ScenarioNetwork.Build(), plan);

        Assert.True(decision.IsAccepted);
        Assert.Empty(decision.Findings);
        Assert.Empty(report.Analysis.Chains); // no chain flag in this profile
        var team = Assert.Single(report.Findings);
        Assert.Equal((ComplianceCodes.NetworkTeamThreshold, FindingSeverity.Info), (team.Code, team.Severity));
        Assert.EndsWith("No team compensation: plan 'ds-seller' pays no upline above level 1 and has no entry fee or head-count reward.", team.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Two_level_distribution_refuses_level_3_and_flags_chains_past_three_team_levels()
    {
        var refused = ComplianceProfiles.TwoLevelDistribution.CheckPlan(ThreeLevel);
        var accepted = ComplianceProfiles.TwoLevelDistribution.CheckPlan(ThreeLevel with { Name = "two-level", PaidDepth = 2 });
        var report = ComplianceProfiles.TwoLevelDistribution.AuditNetwork(ScenarioNetwork.Build(), accepted.IsAccepted ? ThreeLevel with { PaidDepth = 2 } : null);

        Assert.True(refused.IsRefused);
        Assert.Equal(
            "SC101 Error [Plan three-level]: Plan 'three-level' pays upline level 3 (paid depth 3), but profile 'two-level-distribution' allows paid depth 2 (levels 1 to 2; level 1 is the buyer's direct referrer, the buyer is level 0). (Platform distribution rules: at most two levels, the credited seller counting as one)",
            Assert.Single(refused.Findings).ToString());
        Assert.True(accepted.IsAccepted);
        Assert.Empty(accepted.Findings);

        // Tree of 1: 6 team levels > 3; members at depth >= 3 are 100, 101, 102. Tree of 500 has 2 team levels.
        var chain = Assert.Single(report.Findings);
        Assert.Equal(
            "Referral tree of member 1 reaches 6 team levels (5 links below the top), more than the flag limit of 3 team levels (2 links); 34 participants in the tree, 3 of them beyond team level 3.",
            chain.Message);
        Assert.Empty(report.Analysis.FlaggedTeams);
    }

    [Fact]
    public void United_states_ftc_refuses_head_count_rewards_and_flags_a_period_driven_by_participants()
    {
        var plan = new PlanFacts("recruit-bonus", 2, Rate.Percent(20m), RewardsRecruitment: true, RequiresEntryFee: false);
        var sales = new List<RewardedSale>
        {
            new(new MemberId(2), new Money(300m, Currency.USD), BuyerIsParticipant: true),
            new(new MemberId(3), new Money(300m, Currency.USD), BuyerIsParticipant: true),
            new(new MemberId(9001), new Money(250m, Currency.USD), BuyerIsParticipant: false),
            new(new MemberId(9002), new Money(150m, Currency.USD), BuyerIsParticipant: false),
        };

        var decision = ComplianceProfiles.UnitedStatesFtc.CheckPlan(plan);
        var report = ComplianceProfiles.UnitedStatesFtc.AuditNetwork(ScenarioNetwork.Build(), periodSales: sales);

        Assert.True(decision.IsRefused);
        Assert.Equal(ComplianceCodes.PlanRecruitmentReward, Assert.Single(decision.Findings).Code);

        // Customers bought 250 + 150 = 400 of 1000: 40 % < 50 %.
        Assert.Equal(new RetailShareSummary(4, new Money(1000m, Currency.USD), new Money(400m, Currency.USD), Rate.Percent(40m)), report.Analysis.RetailShare);
        var low = Assert.Single(report.Findings);
        Assert.Equal(
            "SC303 Warning [Network network]: Customers who are not participants bought 400.00 USD of the 1000.00 USD rewarded in the period (40 %, 4 rewarded sales), below the minimum customer share of 50 % of profile 'us-ftc-mlm'. (FTC, Business Guidance Concerning Multi-Level Marketing (2018) (rewards driven by sales to non-participant customers))",
            low.ToString());
    }

    [Fact]
    public void United_states_ftc_does_not_flag_a_customer_share_of_exactly_50_percent()
    {
        var sales = new List<RewardedSale>
        {
            new(new MemberId(2), new Money(500m, Currency.USD), BuyerIsParticipant: true),
            new(new MemberId(9001), new Money(500m, Currency.USD), BuyerIsParticipant: false),
        };

        var report = ComplianceProfiles.UnitedStatesFtc.AuditNetwork(ScenarioNetwork.Build(), periodSales: sales);

        Assert.Empty(report.Findings);
        Assert.Equal(Rate.Percent(50m), report.Analysis.RetailShare!.CustomerShare);
    }

    [Fact]
    public void European_union_ucpd_allows_a_fee_but_refuses_pay_for_introducing_consumers_and_simulated_group_members()
    {
        var feeOnly = new PlanFacts("starter-kit", 5, Rate.Percent(50m), RewardsRecruitment: false, RequiresEntryFee: true);
        var recruiting = feeOnly with { Name = "introduce-and-earn", RewardsRecruitment = true };

        var accepted = ComplianceProfiles.EuropeanUnionUcpd.CheckPlan(feeOnly);
        var refused = ComplianceProfiles.EuropeanUnionUcpd.CheckPlan(recruiting);
        var groupBuy = ComplianceProfiles.EuropeanUnionUcpd.CheckGroupBuyRule("fill-with-bots", allowsSimulatedParticipants: true);
        var report = ComplianceProfiles.EuropeanUnionUcpd.AuditNetwork(ScenarioNetwork.Build(), feeOnly);

        Assert.True(accepted.IsAccepted);
        Assert.Empty(accepted.Findings);
        Assert.Equal(
            "SC103 Error [Plan introduce-and-earn]: Plan 'introduce-and-earn' rewards recruiting members (head-count rewards, 拉人头), but profile 'eu-ucpd' allows rewards only for real sales. (Unfair Commercial Practices Directive 2005/29/EC, Annex I, point 14)",
            Assert.Single(refused.Findings).ToString());
        Assert.True(groupBuy.IsRefused);
        Assert.Equal(
            "SC401 Error [GroupBuy fill-with-bots]: Group-buy rule 'fill-with-bots' completes unfilled groups with simulated participants, but profile 'eu-ucpd' forbids simulated participants (fabricated transactions). (Unfair Commercial Practices Directive 2005/29/EC, art. 6 (misleading actions))",
            Assert.Single(groupBuy.Findings).ToString());
        Assert.Empty(report.Findings); // no network thresholds in this profile
    }
}
