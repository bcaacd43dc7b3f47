using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions;

/// <summary>The worked examples of docs/commission-ledger.md; every number here is the one the document shows.</summary>
public sealed class CommissionLedgerExamples
{
    private static readonly MemberId Alice = new(1);
    private static readonly MemberId Bob = new(2);
    private static readonly MemberId Carol = new(3);
    private static readonly Duration Window = Duration.FromDays(7);

    private static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    private static Instant At(int day, int hour = 10) => Instant.FromUtc(2026, 11, day, hour, 0);

    /// <summary>Carol buys 2 units for ¥199.00; Bob (level 1) earns ¥19.90 and Alice (level 2) ¥9.95.</summary>
    private static LedgerSale FirstSale() => new(
        "S1",
        Carol,
        At(1),
        Currency.CNY,
        [new LedgerSaleLine(2, Yuan(199.00m))],
        [new LedgerEarning(Bob, 1, 0, Yuan(19.90m)), new LedgerEarning(Alice, 2, 0, Yuan(9.95m))],
        Window);

    /// <summary>Carol buys 1 unit for ¥299.00; Bob earns ¥29.90 and Alice ¥14.95.</summary>
    private static LedgerSale SecondSale() => new(
        "S2",
        Carol,
        At(13),
        Currency.CNY,
        [new LedgerSaleLine(1, Yuan(299.00m))],
        [new LedgerEarning(Bob, 1, 0, Yuan(29.90m)), new LedgerEarning(Alice, 2, 0, Yuan(14.95m))],
        Window);

    private static readonly LedgerOptions Options = new()
    {
        MinimumWithdrawals = [Yuan(10.00m)],
        WithdrawalFee = Rate.Percent(0.6m),
    };

