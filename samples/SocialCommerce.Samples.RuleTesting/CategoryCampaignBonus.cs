using SocialCommerce;
using SocialCommerce.Commissions;

namespace Shop.Payouts;

/// <summary>
/// The shop's campaign: during a promotion, the buyer's referrer earns an extra rate on every sale line
/// of one category, on top of the plan's level rates.
/// </summary>
public sealed class CategoryCampaignBonus(string category, Rate rate) : ICommissionRule
{
    public const string RuleName = "category-campaign-bonus";

    public string Name => RuleName;

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

            // The exact share: the engine rounds every line toward zero afterwards and keeps the remainder.
            var lineBase = context.GetLineBase(i);
            context.Add(new CommissionLine
            {
                Beneficiary = referrer,
                Level = 1,
                SaleLineIndex = i,
                Base = lineBase,
                Rate = rate,
                Amount = rate.ApplyTo(lineBase),
                Note = "campaign bonus",
            });
        }
    }
}
