using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Commissions;

public sealed class CommissionLedgerProperties
{
    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Conservation_balances_by_state_equal_booked_minus_reversed_plus_write_offs_exactly(LedgerHistory scenario)
    {
        var driver = new LedgerDriver(scenario);
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            driver.Apply(scenario.Steps[i], i);
        }

        var (booked, reversed) = driver.Expected();
        decimal totalHeld = 0, totalNet = 0, totalEarned = 0;
        foreach (var member in LedgerHistory.Members)
        {
            var b = driver.Ledger.GetBalance(member, LedgerHistory.Currency);
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
        LedgerInvariants.Conservation(driver.Ledger, LedgerHistory.Members, LedgerHistory.Currency).ThrowIfViolated();
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Balances_are_never_negative_except_recorded_clawback_debt_and_history_replays_to_them(LedgerHistory scenario)
    {
        var driver = new LedgerDriver(scenario);
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            driver.Apply(scenario.Steps[i], i);
            LedgerInvariants.NeverNegative(driver.Ledger, LedgerHistory.Members, LedgerHistory.Currency).ThrowIfViolated();
            foreach (var member in LedgerHistory.Members)
            {
                if (scenario.Policy == ClawbackPolicy.ForgiveWithdrawn)
                {
                    // A shortfall never exceeds what was withdrawn, so forgiving it never leaves debt.
                    Assert.True(driver.Ledger.GetBalance(member, LedgerHistory.Currency).ClawbackDebt.IsZero);
                }

                if (scenario.Policy == ClawbackPolicy.CapAtAvailable)
                {
                    Assert.True(driver.Ledger.GetBalance(member, LedgerHistory.Currency).ClawbackDebt.IsZero);
                }
            }
        }

        foreach (var member in LedgerHistory.Members)
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
    public void Every_event_posted_twice_changes_nothing(LedgerHistory scenario)
    {
        var once = new LedgerDriver(scenario);
        var twice = new LedgerDriver(scenario);
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var op = scenario.Steps[i];
            once.Apply(op, i);
            var first = twice.Apply(op, i);
            var entries = twice.Ledger.EntryCount;
            var second = twice.ApplyOnly(op, i);
            Assert.Equal(entries, twice.Ledger.EntryCount);
            if (first == LedgerOutcome.Applied && op.Kind != LedgerStepKind.Release)
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
            if (op.Kind != LedgerStepKind.Release)
            {
                Assert.Equal(LedgerOutcome.Duplicate, twice.ApplyOnly(op, index));
            }
        }

        Assert.Equal(before, LedgerAssert.Snapshot(twice.Ledger));
        Assert.Equal(count, twice.Ledger.EntryCount);
        LedgerInvariants.Idempotent(scenario).ThrowIfViolated();
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void A_full_refund_returns_every_balance_to_where_it_was_without_the_sale(LedgerHistory before, LedgerSaleSample subject, byte stage)
    {
        var c = new RefundCase(before, new RefundSequence(subject, (RefundStage)(stage % 3), RefundSequenceKind.Full, [new RefundSample("FULL")]));
        var with = c.Apply();

        Assert.Equal([LedgerOutcome.Applied], with.Outcomes);
        Assert.Equal(LedgerAssert.Snapshot(c.ApplyWithoutSale(), withTotals: false), LedgerAssert.Snapshot(with.Ledger, withTotals: false));
        LedgerInvariants.RefundSymmetry(c).ThrowIfViolated();
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Split_retried_and_out_of_order_refunds_end_where_one_equivalent_refund_ends(RefundCase c)
    {
        var applied = c.Apply();
        var expectedLast = c.Sequence.Kind == RefundSequenceKind.Duplicated ? LedgerOutcome.Duplicate : LedgerOutcome.Applied;
        Assert.Equal(expectedLast, applied.Outcomes[^1]);
        Assert.All(applied.Outcomes, o => Assert.NotEqual(LedgerOutcome.Refused, o));

        // Independently of the kit's check: the same snapshot as one refund of the total, booked and reversed included.
        Assert.Equal(LedgerAssert.Snapshot(c.ApplyMerged()), LedgerAssert.Snapshot(applied.Ledger));
        LedgerInvariants.RefundSymmetry(c).ThrowIfViolated();
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Refunding_everything_in_parts_ends_where_one_full_refund_ends(RefundCase c)
    {
        if (!c.Sequence.RefundsEverything)
        {
            return;
        }

        var parts = c.Apply().Ledger;
        var full = new RefundCase(c.Before, c.Sequence with { Kind = RefundSequenceKind.Full, Refunds = [new RefundSample("FULL")] }).Apply().Ledger;
        Assert.Equal(LedgerAssert.Snapshot(full), LedgerAssert.Snapshot(parts));
        var saleId = LedgerHistory.SaleId(c.SaleIndex);
        Assert.Equal(LedgerRefusal.NothingLeftToRefund, parts.Refund(LedgerRefund.Full("AGAIN", saleId, RefundCase.RefundedAt)).Refusal);
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Release_happens_at_exactly_the_deadline_and_not_one_tick_before(LedgerSaleSample sample, NonNegativeInt completion, NonNegativeInt window, byte windowKind)
    {
        // Windows of zero, of one to three ticks, and long ones; completions anywhere in about 250 seconds.
        var c = (Sale: sample, CompletionTicks: completion.Get % 1_000_001 * 7919L, WindowTicks: (windowKind % 6) switch { 0 => 0L, 1 => (window.Get % 3) + 1L, _ => (window.Get + 1L) * 13 });
        var scenario = new LedgerHistory([c.Sale], [], ClawbackPolicy.CarryAsDebt);
        var generated = scenario.Sale(0);
        var sale = new LedgerSale(generated.SaleId, generated.Buyer, generated.PaidAt, generated.Currency, generated.Lines, generated.Earnings, Duration.FromTicks(c.WindowTicks));
        var ledger = new CommissionLedger();
        ledger.Post(sale);
        var completedAt = sale.PaidAt + Duration.FromTicks(c.CompletionTicks);
        ledger.Complete(sale.SaleId, completedAt);
        var deadline = completedAt + Duration.FromTicks(c.WindowTicks);

        var expected = new Dictionary<MemberId, long>();
        foreach (var member in LedgerHistory.Members)
        {
            expected[member] = 0;
        }

        for (var e = 0; e < c.Sale.Amounts.Count; e++)
        {
            expected[LedgerHistory.Members[c.Sale.Beneficiaries[e]]] += c.Sale.Amounts[e];
        }

        Assert.Equal(0, ledger.Release(deadline - Duration.Epsilon).EntryCount);
        Assert.Equal(0, ledger.Release(deadline - Duration.FromTicks(1)).EntryCount);
        foreach (var member in LedgerHistory.Members)
        {
            var b = ledger.GetBalance(member, LedgerHistory.Currency);
            Assert.Equal(expected[member], b.Frozen.ToMinorUnits());
            Assert.True(b.Available.IsZero);
        }

        var released = ledger.Release(deadline);
        foreach (var member in LedgerHistory.Members)
        {
            var b = ledger.GetBalance(member, LedgerHistory.Currency);
            Assert.True(b.Frozen.IsZero);
            Assert.Equal(expected[member], b.Available.ToMinorUnits());
        }

        Assert.Equal(c.Sale.Amounts.Count(a => a > 0), released.EntryCount);
        Assert.All(released.GetEntries(), e => Assert.Equal(deadline, e.At));
    }
}
