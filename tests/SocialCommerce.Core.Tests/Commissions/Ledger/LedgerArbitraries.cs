using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions;

public enum LedgerOpKind
{
    Post,
    Complete,
    Release,
    RefundFull,
    RefundLines,
    RefundAmount,
    Withdraw,
}

/// <summary>
/// One generated posting. Sale = index of the sale (the member for a withdrawal); A and B are kind-specific: hours after
/// payment for a completion, hours after the start for a release, line and quantity, refunded minor units, or a withdrawal
/// as a percentage of the member's available balance (above 100 % is refused).
/// </summary>
public sealed record LedgerOp(LedgerOpKind Kind, int Sale, int A, int B)
{
    public override string ToString() => $"{Kind}(s{Sale},{A},{B})";
}

/// <summary>A generated sale: lines (quantity, paid minor units) and earnings (member, level, line, minor units).</summary>
public sealed record SaleSpec(int[] Quantities, long[] Paid, int[] Beneficiaries, int[] Levels, int[] LineOf, long[] Amounts, int WindowHours)
{
    public override string ToString() =>
        $"lines=[{string.Join(",", Quantities.Zip(Paid, (q, p) => $"{q}x{p}"))}] earnings=[{string.Join(",", Beneficiaries.Select((m, i) => $"m{m}:L{Levels[i]}:l{LineOf[i]}:{Amounts[i]}"))}] window={WindowHours}h";
}

/// <summary>A generated ledger history: sales, the postings to apply in order, and a clawback policy.</summary>
public sealed record LedgerScenario(SaleSpec[] Sales, LedgerOp[] Ops, ClawbackPolicy Policy)
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 0, 0);

    public static readonly MemberId[] Members = [new(101), new(102), new(103), new(104)];

    public static Currency Currency => Currency.CNY;

    public static string SaleId(int sale) => "S" + sale;

    public static Instant PaidAt(int sale) => Start + Duration.FromHours(sale);

    public LedgerSale Sale(int sale)
    {
        var spec = Sales[sale];
        var lines = new LedgerSaleLine[spec.Quantities.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new LedgerSaleLine(spec.Quantities[i], Money.FromMinorUnits(spec.Paid[i], Currency));
        }

        var earnings = new LedgerEarning[spec.Amounts.Length];
        for (var i = 0; i < earnings.Length; i++)
        {
            earnings[i] = new LedgerEarning(Members[spec.Beneficiaries[i]], spec.Levels[i], spec.LineOf[i], Money.FromMinorUnits(spec.Amounts[i], Currency));
        }

        return new LedgerSale(SaleId(sale), new MemberId(900 + sale), PaidAt(sale), Currency, lines, earnings, Duration.FromHours(spec.WindowHours));
    }

    public override string ToString() =>
        $"policy={Policy}; sales: {string.Join(" | ", Sales.Select((s, i) => $"S{i} {s}"))}; ops: {string.Join(" ", Ops.Select(o => o.ToString()))}";
}

/// <summary>A scenario, one more sale (the subject) with its lifecycle stage, and a split of a refund of it.</summary>
public sealed record SubjectCase(LedgerScenario Before, SaleSpec Subject, int Stage, int[] SplitQuantities, int[][] QuantityParts, long SplitAmount, long[] AmountParts, bool ByAmount)
{
    public override string ToString() =>
        $"{Before}; subject {Subject}; stage={Stage}; byAmount={ByAmount}; quantities=[{string.Join(",", SplitQuantities)}] parts={string.Join(";", QuantityParts.Select(p => "[" + string.Join(",", p) + "]"))}; amount={SplitAmount} parts=[{string.Join(",", AmountParts)}]";
}

/// <summary>A frozen sale and its release deadline, to probe the exclusive deadline.</summary>
public sealed record DeadlineCase(SaleSpec Sale, long CompletionTicks, long WindowTicks)
{
    public override string ToString() => $"{Sale}; completion +{CompletionTicks} ticks; window {WindowTicks} ticks";
}

public static class LedgerArbitraries
{
    public static Arbitrary<LedgerScenario> Scenarios() => Arb.From(ScenarioGen);

    public static Arbitrary<SubjectCase> Subjects() => Arb.From(SubjectGen);

    public static Arbitrary<DeadlineCase> Deadlines() => Arb.From(
        from sale in SaleGen
        from completion in Gen.Choose(0, 1_000_000).Select(x => (long)x * 7919)
        from window in Gen.Frequency((1, Gen.Constant(0L)), (1, Gen.Choose(1, 3).Select(x => (long)x)), (4, Gen.Choose(1, int.MaxValue).Select(x => (long)x * 13)))
        select new DeadlineCase(sale, completion, window));

