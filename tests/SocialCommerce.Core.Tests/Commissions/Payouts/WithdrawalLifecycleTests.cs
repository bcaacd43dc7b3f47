using System;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions.Payouts;

/// <summary>The worked example of docs/commission-ledger.md ("Withdrawals as a lifecycle"), step by step.</summary>
public sealed class WithdrawalLifecycleTests
{
    private static readonly MemberId Member = new(2);
    private static readonly Instant At = Instant.FromUtc(2026, 11, 20, 2, 0);

    private static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    private static CommissionAccount AccountWith(decimal available, LedgerOptions? options = null)
    {
        var account = new CommissionAccount(Member, Currency.CNY, options ?? new LedgerOptions { WithdrawalFee = Rate.Percent(1), MinimumWithdrawals = [Yuan(10m)] });
        var units = Yuan(available).ToMinorUnits();
        account.Apply(new AccountPosting("S-1/e", "S-1", Member, Currency.CNY, AccountPostingKind.Earned, LedgerState.Pending, units));
        account.Apply(new AccountPosting("S-1/c", "S-1", Member, Currency.CNY, AccountPostingKind.Completed, LedgerState.Pending, units));
        account.Apply(new AccountPosting("S-1/r", "S-1", Member, Currency.CNY, AccountPostingKind.Released, LedgerState.Frozen, units));
        return account;
    }

    [Fact]
    public void A_request_holds_the_gross_a_payment_withdraws_it_and_net_is_gross_minus_fee_minus_withholding()
    {
        var account = AccountWith(300.00m);
        var requested = account.RequestWithdrawal(new LedgerWithdrawal("W-1", Member, Yuan(200.00m), At), new TenPercent());
        Assert.True(requested.IsApplied);
        Assert.Equal(WithdrawalStatus.Requested, requested.Withdrawal!.Status);
        Assert.Equal(Yuan(2.00m), requested.Withdrawal.Fee);
        Assert.Equal(Yuan(19.80m), requested.Withdrawal.Withheld);   // 10 % of 198.00
        Assert.Equal(Yuan(178.20m), requested.Withdrawal.Net);
        Assert.Equal(Yuan(100.00m), account.Balance.Available);
        Assert.Equal(Yuan(200.00m), account.InWithdrawal);

        Assert.Equal(LedgerRefusal.WithdrawalStateConflict, account.MarkWithdrawalPaid("W-1", "T-9").Refusal);   // not approved yet
        Assert.True(account.ApproveWithdrawal("W-1").IsApplied);
        Assert.Equal(LedgerOutcome.Duplicate, account.ApproveWithdrawal("W-1").Outcome);

        // The bank refuses the transfer: the 200.00 is available again; the retry takes it again; then it is paid.
        Assert.True(account.MarkWithdrawalFailed("W-1", "account closed").IsApplied);
        Assert.Equal(Yuan(300.00m), account.Balance.Available);
        Assert.Equal(Yuan(0m), account.InWithdrawal);
        Assert.True(account.RetryWithdrawal("W-1").IsApplied);
        var paid = account.MarkWithdrawalPaid("W-1", "T-10");
        Assert.True(paid.IsApplied);
        Assert.Equal(2, paid.Withdrawal!.Attempts);
        Assert.Equal("T-10", paid.Withdrawal.TransferReference);
        Assert.Equal(LedgerOutcome.Duplicate, account.MarkWithdrawalPaid("W-1", "T-10").Outcome);
        Assert.Equal(LedgerRefusal.ConflictingDuplicate, account.MarkWithdrawalPaid("W-1", "T-11").Refusal);

        Assert.Equal(Yuan(100.00m), account.Balance.Available);
        Assert.Equal(Yuan(0m), account.InWithdrawal);
        Assert.Equal(Yuan(200.00m), account.Balance.Withdrawn);
        Assert.Equal(Yuan(2.00m), account.Balance.WithdrawalFees);
        Assert.Equal(Yuan(19.80m), account.Withheld);
        Assert.Equal(LedgerRefusal.WithdrawalStateConflict, account.CancelWithdrawal("W-1", "too late").Refusal);
    }

