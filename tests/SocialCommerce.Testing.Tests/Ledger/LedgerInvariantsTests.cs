using System;
using FsCheck.Xunit;
using SocialCommerce.Commissions;

namespace SocialCommerce.Testing.Tests.Ledger;

public sealed class LedgerInvariantsTests
{
    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Conservation_no_negative_balance_and_idempotence_hold_for_generated_histories(LedgerHistory history)
    {
        var ledger = history.Replay().Ledger;
        LedgerInvariants.Conservation(ledger, LedgerHistory.Members, LedgerHistory.Currency)
            .And(LedgerInvariants.NeverNegative(ledger, LedgerHistory.Members, LedgerHistory.Currency))
            .And(LedgerInvariants.Idempotent(history))
            .ThrowIfViolated();
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Refund_symmetry_holds_for_generated_cases(RefundCase c) => LedgerInvariants.RefundSymmetry(c).ThrowIfViolated();

    [Fact]
    public void Conservation_names_the_gap_when_a_member_who_earned_is_left_out()
    {
        var sale = new LedgerSaleSample([1], [10_000], [0, 1], [1, 2], [0, 0], [1_000, 500], 0);
        var ledger = new LedgerHistory([sale], [new LedgerStep(LedgerStepKind.Post, 0, 0)], ClawbackPolicy.CarryAsDebt).Replay().Ledger;

        var result = LedgerInvariants.Conservation(ledger, [LedgerHistory.Members[0]], LedgerHistory.Currency);

        Assert.False(result.Holds);
        Assert.Contains("the earned entries add up to 15.00 CNY but the members' booked totals to 10.00", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Refund_symmetry_names_the_member_when_a_sequence_is_not_what_it_claims()
    {
        // Two refunds of 60 % each: the second is refused, so the sequence does not refund what its parts add up to.
        var sale = new LedgerSaleSample([1], [10_000], [1], [1], [0], [1_000], 0);
        var sequence = new RefundSequence(sale, RefundStage.Completed, RefundSequenceKind.Split, [new RefundSample("P1", AmountMinorUnits: 6_000), new RefundSample("P2", AmountMinorUnits: 6_000)]);

        var result = LedgerInvariants.RefundSymmetry(new RefundCase(new LedgerHistory([], [], ClawbackPolicy.CarryAsDebt), sequence));

        Assert.False(result.Holds);
        Assert.Contains("one equivalent refund: member 102 pending=0.00 frozen=10.00", result.Failure, StringComparison.Ordinal);
        Assert.Contains("split refunds: member 102 pending=0.00 frozen=4.00", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_balances_names_both_sides()
    {
        var sale = new LedgerSaleSample([1], [10_000], [2], [1], [0], [700], 0);
        var posted = new LedgerHistory([sale], [new LedgerStep(LedgerStepKind.Post, 0, 0)], ClawbackPolicy.CarryAsDebt).Replay().Ledger;
        var result = LedgerInvariants.SameBalances(new CommissionLedger(), posted, includeTotals: false);
        Assert.False(result.Holds);
        Assert.Contains("expected: member 103 pending=0", result.Failure, StringComparison.Ordinal);
        Assert.Contains("actual: member 103 pending=7.00", result.Failure, StringComparison.Ordinal);
    }
}
