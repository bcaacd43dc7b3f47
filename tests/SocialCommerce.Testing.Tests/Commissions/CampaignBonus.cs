using SocialCommerce.Commissions;

namespace SocialCommerce.Testing.Tests.Commissions;

/// <summary>
/// A host-style rule for the kit's own tests: the buyer's referrer earns an extra rate on lines of one category.
/// With <c>roundUp</c> it rounds each bonus up to a whole minor unit: the bug the conservation check must catch.
/// </summary>
internal sealed class CampaignBonus(string category, Rate rate, bool roundUp) : ICommissionRule
{
    public const string RuleName = "campaign-bonus";

    public string Name => RuleName;

    public void Apply(CommissionRuleContext context)
    {
        if (!context.TryGetUpline(1, out var referrer) || !context.MayEarn(referrer))
        {
            return;
        }

        for (var i = 0; i < context.Sale.Lines.Count; i++)
        {
            if (context.Sale.Lines[i].Category != category)
            {
                continue;
            }

            var lineBase = context.GetLineBase(i);
            var amount = rate.ApplyTo(lineBase);
            context.Add(new CommissionLine
            {
                Beneficiary = referrer,
                Level = 1,
                SaleLineIndex = i,
                Base = lineBase,
                Rate = rate,
                Amount = roundUp ? amount.Round(RoundingMode.AwayFromZero) : amount,
            });
        }
    }
}
