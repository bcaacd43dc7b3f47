using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;

namespace SocialCommerce.Testing.Tests.Commissions;

public sealed class CommissionPlanGenTests
{
    public static TheoryData<string> BuiltInProfiles() => [.. ComplianceProfiles.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(BuiltInProfiles))]
    public void Every_plan_generated_within_a_built_in_profile_is_accepted_by_it(string name)
    {
        var profile = ComplianceProfiles.Get(name);
        foreach (var sample in Draw.From(CommissionPlanGen.Within(profile, Currency.CNY), 300, 20))
        {
            var plan = sample.Build();
            var decision = profile.CheckPlan(plan.ToPlanFacts());
            Assert.True(decision.IsAccepted, $"{profile.Name} refused {sample}: {decision}");
            _ = new CommissionEngine(plan, new CommissionEngineOptions { Compliance = profile, Ranks = new NoRanks() });
        }
    }

    [Theory]
    [MemberData(nameof(BuiltInProfiles))]
    public void Every_plan_generated_to_break_a_built_in_profile_is_refused_for_the_stated_limit(string name)
    {
        var profile = ComplianceProfiles.Get(name) with { Mode = ComplianceMode.Enforce };
        var codes = new System.Collections.Generic.HashSet<string>();
        foreach (var breach in Draw.From(CommissionPlanGen.Breaking(profile, Currency.CNY), 300, 20))
        {
            var decision = profile.CheckPlan(breach.Plan.Build().ToPlanFacts());
            Assert.True(decision.IsRefused, $"{profile.Name} accepted {breach}");
            Assert.Contains(decision.Findings, f => f.Code == breach.FindingCode && f.Severity == FindingSeverity.Error);
            codes.Add(breach.FindingCode);
        }

        // Every limit the profile sets is broken by some generated plan.
        var breakable = new System.Collections.Generic.HashSet<string>();
        if (profile.MaxPaidDepth is not null)
        {
            breakable.Add(ComplianceCodes.PlanPaidDepthExceeded);
        }

        if (profile.MaxPayoutRatio is { } ratio && ratio.Fraction < 1m)
        {
            breakable.Add(ComplianceCodes.PlanPayoutRatioExceeded);
        }

        if (!profile.AllowsRecruitmentRewards)
        {
            breakable.Add(ComplianceCodes.PlanRecruitmentReward);
        }

        if (!profile.AllowsEntryFee)
        {
            breakable.Add(ComplianceCodes.PlanEntryFee);
        }

        Assert.Equal(breakable.Order(), codes.Order());
    }

    [Fact]
    public void A_profile_with_no_plan_limits_cannot_be_broken()
    {
        var open = new ComplianceProfile { Name = "open", AllowsEntryFee = true, AllowsRecruitmentRewards = true };
        var ex = Assert.Throws<System.ArgumentException>(() => CommissionPlanGen.Breaking(open, Currency.CNY));
        Assert.Contains("'open'", ex.Message, System.StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = 500)]
    public void The_samples_own_depth_and_ratio_match_the_sdks_plan_facts(PlanSample sample)
    {
        var facts = sample.Build().ToPlanFacts();
        Assert.Equal(sample.ExpectedPaidDepth, facts.PaidDepth);
        Assert.Equal(sample.MaxTotalBasisPoints / 10_000m, facts.MaxTotalRate.Fraction);
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = 300)]
    public void Shrinking_a_plan_gives_valid_plans_that_pay_no_deeper_and_no_more(PlanSample sample)
    {
        foreach (var smaller in CommissionPlanGen.Shrink(sample))
        {
            var facts = smaller.Build().ToPlanFacts();
            Assert.True(facts.PaidDepth <= sample.ExpectedPaidDepth, $"{smaller} pays deeper than {sample}");
            Assert.True(smaller.MaxTotalBasisPoints <= sample.MaxTotalBasisPoints, $"{smaller} pays more than {sample}");
        }
    }

    private sealed class NoRanks : IMemberRanks
    {
        public int GetRank(SocialCommerce.Network.MemberId member) => 0;
    }
}
