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

        var allowed = max switch
        {
            0 => "allows no upline level (paid depth 0: self-purchase rebates only)",
            1 => "allows paid depth 1 (only level 1, the buyer's direct referrer; the buyer is level 0)",
            _ => string.Format(CultureInfo.InvariantCulture, "allows paid depth {0} (levels 1 to {0}; level 1 is the buyer's direct referrer, the buyer is level 0)", max),
        };
        var message = string.Format(CultureInfo.InvariantCulture, "Plan '{0}' pays upline level {1} (paid depth {1}), but profile '{2}' {3}.", plan.Name, plan.PaidDepth, arguments.Profile.Name, allowed);
        findings.Add(new ComplianceFinding(ComplianceCodes.PlanPaidDepthExceeded, FindingSeverity.Error, message, arguments.Profile.GetCitation(ComplianceCodes.PlanPaidDepthExceeded), FindingScope.Plan, plan.Name));
    }
}
