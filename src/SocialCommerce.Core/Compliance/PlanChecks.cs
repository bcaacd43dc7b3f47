using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

internal sealed class PaidDepthCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.Plan || arguments.Plan is not { } plan || arguments.Profile.MaxPaidDepth is not { } max || plan.PaidDepth <= max)
        {
            return;
        }

        var allowed = max == 0 ? "allows no upline level (self-purchase rebates only)" : string.Format(CultureInfo.InvariantCulture, "allows paid depth {0} (upline levels 1 to {0}; the buyer is level 0, the buyer's direct referrer level 1)", max);
        var message = string.Format(CultureInfo.InvariantCulture, "Plan '{0}' pays upline level {1} (paid depth {1}), but profile '{2}' {3}.", plan.Name, plan.PaidDepth, arguments.Profile.Name, allowed);
        findings.Add(new ComplianceFinding(ComplianceCodes.PlanPaidDepthExceeded, FindingSeverity.Error, message, arguments.Profile.GetCitation(ComplianceCodes.PlanPaidDepthExceeded), FindingScope.Plan, plan.Name));
    }
}

internal sealed class PayoutRatioCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.Plan || arguments.Plan is not { } plan || arguments.Profile.MaxPayoutRatio is not { } max || plan.MaxTotalRate <= max)
        {
            return;
        }

        var message = string.Format(CultureInfo.InvariantCulture, "Plan '{0}' can pay out {1} of a sale's base in total, above the maximum payout ratio of {2} of profile '{3}'.", plan.Name, plan.MaxTotalRate, max, arguments.Profile.Name);
        findings.Add(new ComplianceFinding(ComplianceCodes.PlanPayoutRatioExceeded, FindingSeverity.Error, message, arguments.Profile.GetCitation(ComplianceCodes.PlanPayoutRatioExceeded), FindingScope.Plan, plan.Name));
    }
}

internal sealed class RecruitmentRewardCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.Plan || arguments.Plan is not { RewardsRecruitment: true } plan || arguments.Profile.AllowsRecruitmentRewards)
        {
            return;
        }

        var message = string.Format(CultureInfo.InvariantCulture, "Plan '{0}' rewards recruiting members (head-count rewards, 拉人头), but profile '{1}' allows rewards only for real sales.", plan.Name, arguments.Profile.Name);
        findings.Add(new ComplianceFinding(ComplianceCodes.PlanRecruitmentReward, FindingSeverity.Error, message, arguments.Profile.GetCitation(ComplianceCodes.PlanRecruitmentReward), FindingScope.Plan, plan.Name));
    }
}

internal sealed class EntryFeeCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.Plan || arguments.Plan is not { RequiresEntryFee: true } plan || arguments.Profile.AllowsEntryFee)
        {
            return;
        }

        var message = string.Format(CultureInfo.InvariantCulture, "Plan '{0}' makes earning depend on an entry fee or a qualifying purchase (入门费), but profile '{1}' forbids it.", plan.Name, arguments.Profile.Name);
        findings.Add(new ComplianceFinding(ComplianceCodes.PlanEntryFee, FindingSeverity.Error, message, arguments.Profile.GetCitation(ComplianceCodes.PlanEntryFee), FindingScope.Plan, plan.Name));
    }
}

internal sealed class TeamCompensationCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.Plan || arguments.Plan is not { PaidDepth: >= 2 } plan || !arguments.Profile.WarnsOnTeamCompensation)
        {
            return;
        }

        var message = string.Format(CultureInfo.InvariantCulture, "Plan '{0}' pays upline levels 2 to {1}: members earn from their downline's sales (team compensation, 团队计酬). Without entry fee or head-count rewards this is an administrative matter; with either, a team of 30 participants over 3 team levels reaches the criminal threshold.", plan.Name, plan.PaidDepth);
        findings.Add(new ComplianceFinding(ComplianceCodes.PlanTeamCompensation, FindingSeverity.Warning, message, arguments.Profile.GetCitation(ComplianceCodes.PlanTeamCompensation), FindingScope.Plan, plan.Name));
    }
}

internal sealed class SimulatedParticipantsCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.GroupBuy || arguments.GroupBuyRule is not { AllowsSimulatedParticipants: true } rule || arguments.Profile.AllowsSimulatedParticipants)
        {
            return;
        }

        var message = string.Format(CultureInfo.InvariantCulture, "Group-buy rule '{0}' completes unfilled groups with simulated participants, but profile '{1}' forbids simulated participants (fabricated transactions).", rule.Name, arguments.Profile.Name);
        findings.Add(new ComplianceFinding(ComplianceCodes.GroupBuySimulatedParticipants, FindingSeverity.Error, message, arguments.Profile.GetCitation(ComplianceCodes.GroupBuySimulatedParticipants), FindingScope.GroupBuy, rule.Name));
    }
}
