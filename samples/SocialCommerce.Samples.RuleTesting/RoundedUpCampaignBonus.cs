using SocialCommerce;
using SocialCommerce.Commissions;

namespace Shop.Payouts;

/// <summary>
/// A deliberately WRONG version of <see cref="CategoryCampaignBonus"/>: it rounds each bonus UP to a whole
/// minor unit ("never pay a fraction of a fen"), which pays money the campaign never promised. The tests
/// show the conservation check catching it with a shrunk counterexample.
/// </summary>
public sealed class RoundedUpCampaignBonus(string category, Rate rate) : ICommissionRule
{
    public string Name => CategoryCampaignBonus.RuleName;

    public void Apply(CommissionRuleContext context)
    {
        if (!context.TryGetUpline(1, out var referrer) || !context.MayEarn(referrer))
        {
            return;
        }

        var lines = context.Sale.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Category != category)
            {
                continue;
            }

            var lineBase = context.GetLineBase(i);
            context.Add(new CommissionLine
            {
                Beneficiary = referrer,
                Level = 1,
                SaleLineIndex = i,
                Base = lineBase,
                Rate = rate,
                Amount = rate.ApplyTo(lineBase).Round(RoundingMode.AwayFromZero), // the bug
                Note = "campaign bonus",
            });
        }
    }
}
