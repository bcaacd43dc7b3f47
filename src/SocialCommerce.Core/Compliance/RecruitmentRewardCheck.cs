using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

internal sealed class RecruitmentRewardCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope == FindingScope.Invitation && arguments.InvitationRule is { RewardsSignUp: true } invitation && !arguments.Profile.AllowsRecruitmentRewards)
        {
            var text = string.Format(CultureInfo.InvariantCulture, "'{0}' pays a reward for registering or binding alone (a head-count reward, 拉人头), but profile '{1}' allows referral rewards only for a completed purchase.", invitation.Name, arguments.Profile.Name);
            findings.Add(new ComplianceFinding(ComplianceCodes.PlanRecruitmentReward, FindingSeverity.Error, text, arguments.Profile.GetCitation(ComplianceCodes.PlanRecruitmentReward), FindingScope.Invitation, invitation.Name));
            return;
        }

        if (arguments.Scope != FindingScope.Plan || arguments.Plan is not { RewardsRecruitment: true } plan || arguments.Profile.AllowsRecruitmentRewards)
        {
            return;
        }

        var message = string.Format(CultureInfo.InvariantCulture, "Plan '{0}' rewards recruiting members (head-count rewards, 拉人头), but profile '{1}' allows rewards only for real sales.", plan.Name, arguments.Profile.Name);
        findings.Add(new ComplianceFinding(ComplianceCodes.PlanRecruitmentReward, FindingSeverity.Error, message, arguments.Profile.GetCitation(ComplianceCodes.PlanRecruitmentReward), FindingScope.Plan, plan.Name));
    }
}
