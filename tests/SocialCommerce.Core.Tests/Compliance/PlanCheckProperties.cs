using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialCommerce.Compliance;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Compliance;

public sealed class PlanCheckProperties
{
    [Property(Arbitrary = [typeof(ComplianceArbitraries)], MaxTest = 1000)]
    public Property A_plan_accepted_by_a_profile_is_accepted_by_every_looser_profile(ProfilePair pair, PlanFacts plan)
    {
        var strict = pair.Strict.CheckPlan(plan);
        var loose = pair.Loose.CheckPlan(plan);
        return (!strict.IsAccepted || loose.IsAccepted).Label($"strict {strict.IsAccepted}, loose {loose.IsAccepted}");
    }

    [Property(Arbitrary = [typeof(ComplianceArbitraries)], MaxTest = 1000)]
    public Property Plan_check_refuses_exactly_when_a_limit_is_exceeded(ComplianceProfile profile, PlanFacts plan)
    {
        var expected = new List<string>();
        if (profile.MaxPaidDepth is { } depth && plan.PaidDepth > depth)
        {
            expected.Add(ComplianceCodes.PlanPaidDepthExceeded);
        }

        if (profile.MaxPayoutRatio is { } ratio && plan.MaxTotalRate.Fraction > ratio.Fraction)
        {
            expected.Add(ComplianceCodes.PlanPayoutRatioExceeded);
        }

        if (plan.RewardsRecruitment && !profile.AllowsRecruitmentRewards)
        {
            expected.Add(ComplianceCodes.PlanRecruitmentReward);
        }

        if (plan.RequiresEntryFee && !profile.AllowsEntryFee)
        {
            expected.Add(ComplianceCodes.PlanEntryFee);
        }

        var decision = profile.CheckPlan(plan);
        var errors = decision.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => f.Code).ToList();
        var refusedAsExpected = decision.IsRefused == (profile.Mode == ComplianceMode.Enforce && expected.Count > 0);
        var teamWarning = decision.Findings.Any(f => f.Code == ComplianceCodes.PlanTeamCompensation) == (plan.PaidDepth >= 2);
        return (refusedAsExpected && errors.SequenceEqual(expected) && teamWarning && decision.Findings.All(f => f.Subject == plan.Name && f.Scope == FindingScope.Plan))
            .Label($"expected [{string.Join(",", expected)}] got {decision}");
    }

    [Property(Arbitrary = [typeof(ComplianceArbitraries)], MaxTest = 500)]
    public Property Audit_mode_reports_the_same_findings_and_refuses_nothing(ComplianceProfile profile, PlanFacts plan)
    {
        var enforce = (profile with { Mode = ComplianceMode.Enforce }).CheckPlan(plan);
        var audit = (profile with { Mode = ComplianceMode.Audit }).CheckPlan(plan);
        return (audit.IsAccepted && audit.Findings.SequenceEqual(enforce.Findings) && enforce.IsRefused == enforce.HasErrors).Label(audit.ToString());
    }

    [Property(MaxTest = 500)]
    public Property Group_buy_rule_is_refused_exactly_when_simulated_participants_are_forbidden(bool allowedByProfile, bool allowedByRule, bool audit)
    {
        var profile = ComplianceProfiles.ChinaSocialCommerce with
        {
            AllowsSimulatedParticipants = allowedByProfile,
            Mode = audit ? ComplianceMode.Audit : ComplianceMode.Enforce,
        };
        var decision = profile.CheckGroupBuyRule("rule", allowedByRule);
        var breaks = allowedByRule && !allowedByProfile;
        return (decision.IsRefused == (breaks && !audit)
                && decision.Findings.Count == (breaks ? 1 : 0)
                && decision.Findings.All(f => f.Code == ComplianceCodes.GroupBuySimulatedParticipants && f.Scope == FindingScope.GroupBuy && f.Subject == "rule"))
            .Label(decision.ToString());
    }
}