    /// <summary>Example 1 up to Bob's withdrawal.</summary>
    private static CommissionLedger ThroughWithdrawal(ClawbackPolicy policy = ClawbackPolicy.CarryAsDebt)
    {
        var ledger = new CommissionLedger(Options with { Clawback = policy });
        ledger.Post(FirstSale());
        ledger.Complete("S1", At(3));
        ledger.Release(At(10));
        ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(19.90m), At(11)));
        return ledger;
    }

    private static LedgerRefund OneUnit(string id, int day) => LedgerRefund.ForLines(id, "S1", At(day), [new LedgerRefundLine(0, 1)]);

    [Fact]
    public void Example1_a_199_yuan_sale_moves_pending_frozen_available_withdrawn_with_a_fee()
    {
        var ledger = new CommissionLedger(Options);

        ledger.Post(FirstSale());
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Pending);
        Assert.Equal(Yuan(9.95m), ledger.GetBalance(Alice, Currency.CNY).Pending);

        ledger.Complete("S1", At(3));
        Assert.True(ledger.GetBalance(Bob, Currency.CNY).Pending.IsZero);
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Frozen);

        // Deadline = 2026-11-03 10:00 + 7 days = 2026-11-10 10:00, exclusive.
        Assert.Equal(0, ledger.Release(At(10) - Duration.FromTicks(1)).EntryCount);
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Frozen);
        Assert.Equal(2, ledger.Release(At(10)).EntryCount);
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Available);
        Assert.Equal(Yuan(9.95m), ledger.GetBalance(Alice, Currency.CNY).Available);

        // Fee 0.6 % of ¥19.90 = ¥0.1194, rounded toward zero: ¥0.11; Bob is paid ¥19.79.
        var withdrawal = ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(19.90m), At(11)));
        Assert.True(withdrawal.Result.IsApplied);
        Assert.Equal(Yuan(0.11m), withdrawal.Fee);
        Assert.Equal(Yuan(19.79m), withdrawal.Net);

        var bob = ledger.GetBalance(Bob, Currency.CNY);
        Assert.True(bob.Available.IsZero);
        Assert.Equal(Yuan(19.90m), bob.Withdrawn);
        Assert.Equal(Yuan(0.11m), bob.WithdrawalFees);

        // Alice's ¥9.95 is below the ¥10.00 minimum.
        Assert.Equal(LedgerRefusal.BelowMinimumWithdrawal, ledger.Withdraw(new LedgerWithdrawal("W2", Alice, Yuan(9.95m), At(11))).Result.Refusal);

        var statement = ledger.GetEntries(Bob).Select(e => (e.Kind, e.Amount.Amount, e.At)).ToArray();
        Assert.Equal(
            [
                (LedgerEntryKind.Earned, 19.90m, At(1)),
                (LedgerEntryKind.Completed, 19.90m, At(3)),
                (LedgerEntryKind.Released, 19.90m, At(10)),
                (LedgerEntryKind.Withdrawn, 19.90m, At(11)),
                (LedgerEntryKind.WithdrawalFee, 0.11m, At(11)),
            ],
            statement);
    }

    [Fact]
    public void Example2_a_partial_refund_after_release_books_a_clawback_repaid_by_a_later_earning()
    {
        var ledger = ThroughWithdrawal();

        // Carol returns 1 of the 2 units: Bob reverses floor(19.90 × 1/2) = ¥9.95, Alice floor(9.95 × 1/2) = ¥4.97.
        var refund = ledger.Refund(OneUnit("R1", 12));
        Assert.Equal(
            [
                (LedgerEntryKind.Clawback, Bob, -9.95m),
                (LedgerEntryKind.DebtIncurred, Bob, 9.95m),
                (LedgerEntryKind.Clawback, Alice, -4.97m),
            ],
            refund.GetEntries().Select(e => (e.Kind, e.Member, e.Amount.Amount)).ToArray());
        var bob = ledger.GetBalance(Bob, Currency.CNY);
        Assert.True(bob.Available.IsZero);
        Assert.Equal(Yuan(9.95m), bob.ClawbackDebt);
        Assert.Equal(Yuan(4.98m), ledger.GetBalance(Alice, Currency.CNY).Available);

        // A later ¥299.00 sale earns Bob ¥29.90; its release repays the ¥9.95 debt first.
        ledger.Post(SecondSale());
        ledger.Complete("S2", At(15));
        var release = ledger.Release(At(22));
        Assert.Equal(
            [
                (LedgerEntryKind.Released, Bob, 29.90m),
                (LedgerEntryKind.DebtRepaid, Bob, 9.95m),
                (LedgerEntryKind.Released, Alice, 14.95m),
            ],
            release.GetEntries().Select(e => (e.Kind, e.Member, e.Amount.Amount)).ToArray());

        bob = ledger.GetBalance(Bob, Currency.CNY);
        Assert.Equal(Yuan(19.95m), bob.Available);
        Assert.True(bob.ClawbackDebt.IsZero);
        Assert.Equal(Yuan(49.80m), bob.Booked);
        Assert.Equal(Yuan(9.95m), bob.Reversed);
        Assert.Equal(Yuan(19.93m), ledger.GetBalance(Alice, Currency.CNY).Available);

        // Conservation: 19.95 available + 19.90 withdrawn = 49.80 booked − 9.95 reversed.
        Assert.Equal(bob.Booked - bob.Reversed, bob.Available + bob.Withdrawn);
    }

    [Fact]
    public void Example3_returning_the_second_unit_later_reverses_exactly_what_was_booked()
    {
        var ledger = ThroughWithdrawal();
        ledger.Refund(OneUnit("R1", 12));
        ledger.Post(SecondSale());
        ledger.Complete("S2", At(15));
        ledger.Release(At(22));

        // Bob: floor(19.90 × 2/2) − 9.95 = ¥9.95; Alice: 9.95 − 4.97 = ¥4.98 (not another ¥4.97).
        var second = ledger.Refund(OneUnit("R2", 23));
        Assert.Equal(
            [
                (LedgerEntryKind.Clawback, Bob, -9.95m),
                (LedgerEntryKind.Clawback, Alice, -4.98m),
            ],
            second.GetEntries().Select(e => (e.Kind, e.Member, e.Amount.Amount)).ToArray());
        Assert.Equal(Yuan(10.00m), ledger.GetBalance(Bob, Currency.CNY).Available);
        Assert.Equal(Yuan(14.95m), ledger.GetBalance(Alice, Currency.CNY).Available);
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Reversed);
        Assert.Equal(Yuan(9.95m), ledger.GetBalance(Alice, Currency.CNY).Reversed);
        Assert.Equal(LedgerRefusal.NothingLeftToRefund, ledger.Refund(LedgerRefund.Full("R3", "S1", At(24))).Refusal);
    }

    [Fact]
    public void Example4_the_clawback_policies_on_the_same_shortfall()
    {
        var cap = ThroughWithdrawal(ClawbackPolicy.CapAtAvailable);
        var capped = cap.Refund(OneUnit("R1", 12));
        Assert.Contains(capped.GetEntries(), e => e.Kind == LedgerEntryKind.WrittenOff && e.Member == Bob && e.Amount == Yuan(9.95m));
        var bob = cap.GetBalance(Bob, Currency.CNY);
        Assert.Equal(Yuan(9.95m), bob.WrittenOff);
        Assert.True(bob.ClawbackDebt.IsZero);
        cap.Post(SecondSale());
        cap.Complete("S2", At(15));
        cap.Release(At(22));
        Assert.Equal(Yuan(29.90m), cap.GetBalance(Bob, Currency.CNY).Available);

        var forgive = ThroughWithdrawal(ClawbackPolicy.ForgiveWithdrawn);
        forgive.Refund(OneUnit("R1", 12));
        bob = forgive.GetBalance(Bob, Currency.CNY);
        Assert.Equal(Yuan(9.95m), bob.Forgiven);
        Assert.True(bob.ClawbackDebt.IsZero);
        Assert.True(bob.WrittenOff.IsZero);
    }

    [Fact]
    public void Example5_a_refund_before_release_cancels_instead_of_clawing_back()
    {
        var ledger = new CommissionLedger(Options);
        ledger.Post(FirstSale());
        ledger.Complete("S1", At(3));

        // Refund ¥49.75 of the ¥199.00 paid (a quarter): Bob floor(19.90 / 4) = ¥4.97, Alice floor(9.95 / 4) = ¥2.48.
        var refund = ledger.Refund(LedgerRefund.ForAmount("R1", "S1", At(5), Yuan(49.75m)));
        Assert.Equal(
            [
                (LedgerEntryKind.Cancelled, LedgerState.Frozen, Bob, -4.97m),
                (LedgerEntryKind.Cancelled, LedgerState.Frozen, Alice, -2.48m),
            ],
            refund.GetEntries().Select(e => (e.Kind, e.State, e.Member, e.Amount.Amount)).ToArray());
        Assert.Equal(Yuan(14.93m), ledger.GetBalance(Bob, Currency.CNY).Frozen);
        Assert.Equal(Yuan(7.47m), ledger.GetBalance(Alice, Currency.CNY).Frozen);

        ledger.Release(At(10));
        Assert.Equal(Yuan(14.93m), ledger.GetBalance(Bob, Currency.CNY).Available);
    }
}
