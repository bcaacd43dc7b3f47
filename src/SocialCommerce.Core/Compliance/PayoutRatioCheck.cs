using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

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
