using System;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.SideBySide;

/// <summary>
/// A reference floor, not one of the compared products: the plan as a plain loop over
/// <see cref="ReferralNetwork.CopyUpline"/> into a stack buffer, no LINQ, no allocation. It shows what
/// the hardware and the network allow, i.e. what the SDK's engine should approach on the same data.
/// </summary>
internal sealed class DirectLoopQuoter : IThreeLevelQuoter
{
    private readonly ReferralNetwork _network;

    public DirectLoopQuoter(ReferralNetwork network) => _network = network;

    public string Name => "direct loop";

    public int Quote(Sale sale, Span<PayoutLine> destination)
    {
        Span<MemberId> upline = stackalloc MemberId[ThreeLevelPlan.Levels];
        var levels = _network.CopyUpline(sale.Buyer, upline);
        var written = 0;
        var lines = sale.Lines;
        for (var l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            var rates = string.Equals(line.Category, ThreeLevelPlan.OverrideCategory, StringComparison.Ordinal)
                ? ThreeLevelPlan.OverrideRates
                : ThreeLevelPlan.DefaultRates;
            for (var level = 0; level < levels; level++)
            {
                var amount = new Money(line.Amount * rates[level], sale.Currency).Round(RoundingMode.TowardZero);
                if (!amount.IsZero)
                {
                    destination[written++] = new PayoutLine(upline[level], level + 1, l, amount);
                }
            }
        }

        return written;
    }
}
