using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

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
