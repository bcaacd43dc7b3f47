using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using SocialCommerce.Commissions;

namespace SocialCommerce.Testing;

/// <summary>
/// Generators and shrinkers for the commission ledger: sales with earnings, histories of postings, and refund
/// sequences (full, partial, split, duplicated, out of order).
/// </summary>
public static class LedgerGen
{
    private static readonly int MemberCount = LedgerHistory.Members.Count;

    /// <summary>
    /// Gets a generator of ledger sales: 1 to 3 lines of 1 to 6 units (now and then paid nothing, now and then up to a
    /// quarter of <see cref="Limits.MaxMinorUnits"/>), 0 to 5 earnings for the four members (some of 0 or a few minor
    /// units, some up to an eighth of the largest amount), and a return window of 0 to 240 hours, sometimes up to
    /// <see cref="Limits.MaxDuration"/>.
    /// </summary>
    public static Gen<LedgerSaleSample> Sales { get; } =
        from lineCount in Gen.Choose(1, 3)
        from quantities in Gen.Choose(1, 6).ArrayOf(lineCount)
        from paid in Gen.Frequency((1, Gen.Constant(0L)), (8, MoneyGen.ChooseLong(1, 60_000)), (1, MoneyGen.ChooseLong(1, Limits.MaxMinorUnits / 4))).ArrayOf(lineCount)
        from earningCount in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 5)))
        from members in Gen.Choose(0, MemberCount - 1).ArrayOf(earningCount)
        from levels in Gen.Choose(0, 3).ArrayOf(earningCount)
        from lineOf in Gen.Choose(0, lineCount - 1).ArrayOf(earningCount)
        from amounts in Gen.Frequency((1, Gen.Constant(0L)), (2, MoneyGen.ChooseLong(1, 9)), (8, MoneyGen.ChooseLong(1, 6_000)), (1, MoneyGen.ChooseLong(1, Limits.MaxMinorUnits / 8))).ArrayOf(earningCount)
        from window in Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, 72)), (2, Gen.Choose(73, 240)), (1, Gen.Choose(241, (int)Limits.MaxDuration.TotalHours)))
        select new LedgerSaleSample(quantities, paid, members, levels, lineOf, amounts, window);

    /// <summary>
    /// Gets a generator of histories: 1 to 6 sales, most posted first, then up to 40 random postings with, two times in
    /// three, a story that random postings rarely reach inserted among them (a sale released, everyone withdrawing all
    /// they have, a refund of it that claws back with a shortfall, then another sale that repays the debt).
    /// </summary>
    public static Gen<LedgerHistory> Histories { get; } =
        from saleCount in Gen.Choose(1, 6)
        from sales in Sales.ArrayOf(saleCount)
        from postedFirst in Gen.Frequency((1, Gen.Constant(false)), (4, Gen.Constant(true))).ArrayOf(saleCount)
        from stepCount in Gen.Choose(0, 40)
        from later in Steps(saleCount).ArrayOf(stepCount)
        from story in Gen.Frequency((1, Gen.Constant(Array.Empty<LedgerStep>())), (2, Story(saleCount)))
        from at in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(0, stepCount)))
        let steps = Enumerable.Range(0, saleCount).Where(i => postedFirst[i]).Select(i => new LedgerStep(LedgerStepKind.Post, i, 0))
            .Concat(later.Take(at)).Concat(story).Concat(later.Skip(at)).ToArray()
        from policy in Gen.Elements(ClawbackPolicy.CarryAsDebt, ClawbackPolicy.CapAtAvailable, ClawbackPolicy.ForgiveWithdrawn)
        select new LedgerHistory(sales, steps, policy);

    /// <summary>Gets a generator of refund sequences of every <see cref="RefundSequenceKind"/>, for generated sales.</summary>
    public static Gen<RefundSequence> RefundSequences { get; } =
        Sales.SelectMany(sale => Gen.Elements(Enum.GetValues<RefundSequenceKind>()).SelectMany(kind => RefundSequencesOf(sale, kind)));

    /// <summary>Gets a generator of refund cases: a history, then a sale refunded by a sequence of any kind.</summary>
    public static Gen<RefundCase> RefundCases { get; } =
        from before in Histories
        from sequence in RefundSequences
        select new RefundCase(before, sequence);

    /// <summary>A generator of single postings for a history of <paramref name="saleCount"/> sales.</summary>
    /// <param name="saleCount">The number of sales, at least 1.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="saleCount"/> is below 1.</exception>
    public static Gen<LedgerStep> Steps(int saleCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(saleCount, 1);
        var sale = Gen.Choose(0, saleCount - 1);
        return Gen.Frequency(
            (2, sale.Select(s => new LedgerStep(LedgerStepKind.Post, s, 0))),
            (4, from s in sale from h in Gen.Choose(0, 48) select new LedgerStep(LedgerStepKind.Complete, s, h)),
            (3, Gen.Frequency((1, Gen.Choose(0, 100)), (3, Gen.Choose(100, 600))).Select(h => new LedgerStep(LedgerStepKind.Release, 0, h))),
            (1, sale.Select(s => new LedgerStep(LedgerStepKind.RefundFull, s, 0))),
            (2, from s in sale from l in Gen.Choose(0, 2) from q in Gen.Choose(1, 4) select new LedgerStep(LedgerStepKind.RefundLines, s, l, q)),
            (2, from s in sale from a in Gen.Choose(1, 40_000) select new LedgerStep(LedgerStepKind.RefundAmount, s, a)),
            (3, from m in Gen.Choose(0, MemberCount - 1) from a in Gen.Choose(1, 120) select new LedgerStep(LedgerStepKind.Withdraw, m, a)));
    }

    /// <summary>
    /// A generator of refund sequences of one kind for one sale. Split refunds stay on one basis (units of lines, or an
    /// amount when the sale was paid something) and never exceed the sale.
    /// </summary>
    /// <param name="sale">The refunded sale.</param>
    /// <param name="kind">The kind of sequence.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sale"/> is null.</exception>
    public static Gen<RefundSequence> RefundSequencesOf(LedgerSaleSample sale, RefundSequenceKind kind)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var stage = Gen.Elements(RefundStage.Paid, RefundStage.Completed, RefundStage.Released);
        return kind switch
        {
            RefundSequenceKind.Full => stage.Select(s => new RefundSequence(sale, s, kind, [new RefundSample("F1")])),
            RefundSequenceKind.Partial => from s in stage from refund in Partial(sale, "P1") select new RefundSequence(sale, s, kind, [refund]),
            RefundSequenceKind.Split => from s in stage from parts in Split(sale) select new RefundSequence(sale, s, kind, parts),
            RefundSequenceKind.Duplicated =>
                from s in stage
                from parts in Gen.Frequency((1, Gen.Constant<RefundSample[]>([new RefundSample("F1")])), (3, Split(sale)))
                from repeated in Gen.Choose(0, parts.Length - 1)
                select new RefundSequence(sale, s, kind, [.. parts, parts[repeated]]),
            _ => from parts in Gen.Frequency((1, Gen.Constant<RefundSample[]>([new RefundSample("O1")])), (3, Split(sale)))
                 select new RefundSequence(sale, RefundStage.Completed, RefundSequenceKind.OutOfOrder, parts),
        };
    }

    /// <summary>Shrinks a history: without each step (the last first), then each step's value toward zero.</summary>
    /// <param name="history">The history.</param>
    /// <returns>Smaller candidates, all valid histories of the same sales.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    public static IEnumerable<LedgerHistory> Shrink(LedgerHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return ShrinkIterator(history);
    }

    /// <summary>Shrinks a refund case: the history before it (to no steps first), then the refund sequence.</summary>
    /// <param name="refundCase">The case.</param>
    /// <returns>Smaller candidates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="refundCase"/> is null.</exception>
    public static IEnumerable<RefundCase> Shrink(RefundCase refundCase)
    {
        ArgumentNullException.ThrowIfNull(refundCase);
        return Shrink(refundCase.Before).Select(before => refundCase with { Before = before })
            .Concat(Shrink(refundCase.Sequence).Select(sequence => refundCase with { Sequence = sequence }));
    }

    /// <summary>
    /// Shrinks a refund sequence without changing its kind: fewer parts for split and out-of-order refunds (a smaller
    /// total never exceeds the sale), a retried refund reduced to that refund and its retry, and an earlier stage.
    /// </summary>
    /// <param name="sequence">The sequence.</param>
    /// <returns>Smaller valid candidates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sequence"/> is null.</exception>
    public static IEnumerable<RefundSequence> Shrink(RefundSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return ShrinkSequence(sequence);
    }

    private static IEnumerable<RefundSequence> ShrinkSequence(RefundSequence sequence)
    {
        if (sequence.Stage > RefundStage.Paid && sequence.Kind != RefundSequenceKind.OutOfOrder)
        {
            yield return sequence with { Stage = sequence.Stage - 1 };
        }

        var refunds = sequence.Refunds;
        switch (sequence.Kind)
        {
            case RefundSequenceKind.Split or RefundSequenceKind.OutOfOrder when refunds.Count > 1:
                foreach (var fewer in Fewer.Of(refunds))
                {
                    yield return sequence with { Refunds = fewer };
                }

                break;
            case RefundSequenceKind.Duplicated when refunds.Count > 2:
                yield return sequence with { Refunds = [refunds[^1], refunds[^1]] };
                break;
        }
    }

    private static IEnumerable<LedgerHistory> ShrinkIterator(LedgerHistory history)
    {
        var steps = history.Steps;
        if (steps.Count > 1)
        {
            yield return history with { Steps = [] };
        }

        foreach (var fewer in Fewer.Of(steps))
        {
            yield return history with { Steps = fewer };
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Kind is LedgerStepKind.RefundAmount or LedgerStepKind.Withdraw && steps[i].Value > 1)
            {
                var copy = steps.ToArray();
                copy[i] = steps[i] with { Value = steps[i].Value / 2 };
                yield return history with { Steps = copy };
            }
        }
    }

    private static Gen<RefundSample> Partial(LedgerSaleSample sale, string id)
    {
        var byLine = from line in Gen.Choose(0, sale.Quantities.Count - 1)
                     from quantity in Gen.Choose(1, sale.Quantities[line])
                     select new RefundSample(id, [new LedgerRefundLine(line, quantity)]);
        var total = sale.TotalPaidMinorUnits;
        return total == 0
            ? byLine
            : Gen.OneOf(byLine, MoneyGen.ChooseLong(1, total).Select(a => new RefundSample(id, AmountMinorUnits: a)));
    }

    private static Gen<RefundSample[]> Split(LedgerSaleSample sale)
    {
        var byLines =
            from quantities in Gen.CollectToArray(sale.Quantities, q => Gen.Frequency((1, Gen.Constant(q)), (2, Gen.Choose(0, q))))
            from parts in Gen.CollectToArray(quantities, q => Parts(q))
            select LineRefunds(parts);
        var total = sale.TotalPaidMinorUnits;
        if (total == 0 || total > int.MaxValue)
        {
            return byLines;
        }

        var byAmount =
            from amount in Gen.Frequency((1, Gen.Constant((int)total)), (2, Gen.Choose(1, (int)total)))
            from parts in Parts(amount)
            select parts.Select((p, k) => new RefundSample("P" + (k + 1).ToString(CultureInfo.InvariantCulture), AmountMinorUnits: p)).ToArray();
        return Gen.OneOf(byLines, byAmount);
    }

    /// <summary>The k-th refund holds the k-th part of every line that has one; at least one unit overall.</summary>
    private static RefundSample[] LineRefunds(int[][] parts)
    {
        var rounds = parts.Max(p => p.Length);
        if (rounds == 0)
        {
            return [new RefundSample("P1", [new LedgerRefundLine(0, 1)])];
        }

        var refunds = new RefundSample[rounds];
        for (var k = 0; k < rounds; k++)
        {
            var lines = new List<LedgerRefundLine>();
            for (var line = 0; line < parts.Length; line++)
            {
                if (k < parts[line].Length)
                {
                    lines.Add(new LedgerRefundLine(line, parts[line][k]));
                }
            }

            refunds[k] = new RefundSample("P" + (k + 1).ToString(CultureInfo.InvariantCulture), lines);
        }

        return refunds;
    }

    /// <summary>Splits a total into 1 to 4 positive parts (none when the total is zero).</summary>
    private static Gen<int[]> Parts(int total) => total == 0
        ? Gen.Constant(Array.Empty<int>())
        : from n in Gen.Choose(0, 3)
          from cuts in Gen.Choose(1, total).ArrayOf(n)
          select Cut(total, cuts);

    private static int[] Cut(int total, int[] cuts)
    {
        var points = new SortedSet<int>(cuts.Where(c => c < total)) { 0, total }.ToList();
        var parts = new int[points.Count - 1];
        for (var i = 1; i < points.Count; i++)
        {
            parts[i - 1] = points[i] - points[i - 1];
        }

        return parts;
    }

    /// <summary>A sale released, everyone withdrawing all they have, a refund of it, then another sale completed and released.</summary>
    private static Gen<LedgerStep[]> Story(int saleCount) =>
        from first in Gen.Choose(0, saleCount - 1)
        from offset in Gen.Choose(1, Math.Max(1, saleCount - 1))
        let second = (first + offset) % saleCount
        from h1 in Gen.Choose(0, 48)
        from h2 in Gen.Choose(0, 48)
        from refund in Gen.Elements(
            new LedgerStep(LedgerStepKind.RefundFull, first, 0),
            new LedgerStep(LedgerStepKind.RefundLines, first, 0, 1),
            new LedgerStep(LedgerStepKind.RefundAmount, first, 5_000))
        select new[]
        {
            new LedgerStep(LedgerStepKind.Post, first, 0),
            new LedgerStep(LedgerStepKind.Complete, first, h1),
            new LedgerStep(LedgerStepKind.Release, 0, 600),
            new LedgerStep(LedgerStepKind.Withdraw, 0, 100),
            new LedgerStep(LedgerStepKind.Withdraw, 1, 100),
            new LedgerStep(LedgerStepKind.Withdraw, 2, 100),
            new LedgerStep(LedgerStepKind.Withdraw, 3, 100),
            refund,
            new LedgerStep(LedgerStepKind.Post, second, 0),
            new LedgerStep(LedgerStepKind.Complete, second, h2),
            new LedgerStep(LedgerStepKind.Release, 0, 600),
        };
}
