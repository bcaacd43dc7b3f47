using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

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
