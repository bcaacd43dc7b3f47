using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

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
