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
