using System;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.SideBySide;

/// <summary>
/// A second reference floor: <see cref="DirectLoopQuoter"/> with the arithmetic in whole minor units.
/// A line of whole fen times a rate of whole basis points, divided by 10,000 with integer division,
/// is exactly the decimal product rounded toward zero to the fen (for non-negative amounts), without
/// decimal multiplication and rounding per (line, level). Lines that are not whole minor units take
/// the decimal path. It shows how far a quote engine can go when it keeps rates in basis points.
/// </summary>
internal sealed class MinorUnitLoopQuoter : IThreeLevelQuoter
{
    private const long BasisPointsPerUnit = 10_000;

    private static readonly long[] DefaultBasisPoints = ToBasisPoints(ThreeLevelPlan.DefaultRates);
    private static readonly long[] OverrideBasisPoints = ToBasisPoints(ThreeLevelPlan.OverrideRates);

    private readonly ReferralNetwork _network;

    public MinorUnitLoopQuoter(ReferralNetwork network) => _network = network;

    public string Name => "minor-unit loop";

    public int Quote(Sale sale, Span<PayoutLine> destination)
    {
        Span<MemberId> upline = stackalloc MemberId[ThreeLevelPlan.Levels];
        var levels = _network.CopyUpline(sale.Buyer, upline);
        var currency = sale.Currency;
        var minorUnitsPerUnit = Pow10(currency.MinorUnit);
        var scale = (byte)currency.MinorUnit;
        var written = 0;
        var lines = sale.Lines;
        for (var l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            var isOverride = string.Equals(line.Category, ThreeLevelPlan.OverrideCategory, StringComparison.Ordinal);
            var units = line.Amount * minorUnitsPerUnit;
            var minorUnits = decimal.ToInt64(decimal.Truncate(units));
            var whole = minorUnits == units && minorUnits >= 0 && minorUnits < long.MaxValue / BasisPointsPerUnit;
            var basisPoints = isOverride ? OverrideBasisPoints : DefaultBasisPoints;
            for (var level = 0; level < levels; level++)
            {
                Money amount;
                if (whole)
                {
                    var paid = minorUnits * basisPoints[level] / BasisPointsPerUnit;
                    amount = new Money(new decimal(unchecked((int)paid), unchecked((int)(paid >> 32)), 0, false, scale), currency);
                }
                else
                {
                    var rates = isOverride ? ThreeLevelPlan.OverrideRates : ThreeLevelPlan.DefaultRates;
                    amount = new Money(line.Amount * rates[level], currency).Round(RoundingMode.TowardZero);
                }

                if (!amount.IsZero)
                {
                    destination[written++] = new PayoutLine(upline[level], level + 1, l, amount);
                }
            }
        }

        return written;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static long[] ToBasisPoints(decimal[] rates)
    {
        var result = new long[rates.Length];
        for (var i = 0; i < rates.Length; i++)
        {
            var basisPoints = rates[i] * BasisPointsPerUnit;
            result[i] = decimal.ToInt64(basisPoints);
            if (result[i] != basisPoints)
            {
                throw new InvalidOperationException($"Rate {rates[i]} is not a whole number of basis points.");
            }
        }

        return result;
    }
}
