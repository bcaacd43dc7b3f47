using System;
using System.Collections.Generic;
using System.Globalization;
using SocialCommerce.Benchmarks.Data;

namespace SocialCommerce.Benchmarks.SideBySide;

/// <summary>
/// The check run before timing: every implementation must produce the same payout lines (beneficiary,
/// level, sale line, amount) for every sale. A mismatch throws, so a benchmark of a wrong
/// implementation never reports a number.
/// </summary>
internal static class QuoterAgreement
{
    /// <summary>Compares the implementations on the sales; throws on the first difference.</summary>
    /// <param name="quoters">The implementations; the first is the reference.</param>
    /// <param name="sales">The sales.</param>
    /// <returns>The number of payout lines and the total paid, as the reference computed them.</returns>
    /// <exception cref="InvalidOperationException">Two implementations disagree on a sale.</exception>
    public static (long Lines, decimal Total) Verify(IReadOnlyList<IThreeLevelQuoter> quoters, IReadOnlyList<Sale> sales)
    {
        var reference = new PayoutLine[ThreeLevelPlan.Levels * ThreeLevelPlan.MaxSaleLines];
        var candidate = new PayoutLine[reference.Length];
        long lines = 0;
        var total = 0m;
        foreach (var sale in sales)
        {
            var expectedCount = quoters[0].Quote(sale, reference);
            Array.Sort(reference, 0, expectedCount, PayoutOrder.Instance);
            for (var q = 1; q < quoters.Count; q++)
            {
                var count = quoters[q].Quote(sale, candidate);
                Array.Sort(candidate, 0, count, PayoutOrder.Instance);
                if (count != expectedCount)
                {
                    throw new InvalidOperationException(
                        $"Sale {sale.Id}: {quoters[q].Name} quoted {count} payout lines, {quoters[0].Name} {expectedCount}.");
                }

                for (var i = 0; i < count; i++)
                {
                    if (candidate[i] != reference[i])
                    {
                        throw new InvalidOperationException(
                            $"Sale {sale.Id}: {quoters[q].Name} quoted {Describe(candidate[i])}, {quoters[0].Name} {Describe(reference[i])}.");
                    }
                }
            }

            lines += expectedCount;
            for (var i = 0; i < expectedCount; i++)
            {
                total += reference[i].Amount.Amount;
            }
        }

        return (lines, total);
    }

    private static string Describe(PayoutLine line) => string.Create(
        CultureInfo.InvariantCulture,
        $"{line.Amount} to {line.Beneficiary} (level {line.Level}, sale line {line.SaleLine})");

    private sealed class PayoutOrder : IComparer<PayoutLine>
    {
        public static readonly PayoutOrder Instance = new();

        public int Compare(PayoutLine x, PayoutLine y)
        {
            var byLine = x.SaleLine.CompareTo(y.SaleLine);
            return byLine != 0 ? byLine : x.Level.CompareTo(y.Level);
        }
    }
}