    [Fact]
    public void A_rejection_or_a_cancellation_restores_exactly_what_was_held()
    {
        var account = AccountWith(100.00m);
        account.RequestWithdrawal(new LedgerWithdrawal("W-1", Member, Yuan(60.00m), At));
        account.RequestWithdrawal(new LedgerWithdrawal("W-2", Member, Yuan(40.00m), At));
        Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, account.RequestWithdrawal(new LedgerWithdrawal("W-3", Member, Yuan(10.00m), At)).Refusal);

        var rejected = account.RejectWithdrawal("W-1", "bank details do not match the member");
        Assert.Equal("bank details do not match the member", rejected.Withdrawal!.Reason);
        Assert.Equal(LedgerRefusal.WithdrawalStateConflict, account.ApproveWithdrawal("W-1").Refusal); // approve after rejected
        Assert.True(account.CancelWithdrawal("W-2", "member changed their mind").IsApplied);
        Assert.Equal(Yuan(100.00m), account.Balance.Available);
        Assert.Equal(Yuan(0m), account.InWithdrawal);
        Assert.Equal(LedgerRefusal.UnknownWithdrawal, account.ApproveWithdrawal("W-404").Refusal);

        // A retried request is a duplicate; the same id with another amount is refused.
        Assert.Equal(LedgerOutcome.Duplicate, account.RequestWithdrawal(new LedgerWithdrawal("W-1", Member, Yuan(60.00m), At + Duration.FromMinutes(1))).Outcome);
        Assert.Equal(LedgerRefusal.ConflictingDuplicate, account.RequestWithdrawal(new LedgerWithdrawal("W-1", Member, Yuan(61.00m), At)).Refusal);
    }

    [Fact]
    public void Small_withdrawals_are_approved_at_request_and_a_retry_needs_the_money_again()
    {
        var account = AccountWith(60.00m, new LedgerOptions { AutoApproveUpTo = [Yuan(25.00m)] });
        Assert.Equal(WithdrawalStatus.Approved, account.RequestWithdrawal(new LedgerWithdrawal("W-1", Member, Yuan(25.00m), At)).Withdrawal!.Status);
        Assert.Equal(WithdrawalStatus.Requested, account.RequestWithdrawal(new LedgerWithdrawal("W-2", Member, Yuan(30.00m), At)).Withdrawal!.Status);

        Assert.True(account.MarkWithdrawalFailed("W-1", "timeout").IsApplied);
        Assert.Equal(Yuan(30.00m), account.Balance.Available);
        account.RequestWithdrawal(new LedgerWithdrawal("W-3", Member, Yuan(28.00m), At));   // spends what the failure freed
        var retry = account.RetryWithdrawal("W-1");
        Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, retry.Refusal);
        Assert.Equal(WithdrawalStatus.Failed, account.GetWithdrawal("W-1")!.Status);
        Assert.True(account.CancelWithdrawal("W-1", "given up").IsApplied);
        Assert.Equal(Yuan(2.00m), account.Balance.Available);
        Assert.Equal(Yuan(58.00m), account.InWithdrawal);
    }

    [Fact]
    public void A_withholding_policy_that_returns_too_much_is_an_error_naming_it_and_nothing_changes()
    {
        var account = AccountWith(100.00m);
        var error = Assert.Throws<InvalidOperationException>(() => account.RequestWithdrawal(new LedgerWithdrawal("W-1", Member, Yuan(50.00m), At), new Everything()));
        Assert.Contains("Everything", error.Message);
        Assert.Contains("from 0 to", error.Message);
        Assert.Equal(Yuan(100.00m), account.Balance.Available);
        Assert.Null(account.GetWithdrawal("W-1"));
    }

    private sealed class TenPercent : IWithholdingPolicy
    {
        public Money Withhold(MemberId member, Money gross, Money fee, Instant at) => ((gross - fee) * 0.10m).Round(RoundingMode.TowardZero);
    }

    private sealed class Everything : IWithholdingPolicy
    {
        public Money Withhold(MemberId member, Money gross, Money fee, Instant at) => gross;
    }
}
