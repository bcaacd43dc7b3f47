using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions;

public sealed class CommissionLedgerProperties
{
    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Conservation_balances_by_state_equal_booked_minus_reversed_plus_write_offs_exactly(LedgerScenario scenario)
    {
        var driver = new LedgerDriver(scenario);
        for (var i = 0; i < scenario.Ops.Length; i++)
        {
            driver.Apply(scenario.Ops[i], i);
        }

        var (booked, reversed) = driver.Expected();
        decimal totalHeld = 0, totalNet = 0, totalEarned = 0;
        foreach (var member in LedgerScenario.Members)
        {
            var b = driver.Ledger.GetBalance(member, LedgerScenario.Currency);
            var held = b.Pending.Amount + b.Frozen.Amount + b.Available.Amount + b.Withdrawn.Amount - b.ClawbackDebt.Amount;
            var net = (booked[member] - reversed[member]) / 100m + b.WrittenOff.Amount + b.Forgiven.Amount;
            Assert.Equal(net, held);
            Assert.Equal(booked[member] / 100m, b.Booked.Amount);
            Assert.Equal(reversed[member] / 100m, b.Reversed.Amount);
            totalHeld += held;
            totalNet += net;
        }

        foreach (var entry in driver.Ledger.GetEntries())
        {
            if (entry.Kind == LedgerEntryKind.Earned)
            {
                totalEarned += entry.Amount.Amount;
            }
        }

        Assert.Equal(totalNet, totalHeld);
        Assert.Equal(booked.Values.Sum() / 100m, totalEarned);
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Balances_are_never_negative_except_recorded_clawback_debt_and_history_replays_to_them(LedgerScenario scenario)
    {
        var driver = new LedgerDriver(scenario);
        for (var i = 0; i < scenario.Ops.Length; i++)
        {
            driver.Apply(scenario.Ops[i], i);
            foreach (var member in LedgerScenario.Members)
            {
                LedgerAssert.NeverNegative(driver.Ledger, member);
                if (scenario.Policy == ClawbackPolicy.ForgiveWithdrawn)
                {
                    // A shortfall never exceeds what was withdrawn, so forgiving it never leaves debt.
                    Assert.True(driver.Ledger.GetBalance(member, LedgerScenario.Currency).ClawbackDebt.IsZero);
                }

                if (scenario.Policy == ClawbackPolicy.CapAtAvailable)
                {
                    Assert.True(driver.Ledger.GetBalance(member, LedgerScenario.Currency).ClawbackDebt.IsZero);
                }
            }
        }

        foreach (var member in LedgerScenario.Members)
        {
            LedgerAssert.EntriesReplayToBalances(driver.Ledger, member);
        }

        var sequence = 1L;
        foreach (var entry in driver.Ledger.GetEntries())
        {
            Assert.Equal(sequence++, entry.Sequence);
            Assert.True(entry.SaleId is not null || entry.WithdrawalId is not null, $"entry {entry} is not traceable");
            var fromRefund = entry.Kind is LedgerEntryKind.Cancelled or LedgerEntryKind.Clawback or LedgerEntryKind.DebtIncurred or LedgerEntryKind.WrittenOff or LedgerEntryKind.Forgiven;
            Assert.Equal(fromRefund, entry.RefundId is not null);
        }
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Every_event_posted_twice_changes_nothing(LedgerScenario scenario)
    {
        var once = new LedgerDriver(scenario);
        var twice = new LedgerDriver(scenario);
        for (var i = 0; i < scenario.Ops.Length; i++)
        {
            var op = scenario.Ops[i];
            once.Apply(op, i);
            var first = twice.Apply(op, i);
            var entries = twice.Ledger.EntryCount;
            var second = twice.ApplyOnly(op, i);
            Assert.Equal(entries, twice.Ledger.EntryCount);
            if (first == LedgerOutcome.Applied && op.Kind != LedgerOpKind.Release)
            {
                Assert.Equal(LedgerOutcome.Duplicate, second);
            }
        }

        Assert.Equal(LedgerAssert.Snapshot(once.Ledger), LedgerAssert.Snapshot(twice.Ledger));
        Assert.Equal(once.Ledger.EntryCount, twice.Ledger.EntryCount);

        // Re-posting every applied sale, completion, refund and withdrawal later, out of order, still changes nothing.
        var before = LedgerAssert.Snapshot(twice.Ledger);
        var count = twice.Ledger.EntryCount;
        foreach (var (op, index) in Enumerable.Reverse(twice.Applied))
        {
            if (op.Kind != LedgerOpKind.Release)
            {
                Assert.Equal(LedgerOutcome.Duplicate, twice.ApplyOnly(op, index));
            }
        }

        Assert.Equal(before, LedgerAssert.Snapshot(twice.Ledger));
        Assert.Equal(count, twice.Ledger.EntryCount);
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void A_full_refund_returns_every_balance_to_where_it_was_without_the_sale(SubjectCase c)
    {
        var (with, without, subject) = Prepare(c);
        var withResult = with.Ledger.Refund(LedgerRefund.Full("FULL", LedgerScenario.SaleId(subject), LedgerScenario.Start + Duration.FromDays(30)));

        Assert.Equal(LedgerOutcome.Applied, withResult.Outcome);
        Assert.Equal(LedgerAssert.Snapshot(without.Ledger, withTotals: false), LedgerAssert.Snapshot(with.Ledger, withTotals: false));
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Splitting_a_refund_into_parts_ends_where_one_refund_of_the_total_ends(SubjectCase c)
    {
        var (one, parts, subject) = Prepare(c, twinHasSubject: true);
        var saleId = LedgerScenario.SaleId(subject);
        var at = LedgerScenario.Start + Duration.FromDays(30);
        if (c.ByAmount)
        {
            if (c.SplitAmount == 0)
            {
                return;
            }

            Assert.True(one.Ledger.Refund(LedgerRefund.ForAmount("ONE", saleId, at, Money.FromMinorUnits(c.SplitAmount, LedgerScenario.Currency))).IsApplied);
            for (var k = 0; k < c.AmountParts.Length; k++)
            {
                Assert.True(parts.Ledger.Refund(LedgerRefund.ForAmount("P" + k, saleId, at, Money.FromMinorUnits(c.AmountParts[k], LedgerScenario.Currency))).IsApplied);
            }
        }
        else
        {
            var total = c.SplitQuantities.Select((q, line) => new LedgerRefundLine(line, q)).Where(l => l.Quantity > 0).ToArray();
            if (total.Length == 0)
            {
                return;
            }

            Assert.True(one.Ledger.Refund(LedgerRefund.ForLines("ONE", saleId, at, total)).IsApplied);
            foreach (var (refund, k) in LineParts(c).Select((lines, k) => (lines, k)))
            {
                Assert.True(parts.Ledger.Refund(LedgerRefund.ForLines("P" + k, saleId, at, refund)).IsApplied);
            }
        }

        Assert.Equal(LedgerAssert.Snapshot(one.Ledger), LedgerAssert.Snapshot(parts.Ledger));
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Refunding_everything_in_parts_ends_where_one_full_refund_ends(SubjectCase c)
    {
        var (full, parts, subject) = Prepare(c, twinHasSubject: true);
        var saleId = LedgerScenario.SaleId(subject);
        var at = LedgerScenario.Start + Duration.FromDays(30);
        Assert.True(full.Ledger.Refund(LedgerRefund.Full("FULL", saleId, at)).IsApplied);

        var k = 0;
        if (c.ByAmount)
        {
            foreach (var part in c.AmountParts)
            {
                Assert.True(parts.Ledger.Refund(LedgerRefund.ForAmount("P" + k++, saleId, at, Money.FromMinorUnits(part, LedgerScenario.Currency))).IsApplied);
            }

            var rest = c.Subject.Paid.Sum() - c.SplitAmount;
            if (rest > 0)
            {
                Assert.True(parts.Ledger.Refund(LedgerRefund.ForAmount("REST", saleId, at, Money.FromMinorUnits(rest, LedgerScenario.Currency))).IsApplied);
            }
            else if (c.SplitAmount == 0)
            {
                // Nothing paid: only a full refund can reverse the earnings.
                Assert.True(parts.Ledger.Refund(LedgerRefund.Full("REST", saleId, at)).IsApplied);
            }
        }
        else
        {
            foreach (var lines in LineParts(c))
            {
                Assert.True(parts.Ledger.Refund(LedgerRefund.ForLines("P" + k++, saleId, at, lines)).IsApplied);
            }

            var rest = c.Subject.Quantities.Select((q, line) => new LedgerRefundLine(line, q - c.SplitQuantities[line])).Where(l => l.Quantity > 0).ToArray();
            if (rest.Length > 0)
            {
                Assert.True(parts.Ledger.Refund(LedgerRefund.ForLines("REST", saleId, at, rest)).IsApplied);
            }
        }

        Assert.Equal(LedgerAssert.Snapshot(full.Ledger), LedgerAssert.Snapshot(parts.Ledger));
        Assert.Equal(LedgerRefusal.NothingLeftToRefund, parts.Ledger.Refund(LedgerRefund.Full("AGAIN", saleId, at)).Refusal);
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Release_happens_at_exactly_the_deadline_and_not_one_tick_before(DeadlineCase c)
    {
        var scenario = new LedgerScenario([c.Sale], [], ClawbackPolicy.CarryAsDebt);
        var generated = scenario.Sale(0);
        var sale = new LedgerSale(generated.SaleId, generated.Buyer, generated.PaidAt, generated.Currency, generated.Lines, generated.Earnings, Duration.FromTicks(c.WindowTicks));
        var ledger = new CommissionLedger();
        ledger.Post(sale);
        var completedAt = sale.PaidAt + Duration.FromTicks(c.CompletionTicks);
        ledger.Complete(sale.SaleId, completedAt);
        var deadline = completedAt + Duration.FromTicks(c.WindowTicks);

        var expected = new Dictionary<MemberId, long>();
        foreach (var member in LedgerScenario.Members)
        {
            expected[member] = 0;
        }

        for (var e = 0; e < c.Sale.Amounts.Length; e++)
        {
            expected[LedgerScenario.Members[c.Sale.Beneficiaries[e]]] += c.Sale.Amounts[e];
        }

        Assert.Equal(0, ledger.Release(deadline - Duration.Epsilon).EntryCount);
        Assert.Equal(0, ledger.Release(deadline - Duration.FromTicks(1)).EntryCount);
        foreach (var member in LedgerScenario.Members)
        {
            var b = ledger.GetBalance(member, LedgerScenario.Currency);
            Assert.Equal(expected[member], b.Frozen.ToMinorUnits());
            Assert.True(b.Available.IsZero);
        }

        var released = ledger.Release(deadline);
        foreach (var member in LedgerScenario.Members)
        {
            var b = ledger.GetBalance(member, LedgerScenario.Currency);
            Assert.True(b.Frozen.IsZero);
            Assert.Equal(expected[member], b.Available.ToMinorUnits());
        }

        Assert.Equal(c.Sale.Amounts.Count(a => a > 0), released.EntryCount);
        Assert.All(released.GetEntries(), e => Assert.Equal(deadline, e.At));
    }

    /// <summary>
    /// Two drivers over the same history; the first then posts the subject sale and takes it to its stage (0: paid,
    /// 1: completed, 2: released); the second does the same releases, and posts the subject only when asked.
    /// </summary>
    private static (LedgerDriver With, LedgerDriver Twin, int Subject) Prepare(SubjectCase c, bool twinHasSubject = false)
    {
        var scenario = c.Before with { Sales = [.. c.Before.Sales, c.Subject] };
        var subject = c.Before.Sales.Length;
        var with = new LedgerDriver(scenario);
        var twin = new LedgerDriver(scenario);
        for (var i = 0; i < scenario.Ops.Length; i++)
        {
            with.Apply(scenario.Ops[i], i);
            twin.Apply(scenario.Ops[i], i);
        }

        var sale = scenario.Sale(subject);
        var completedAt = sale.PaidAt + Duration.FromHours(1);
        foreach (var driver in twinHasSubject ? new[] { with, twin } : [with])
        {
            Assert.True(driver.Ledger.Post(sale).IsApplied);
            if (c.Stage >= 1)
            {
                Assert.True(driver.Ledger.Complete(sale.SaleId, completedAt).IsApplied);
            }
        }

        if (c.Stage == 2)
        {
            with.Ledger.Release(completedAt + sale.ReturnWindow);
            twin.Ledger.Release(completedAt + sale.ReturnWindow);
        }

        return (with, twin, subject);
    }

    /// <summary>The k-th refund holds the k-th part of every line that has one.</summary>
    private static List<LedgerRefundLine[]> LineParts(SubjectCase c)
    {
        var result = new List<LedgerRefundLine[]>();
        var rounds = c.QuantityParts.Length == 0 ? 0 : c.QuantityParts.Max(p => p.Length);
        for (var k = 0; k < rounds; k++)
        {
            var lines = new List<LedgerRefundLine>();
            for (var line = 0; line < c.QuantityParts.Length; line++)
            {
                if (k < c.QuantityParts[line].Length)
                {
                    lines.Add(new LedgerRefundLine(line, c.QuantityParts[line][k]));
                }
            }

            result.Add([.. lines]);
        }

        return result;
    }
}
