using System;
using System.Collections.Generic;
using System.Linq;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.SideBySide;

/// <summary>
/// The plan as the straightforward LINQ a team writes by hand: read the upline as a list, rates from a
/// dictionary keyed by category, <c>SelectMany</c> over lines × levels, round, drop zeros.
/// </summary>
internal sealed class LinqQuoter : IThreeLevelQuoter
{
    private readonly ReferralNetwork _network;
    private readonly Dictionary<string, decimal[]> _ratesByCategory = new(StringComparer.Ordinal)
    {
        [ThreeLevelPlan.OverrideCategory] = ThreeLevelPlan.OverrideRates,
    };

    public LinqQuoter(ReferralNetwork network) => _network = network;

    public string Name => "LINQ";

    public int Quote(Sale sale, Span<PayoutLine> destination)
    {
        var upline = _network.GetUpline(sale.Buyer, ThreeLevelPlan.Levels);
        var payouts = sale.Lines
            .SelectMany((line, index) => upline.Select((beneficiary, level) => new PayoutLine(
                beneficiary,
                level + 1,
                index,
                new Money(line.Amount * RatesFor(line.Category)[level], sale.Currency).Round(RoundingMode.TowardZero))))
            .Where(payout => !payout.Amount.IsZero)
            .ToList();
        payouts.CopyTo(destination);
        return payouts.Count;
    }

    private decimal[] RatesFor(string category) =>
        _ratesByCategory.TryGetValue(category, out var rates) ? rates : ThreeLevelPlan.DefaultRates;
}