    internal static Gen<SaleSpec> SaleGen { get; } =
        from lineCount in Gen.Choose(1, 3)
        from quantities in Gen.Choose(1, 6).ArrayOf(lineCount)
        from paid in Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, 60_000))).Select(x => (long)x).ArrayOf(lineCount)
        from earningCount in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 5)))
        from members in Gen.Choose(0, LedgerScenario.Members.Length - 1).ArrayOf(earningCount)
        from levels in Gen.Choose(0, 3).ArrayOf(earningCount)
        from lineOf in Gen.Choose(0, lineCount - 1).ArrayOf(earningCount)
        from amounts in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 9)), (8, Gen.Choose(1, 6_000))).Select(x => (long)x).ArrayOf(earningCount)
        from window in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 72)), (1, Gen.Choose(73, 240)))
        select new SaleSpec(quantities, paid, members, levels, lineOf, amounts, window);

    internal static Gen<LedgerOp> OpGen(int saleCount) => Gen.Frequency(
        (2, Gen.Choose(0, saleCount - 1).Select(s => new LedgerOp(LedgerOpKind.Post, s, 0, 0))),
        (4, from s in Gen.Choose(0, saleCount - 1) from h in Gen.Choose(0, 48) select new LedgerOp(LedgerOpKind.Complete, s, h, 0)),
        (3, Gen.Frequency((1, Gen.Choose(0, 100)), (3, Gen.Choose(100, 600))).Select(h => new LedgerOp(LedgerOpKind.Release, 0, h, 0))),
        (1, Gen.Choose(0, saleCount - 1).Select(s => new LedgerOp(LedgerOpKind.RefundFull, s, 0, 0))),
        (2, from s in Gen.Choose(0, saleCount - 1) from l in Gen.Choose(0, 2) from q in Gen.Choose(1, 4) select new LedgerOp(LedgerOpKind.RefundLines, s, l, q)),
        (2, from s in Gen.Choose(0, saleCount - 1) from a in Gen.Choose(1, 40_000) select new LedgerOp(LedgerOpKind.RefundAmount, s, a, 0)),
        (3, from m in Gen.Choose(0, LedgerScenario.Members.Length - 1) from a in Gen.Choose(1, 120) select new LedgerOp(LedgerOpKind.Withdraw, m, a, 0)));

    internal static Gen<LedgerScenario> ScenarioGen { get; } =
        from saleCount in Gen.Choose(1, 6)
        from sales in SaleGen.ArrayOf(saleCount)
        from postedFirst in Gen.Frequency((1, Gen.Constant(false)), (4, Gen.Constant(true))).ArrayOf(saleCount)
        from opCount in Gen.Choose(0, 40)
        from later in OpGen(saleCount).ArrayOf(opCount)
        from story in Gen.Frequency((1, Gen.Constant(Array.Empty<LedgerOp>())), (2, StoryGen(saleCount)))
        from at in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(0, opCount)))
        let ops = Enumerable.Range(0, saleCount).Where(i => postedFirst[i]).Select(i => new LedgerOp(LedgerOpKind.Post, i, 0, 0))
            .Concat(later.Take(at)).Concat(story).Concat(later.Skip(at)).ToArray()
        from policy in Gen.Elements(ClawbackPolicy.CarryAsDebt, ClawbackPolicy.CapAtAvailable, ClawbackPolicy.ForgiveWithdrawn)
        select new LedgerScenario(sales, ops, policy);

    internal static Gen<SubjectCase> SubjectGen { get; } =
        from before in ScenarioGen
        from subject in SaleGen
        from stage in Gen.Choose(0, 2)
        from byAmount in Gen.Elements(false, true)
        from quantities in Gen.CollectToArray(subject.Quantities, q => Gen.Choose(0, q))
        from parts in Gen.CollectToArray(quantities, q => SplitGen(q))
        from amount in Gen.Choose(0, (int)subject.Paid.Sum())
        from amountParts in SplitGen(amount).Select(p => p.Select(x => (long)x).ToArray())
        select new SubjectCase(before, subject, stage, quantities, parts, amount, amountParts, byAmount);

    /// <summary>
    /// A sale released, everyone withdrawing all they have, a refund of that sale (a clawback with a shortfall), then
    /// another sale completed and released (which repays any debt): the paths random postings rarely reach.
    /// </summary>
    private static Gen<LedgerOp[]> StoryGen(int saleCount) =>
        from first in Gen.Choose(0, saleCount - 1)
        from offset in Gen.Choose(1, Math.Max(1, saleCount - 1))
        let second = (first + offset) % saleCount
        from h1 in Gen.Choose(0, 48)
        from h2 in Gen.Choose(0, 48)
        from refund in Gen.Elements(
            new LedgerOp(LedgerOpKind.RefundFull, first, 0, 0),
            new LedgerOp(LedgerOpKind.RefundLines, first, 0, 1),
            new LedgerOp(LedgerOpKind.RefundAmount, first, 5_000, 0))
        select new[]
        {
            new LedgerOp(LedgerOpKind.Post, first, 0, 0),
            new LedgerOp(LedgerOpKind.Complete, first, h1, 0),
            new LedgerOp(LedgerOpKind.Release, 0, 600, 0),
            new LedgerOp(LedgerOpKind.Withdraw, 0, 100, 0),
            new LedgerOp(LedgerOpKind.Withdraw, 1, 100, 0),
            new LedgerOp(LedgerOpKind.Withdraw, 2, 100, 0),
            new LedgerOp(LedgerOpKind.Withdraw, 3, 100, 0),
            refund,
            new LedgerOp(LedgerOpKind.Post, second, 0, 0),
            new LedgerOp(LedgerOpKind.Complete, second, h2, 0),
            new LedgerOp(LedgerOpKind.Release, 0, 600, 0),
        };

    /// <summary>Splits a total into 1 to 4 positive parts (empty when the total is zero).</summary>
    private static Gen<int[]> SplitGen(int total) => total == 0
        ? Gen.Constant(Array.Empty<int>())
        : from n in Gen.Choose(0, 3)
          from cuts in Gen.Choose(1, total).ArrayOf(n)
          select Parts(total, cuts);

    private static int[] Parts(int total, int[] cuts)
    {
        var points = new SortedSet<int>(cuts.Where(c => c < total)) { 0, total };
        var list = points.ToList();
        var parts = new List<int>();
        for (var i = 1; i < list.Count; i++)
        {
            parts.Add(list[i] - list[i - 1]);
        }

        return [.. parts];
    }
}
