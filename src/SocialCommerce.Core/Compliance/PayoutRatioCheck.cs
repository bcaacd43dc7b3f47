using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

internal sealed class PayoutRatioCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.Plan || arguments.Plan is not { } plan || arguments.Profile.MaxPayoutRatio is not { } max)
        {
            return;
        }

        // Points and coupons redeemable for money are rewards too where the profile says so (the direct-selling cap
        // counts "rewards in every form and other economic benefits").
        var redeemable = arguments.Profile.CountsRedeemableRewards && plan.RedeemableRewardRate is { } r ? r.Fraction : 0m;
        var total = plan.MaxTotalRate.Fraction + redeemable;
        if (total <= max.Fraction)
        {
            return;
        }

        var message = redeemable == 0m
            ? string.Format(CultureInfo.InvariantCulture, "Plan '{0}' can pay out {1} of a sale's base in total, above the maximum payout ratio of {2} of profile '{3}'.", plan.Name, plan.MaxTotalRate, max, arguments.Profile.Name)
            : string.Format(CultureInfo.InvariantCulture, "Plan '{0}' can pay out {1} of a sale's base in commissions and {2} in points or coupons redeemable for money, {3:0.######} % in total, above the maximum payout ratio of {4} of profile '{5}', which counts redeemable rewards.", plan.Name, plan.MaxTotalRate, plan.RedeemableRewardRate, total * 100m, max, arguments.Profile.Name);
        findings.Add(new ComplianceFinding(ComplianceCodes.PlanPayoutRatioExceeded, FindingSeverity.Error, message, arguments.Profile.GetCitation(ComplianceCodes.PlanPayoutRatioExceeded), FindingScope.Plan, plan.Name));
    }
}
