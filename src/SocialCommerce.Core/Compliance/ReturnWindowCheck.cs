using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

internal sealed class ReturnWindowCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.Plan || arguments.Plan is not { ReturnWindow: { } window } plan
            || arguments.Profile.MinReturnWindow is not { } minimum || window >= minimum)
        {
            return;
        }

        var message = string.Format(
            CultureInfo.InvariantCulture,
            "Plan '{0}' releases commissions {1} day(s) after a sale completes (its return window), but under profile '{2}' buyers may return goods for {3} days: a lawful return after release claws back money that is already available or paid out. Set the plan's return window to at least {3} days.",
            plan.Name,
            Days(window),
            arguments.Profile.Name,
            Days(minimum));
        findings.Add(new ComplianceFinding(ComplianceCodes.PlanReturnWindowShort, FindingSeverity.Warning, message, arguments.Profile.GetCitation(ComplianceCodes.PlanReturnWindowShort), FindingScope.Plan, plan.Name));
    }

    // For people: 7, 0.5 (12 hours), 0 — display only; the comparison above is exact.
    private static string Days(NodaTime.Duration duration) => duration.TotalDays.ToString("0.##", CultureInfo.InvariantCulture);
}
