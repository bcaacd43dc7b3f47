using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

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
