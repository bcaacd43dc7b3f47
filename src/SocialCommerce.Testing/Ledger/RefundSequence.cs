using System;
using System.Collections.Generic;
using System.Linq;

namespace SocialCommerce.Testing;

/// <summary>
/// A generated sale and a sequence of refunds of it: full, partial, split, duplicated or out of order (see
/// <see cref="RefundSequenceKind"/>), applied after the sale reached <see cref="Stage"/>.
/// </summary>
/// <param name="Sale">The refunded sale.</param>
/// <param name="Stage">How far the sale got before the refunds (an out-of-order sequence completes it after them).</param>
/// <param name="Kind">How the sale is refunded.</param>
/// <param name="Refunds">The refunds, in the order they are posted.</param>
public sealed record RefundSequence(LedgerSaleSample Sale, RefundStage Stage, RefundSequenceKind Kind, IReadOnlyList<RefundSample> Refunds)
{
    /// <summary>Gets whether the refunds together refund the whole sale.</summary>
    public bool RefundsEverything
    {
        get
        {
            var distinct = Distinct();
            if (distinct.Any(r => r.IsFull))
            {
                return true;
            }

            if (distinct.All(r => r.Lines is not null))
            {
                var refunded = new long[Sale.Quantities.Count];
                foreach (var line in distinct.SelectMany(r => r.Lines!))
                {
                    refunded[line.LineIndex] += line.Quantity;
                }

                return refunded.Select((q, i) => q == Sale.Quantities[i]).All(x => x);
            }

            var total = Sale.TotalPaidMinorUnits;
            return total > 0 && distinct.Sum(r => r.AmountMinorUnits ?? 0) == total;
        }
    }

    /// <summary>
    /// Gets the one refund, with id <c>ONE</c>, that refunds what the whole sequence refunds: the whole sale when the
    /// sequence refunds everything, otherwise the units per line or the amount added up (a retried refund counted once).
    /// </summary>
    /// <returns>The equivalent refund.</returns>
    public RefundSample Merged()
    {
        if (RefundsEverything)
        {
            return new RefundSample("ONE");
        }

        var distinct = Distinct();
        if (distinct.All(r => r.Lines is not null))
        {
            var lines = distinct.SelectMany(r => r.Lines!)
                .GroupBy(l => l.LineIndex)
                .OrderBy(g => g.Key)
                .Select(g => new SocialCommerce.Commissions.LedgerRefundLine(g.Key, g.Sum(l => l.Quantity)))
                .ToArray();
            return new RefundSample("ONE", lines);
        }

        return new RefundSample("ONE", AmountMinorUnits: distinct.Sum(r => r.AmountMinorUnits ?? 0));
    }

    /// <summary>Formats the kind, the stage, the sale and the refunds.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Kind} at {Stage}: sale {Sale}; refunds {string.Join(" ", Refunds)}";

    private List<RefundSample> Distinct()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Refunds.Where(r => seen.Add(r.RefundId)).ToList();
    }
}
