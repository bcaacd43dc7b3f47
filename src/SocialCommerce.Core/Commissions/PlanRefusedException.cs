using System;
using System.Collections.Generic;
using System.Text;
using SocialCommerce.Compliance;

namespace SocialCommerce.Commissions;

/// <summary>
/// Thrown when a <see cref="CommissionEngine"/> is created with a plan that breaks its enforced compliance profile
/// (an error finding of <see cref="ComplianceProfile.CheckPlan"/>: paid depth, payout ratio, head-count rewards, entry fee).
/// </summary>
/// <remarks>The message names the plan, the profile, each field and its value; <see cref="ComplianceException.Findings"/> lists the findings. One of the <see cref="ComplianceException"/> family.</remarks>
public sealed class PlanRefusedException : ComplianceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="planName">The refused plan's name.</param>
    /// <param name="profileName">The profile that refused it.</param>
    /// <param name="findings">The error findings.</param>
    public PlanRefusedException(string planName, string profileName, IReadOnlyList<ComplianceFinding> findings)
        : base(profileName, findings, Compose(planName, profileName, findings))
    {
        PlanName = planName;
    }

    /// <summary>Gets the refused plan's name.</summary>
    public string PlanName { get; }

    private static string Compose(string planName, string profileName, IReadOnlyList<ComplianceFinding> findings)
    {
        var text = new StringBuilder();
        text.Append("Commission plan '").Append(planName).Append("' is refused by compliance profile '").Append(profileName).Append("':");
        foreach (var finding in findings ?? [])
        {
            text.Append(' ').Append(finding.Code).Append(' ').Append(finding.Message);
        }

        return text.ToString();
    }
}
