using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions;

/// <summary>
/// The withdrawal lifecycle, manual adjustments and payout runs on the in-memory ledger (issue 25, one ledger): the
/// member's account decides them, as it does for the stored ledger.
/// </summary>
public sealed class CommissionLedgerWithdrawalLifecycleTests
{
    private static readonly MemberId Bob = new(2);
    private static readonly MemberId Alice = new(1);
    private static readonly Instant Paid = Instant.FromUtc(2026, 11, 1, 10, 0);
    private static readonly Instant Later = Paid + Duration.FromDays(10);

    private static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    /// <summary>Bob has ¥100.00 available and Alice ¥50.00.</summary>
    private static CommissionLedger Released(LedgerOptions? options = null)
    {
        var ledger = new CommissionLedger(options ?? new LedgerOptions { WithdrawalFee = Rate.Percent(1m) });
        ledger.Post(new LedgerSale("S1", new MemberId(3), Paid, Currency.CNY, [new LedgerSaleLine(1, Yuan(1000m))], [new LedgerEarning(Bob, 1, 0, Yuan(100m)), new LedgerEarning(Alice, 2, 0, Yuan(50m))], Duration.FromDays(7)));
        ledger.Complete("S1", Paid);
        ledger.Release(Paid + Duration.FromDays(7));
        return ledger;
    }

    [Fact]
    public void A_requested_withdrawal_holds_its_gross_until_paid_and_then_is_withdrawn_with_its_fee()
    {
        var ledger = Released();

        var requested = ledger.RequestWithdrawal(new LedgerWithdrawal("W1", Bob, Yuan(60m), Later));
        var during = ledger.GetBalance(Bob, Currency.CNY);

        Assert.True(requested.IsApplied);
        Assert.Equal(WithdrawalStatus.Requested, requested.Withdrawal!.Status);
        Assert.Equal(Yuan(0.60m), requested.Withdrawal.Fee);
        Assert.Equal(Yuan(40m), during.Available);
        Assert.Equal(Yuan(60m), during.InWithdrawal);
        Assert.True(during.IsConserved);

        Assert.True(ledger.ApproveWithdrawal(Bob, Currency.CNY, "W1").IsApplied);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.ApproveWithdrawal(Bob, Currency.CNY, "W1").Outcome);
        Assert.True(ledger.MarkWithdrawalPaid(Bob, Currency.CNY, "W1", "TX-1").IsApplied);
        var paid = ledger.MarkWithdrawalPaid(Bob, Currency.CNY, "W1", "TX-2");
        var after = ledger.GetBalance(Bob, Currency.CNY);

