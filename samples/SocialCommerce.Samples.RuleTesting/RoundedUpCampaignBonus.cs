using SocialCommerce;
using SocialCommerce.Commissions;

namespace Shop.Payouts;

/// <summary>
/// A deliberately WRONG version of <see cref="CategoryCampaignBonus"/>: it rounds each bonus line UP to a whole
/// minor unit ("never pay a fraction of a fen"), which pays money the campaign never promised. The tests show the
/// conservation check catching it with a shrunk counterexample.
/// </summary>
public sealed class RoundedUpCampaignBonus(string category, Rate rate) : ICommissionRule
{
    private readonly CategoryCampaignBonus _exact = new(category, rate);

    public string Name => CategoryCampaignBonus.RuleName;

    public void Apply(CommissionRuleContext context)
    {
        var before = context.Lines.Length;
        _exact.Apply(context);
        for (var i = before; i < context.Lines.Length; i++)
        {
            var line = context.Lines[i];
            context.Replace(i, line with { Amount = line.Amount.Round(RoundingMode.AwayFromZero) }); // the bug
        }
    }
}
