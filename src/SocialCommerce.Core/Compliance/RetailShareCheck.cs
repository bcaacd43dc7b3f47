using System;
using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

internal sealed class RetailShareCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.Network || arguments.Profile.MinCustomerShare is not { } min || arguments.Network?.RetailShare is not { } share)
        {
            return;
        }

        var strict = arguments.Profile.StrictThresholds.HasFlag(ComplianceThresholds.CustomerShare);
        if (strict ? share.CustomerShare > min : share.CustomerShare >= min)
        {
            return;
        }

        var percent = Math.Round(share.CustomerShare.AsPercent, 2, MidpointRounding.ToZero).ToString("0.##", CultureInfo.InvariantCulture);
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "Customers who are not participants bought {0} of the {1} rewarded in the period ({2} %, {3} rewarded sales), {6} the minimum customer share of {4} of profile '{5}'.",
            share.CustomerVolume,
            share.RewardedVolume,
            percent,
            share.Sales,
            min,
            arguments.Profile.Name,
            strict ? "not more than" : "below");
        findings.Add(new ComplianceFinding(ComplianceCodes.NetworkRetailShareLow, FindingSeverity.Warning, message, arguments.Profile.GetCitation(ComplianceCodes.NetworkRetailShareLow), FindingScope.Network, "network"));
    }
}