        Assert.Equal(LedgerRefusal.ConflictingDuplicate, paid.Refusal);
        Assert.Equal(Yuan(60m), after.Withdrawn);
        Assert.Equal(Yuan(0.60m), after.WithdrawalFees);
        Assert.Equal(Yuan(0m), after.InWithdrawal);
        Assert.True(after.IsConserved);
        Assert.Equal(WithdrawalStatus.Paid, ledger.GetWithdrawal(Bob, Currency.CNY, "W1")!.Status);
    }

    [Fact]
    public void Rejected_failed_retried_and_cancelled_withdrawals_return_their_gross_exactly_once()
    {
        var ledger = Released();
        ledger.RequestWithdrawal(new LedgerWithdrawal("W1", Bob, Yuan(30m), Later));
        ledger.RequestWithdrawal(new LedgerWithdrawal("W2", Bob, Yuan(30m), Later));

        Assert.True(ledger.RejectWithdrawal(Bob, Currency.CNY, "W1", "account name mismatch").IsApplied);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.RejectWithdrawal(Bob, Currency.CNY, "W1", "account name mismatch").Outcome);
        ledger.ApproveWithdrawal(Bob, Currency.CNY, "W2");
        Assert.True(ledger.MarkWithdrawalFailed(Bob, Currency.CNY, "W2", "bank timeout").IsApplied);
        Assert.Equal(Yuan(100m), ledger.GetBalance(Bob, Currency.CNY).Available);

        Assert.True(ledger.RetryWithdrawal(Bob, Currency.CNY, "W2").IsApplied);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.RetryWithdrawal(Bob, Currency.CNY, "W2").Outcome);
        Assert.Equal(Yuan(70m), ledger.GetBalance(Bob, Currency.CNY).Available);
        Assert.True(ledger.CancelWithdrawal(Bob, Currency.CNY, "W2", "member asked").IsApplied);

        var bob = ledger.GetBalance(Bob, Currency.CNY);
        Assert.Equal(Yuan(100m), bob.Available);
        Assert.Equal(Yuan(0m), bob.InWithdrawal);
        Assert.Equal(LedgerRefusal.WithdrawalStateConflict, ledger.ApproveWithdrawal(Bob, Currency.CNY, "W1").Refusal);
    }

    [Fact]
    public void Lifecycle_steps_of_unknown_withdrawals_or_accounts_are_refused_and_create_no_account()
    {
        var ledger = Released();
        var carol = new MemberId(9);

        Assert.Equal(LedgerRefusal.UnknownWithdrawal, ledger.ApproveWithdrawal(Bob, Currency.CNY, "W9").Refusal);
        Assert.Equal(LedgerRefusal.UnknownWithdrawal, ledger.ApproveWithdrawal(carol, Currency.CNY, "W1").Refusal);
        Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, ledger.RequestWithdrawal(new LedgerWithdrawal("W1", carol, Yuan(10m), Later)).Refusal);
        Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, ledger.RequestWithdrawal(new LedgerWithdrawal("W3", Bob, Yuan(100.01m), Later)).Refusal);
        Assert.Empty(ledger.GetBalances(carol));
        Assert.Null(ledger.GetWithdrawal(carol, Currency.CNY, "W1"));
    }

    [Fact]
    public void An_immediate_withdrawal_and_a_requested_one_share_the_accounts_withdrawal_ids()
    {
        var ledger = Released();
        ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(10m), Later));

        var reused = ledger.RequestWithdrawal(new LedgerWithdrawal("W1", Bob, Yuan(20m), Later));

        Assert.Equal(LedgerRefusal.ConflictingDuplicate, reused.Refusal);
        Assert.Equal(Yuan(90m), ledger.GetBalance(Bob, Currency.CNY).Available);
    }

    [Fact]
    public void Adjustments_repay_debt_first_create_debt_when_negative_and_open_an_account_only_when_applied()
    {
        var ledger = Released();
        var carol = new MemberId(9);

        Assert.Throws<System.ArgumentException>(() => ledger.Adjust(new AccountAdjustment("A0", carol, Yuan(0m), "ops", "typo", Later)));
        Assert.Empty(ledger.GetBalances(carol));

        Assert.True(ledger.Adjust(new AccountAdjustment("A1", Bob, Yuan(-120m), "ops", "duplicate payout recovered", Later)).IsApplied);
        var inDebt = ledger.GetBalance(Bob, Currency.CNY);
        Assert.Equal(Yuan(0m), inDebt.Available);
        Assert.Equal(Yuan(20m), inDebt.ClawbackDebt);
        Assert.True(inDebt.IsConserved);

        Assert.True(ledger.Adjust(new AccountAdjustment("A2", Bob, Yuan(25m), "ops", "goodwill", Later)).IsApplied);
        Assert.Equal(Yuan(5m), ledger.GetBalance(Bob, Currency.CNY).Available);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.Adjust(new AccountAdjustment("A2", Bob, Yuan(25m), "ops", "goodwill", Later)).Outcome);
        Assert.Equal(LedgerRefusal.ConflictingDuplicate, ledger.Adjust(new AccountAdjustment("A2", Bob, Yuan(26m), "ops", "goodwill", Later)).Refusal);

        Assert.True(ledger.Adjust(new AccountAdjustment("A3", carol, Yuan(8m), "ops", "welcome bonus", Later)).IsApplied);
        Assert.Equal(Yuan(8m), ledger.GetBalance(carol, Currency.CNY).Available);
        Assert.Equal(Yuan(8m), ledger.GetBalance(carol, Currency.CNY).Adjusted);
    }

    [Fact]
    public void A_payout_run_plans_without_changing_anything_and_commits_each_payout_once_as_an_approved_withdrawal()
    {
        var ledger = Released(new LedgerOptions { MinimumWithdrawals = [Yuan(60m)] });

        var run = ledger.PlanPayoutRun("2026-11", Later);

        Assert.Equal(Yuan(100m), ledger.GetBalance(Bob, Currency.CNY).Available);
        var payout = Assert.Single(run.Payouts);
        Assert.Equal(Bob, payout.Member);
        Assert.Equal(PayoutSkipReason.BelowMinimum, Assert.Single(run.Skipped).Reason);

        var committed = ledger.CommitPayoutRun(run);
        var again = ledger.CommitPayoutRun(run);

        Assert.True(Assert.Single(committed).IsApplied);
        Assert.Equal(WithdrawalStatus.Approved, committed[0].Withdrawal!.Status);
        Assert.Equal(LedgerOutcome.Duplicate, Assert.Single(again).Outcome);
        Assert.Equal(Yuan(100m), ledger.GetBalance(Bob, Currency.CNY).InWithdrawal);
        Assert.Equal(Yuan(0m), ledger.GetBalance(Bob, Currency.CNY).Available);
    }

    [Fact]
    public void Requests_and_adjustments_survive_a_snapshot_round_trip_and_continue_like_the_original()
    {
        var ledger = Released();
        ledger.RequestWithdrawal(new LedgerWithdrawal("W1", Bob, Yuan(30m), Later));
        ledger.RequestWithdrawal(new LedgerWithdrawal("W2", Bob, Yuan(20m), Later));
        ledger.ApproveWithdrawal(Bob, Currency.CNY, "W2");
        ledger.MarkWithdrawalPaid(Bob, Currency.CNY, "W2", "TX-2");
        ledger.Adjust(new AccountAdjustment("A1", Alice, Yuan(-5m), "ops", "correction", Later));

        var restored = CommissionLedger.FromSnapshot(ledger.ToSnapshot(), ledger.Options);

        foreach (var l in new[] { ledger, restored })
        {
            Assert.True(l.ApproveWithdrawal(Bob, Currency.CNY, "W1").IsApplied);
            Assert.Equal(LedgerOutcome.Duplicate, l.MarkWithdrawalPaid(Bob, Currency.CNY, "W2", "TX-2").Outcome);
            Assert.Equal(LedgerOutcome.Duplicate, l.Adjust(new AccountAdjustment("A1", Alice, Yuan(-5m), "ops", "correction", Later)).Outcome);
        }

        Assert.Equal(ledger.GetBalance(Bob, Currency.CNY), restored.GetBalance(Bob, Currency.CNY));
        Assert.Equal(ledger.GetBalance(Alice, Currency.CNY), restored.GetBalance(Alice, Currency.CNY));
        Assert.Equal(ledger.GetWithdrawal(Bob, Currency.CNY, "W1"), restored.GetWithdrawal(Bob, Currency.CNY, "W1"));
    }

    [Fact]
    public void A_snapshot_whose_requests_do_not_add_up_to_the_accounts_in_withdrawal_is_refused_with_its_path()
    {
        var ledger = Released();
        ledger.RequestWithdrawal(new LedgerWithdrawal("W1", Bob, Yuan(30m), Later));
        var snapshot = ledger.ToSnapshot();
        var tampered = snapshot with { Requests = [snapshot.Requests![0] with { Gross = Yuan(31m) }] };

        var error = Assert.Throws<CorruptStateException>(() => CommissionLedger.FromSnapshot(tampered));

        Assert.Contains("inWithdrawal", error.Message);
    }
}
