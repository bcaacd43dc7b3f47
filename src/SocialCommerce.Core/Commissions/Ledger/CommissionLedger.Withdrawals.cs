using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <content>Withdrawals (immediate, or through the lifecycle), adjustments and payout runs: the accounts' own commands.</content>
public sealed partial class CommissionLedger
{
    /// <summary>
    /// Withdraws from a member's available balance (the withdrawal id is the idempotency key within the member's account
    /// in its currency: another member may use the same id, and learns nothing of this one): a <see cref="LedgerEntryKind.Withdrawn"/> entry for the gross amount and,
    /// when a fee rate is set and the fee is above zero, a <see cref="LedgerEntryKind.WithdrawalFee"/> entry.
    /// </summary>
    /// <param name="withdrawal">The withdrawal.</param>
    /// <returns>
    /// The posting result with the gross amount, the fee (<c>gross × rate</c> rounded toward zero to the minor unit) and the
    /// net payout. Refused with <see cref="LedgerRefusal.BelowMinimumWithdrawal"/>,
    /// <see cref="LedgerRefusal.InsufficientAvailableBalance"/> or <see cref="LedgerRefusal.ConflictingDuplicate"/>;
    /// <see cref="LedgerOutcome.Duplicate"/> (with the same amounts) when the same withdrawal was already applied.
    /// </returns>
    /// <exception cref="ArgumentNullException">The withdrawal id is null.</exception>
    /// <exception cref="ArgumentException">The withdrawal id is empty, or the amount is not whole minor units or has no currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is zero or negative.</exception>
    public LedgerWithdrawalResult Withdraw(LedgerWithdrawal withdrawal)
    {
        var result = WithdrawCore(withdrawal);
        Report(LedgerOperations.Withdraw, result.Result);
        return result;
    }

    private LedgerWithdrawalResult WithdrawCore(LedgerWithdrawal withdrawal)
    {
        ArgumentNullException.ThrowIfNull(withdrawal.WithdrawalId, "withdrawal.WithdrawalId");
        var a = withdrawal.Amount == default ? None : FindAccount(withdrawal.Member, withdrawal.Amount.Currency);
        if (a == None)
        {
            // No account: nothing is available. The decision refuses (or throws for a malformed withdrawal); no account is created.
            var refused = WithdrawalDecision.Decide(_options, _options.MinimumWithdrawals ?? [], withdrawal, null, 0, out _, out _);
            return refused ?? throw new InvalidOperationException($"Withdrawal '{withdrawal.WithdrawalId}' was accepted from an account that does not exist.");
        }

        var result = AccountAt(a).Withdraw(withdrawal);
        if (!result.Result.IsApplied)
        {
            return result;
        }

        var w = _withdrawals.Count;
        _withdrawals.Add(withdrawal);
        var firstEntry = _entryCount;
        Append(LedgerEntryKind.Withdrawn, LedgerState.Withdrawn, a, result.Gross.ToMinorUnits(), None, None, w);
        if (result.Fee.Amount > 0)
        {
            Append(LedgerEntryKind.WithdrawalFee, LedgerState.Withdrawn, a, result.Fee.ToMinorUnits(), None, None, w);
        }

        return result with { Result = Applied(firstEntry) };
    }

    /// <summary>
    /// Requests a withdrawal through the lifecycle (request → approved or rejected → paid or failed → retried, or
    /// cancelled): the gross amount moves from available to in withdrawal, the fee and withholding are fixed now, and
    /// it is approved at once when at most <see cref="LedgerOptions.AutoApproveUpTo"/>. The lifecycle's steps write no
    /// entries: the withdrawal's record (<see cref="GetWithdrawal"/>) is its history.
    /// </summary>
    /// <param name="withdrawal">The request: id (unique within the member's account in its currency), member, gross amount, instant.</param>
    /// <param name="withholding">The host's withholding rule, or <see langword="null"/> for none.</param>
    /// <returns>Applied with the withdrawal; a duplicate; or refused (below the minimum, insufficient available, a conflicting id).</returns>
    /// <exception cref="ArgumentException">The request has no id, no currency or a non-positive amount.</exception>
    /// <exception cref="InvalidOperationException">The withholding policy returned an amount that is not whole minor units from 0 to gross − fee.</exception>
    public WithdrawalStepResult RequestWithdrawal(LedgerWithdrawal withdrawal, IWithholdingPolicy? withholding = null)
    {
        if (withdrawal.Amount == default)
        {
            throw new ArgumentException($"Withdrawal '{withdrawal.WithdrawalId}' has no amount (default Money).", nameof(withdrawal));
        }

        var account = AccountOf(withdrawal.Member, withdrawal.Amount.Currency);
        var result = account.RequestWithdrawal(withdrawal, withholding);
        if (result.IsApplied)
        {
            Keep(account);
        }

        return Step(LedgerOperations.RequestWithdrawal, result);
    }

    /// <summary>Approves a requested withdrawal (the reviewer's yes): it waits for the transfer.</summary>
    /// <param name="member">The member.</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <returns>Applied; a duplicate when already approved; refused when unknown or in another state.</returns>
    public WithdrawalStepResult ApproveWithdrawal(MemberId member, Currency currency, string withdrawalId) =>
        Step(LedgerOperations.WithdrawalStep, AccountOf(member, currency).ApproveWithdrawal(withdrawalId));

    /// <summary>Rejects a requested withdrawal (the reviewer's no): the gross amount is available again, repaying debt first.</summary>
    /// <param name="member">The member.</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="reason">Why, for the member and the audit.</param>
    /// <returns>Applied; a duplicate when already rejected; refused when unknown or in another state.</returns>
    public WithdrawalStepResult RejectWithdrawal(MemberId member, Currency currency, string withdrawalId, string reason) =>
        Step(LedgerOperations.WithdrawalStep, AccountOf(member, currency).RejectWithdrawal(withdrawalId, reason));

    /// <summary>Records the successful transfer of an approved withdrawal: the gross amount is withdrawn (fee and withholding with it).</summary>
    /// <param name="member">The member.</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="transferReference">The payment provider's reference.</param>
    /// <returns>Applied; a duplicate when already paid with this reference; refused when unknown, in another state, or paid with another reference.</returns>
    public WithdrawalStepResult MarkWithdrawalPaid(MemberId member, Currency currency, string withdrawalId, string transferReference) =>
        Step(LedgerOperations.WithdrawalStep, AccountOf(member, currency).MarkWithdrawalPaid(withdrawalId, transferReference));

    /// <summary>Records a failed transfer of an approved withdrawal: the gross amount is available again until it is retried or cancelled.</summary>
    /// <param name="member">The member.</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="reason">The payment provider's reason.</param>
    /// <returns>Applied; a duplicate when already failed; refused when unknown or in another state.</returns>
    public WithdrawalStepResult MarkWithdrawalFailed(MemberId member, Currency currency, string withdrawalId, string reason) =>
        Step(LedgerOperations.WithdrawalStep, AccountOf(member, currency).MarkWithdrawalFailed(withdrawalId, reason));

    /// <summary>Retries a failed withdrawal: the same gross, fee and withholding leave available again and it waits for the transfer.</summary>
    /// <param name="member">The member.</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <returns>Applied; a duplicate when it was already retried and has not failed again; refused when unknown, not failed, or not covered by the available balance.</returns>
    public WithdrawalStepResult RetryWithdrawal(MemberId member, Currency currency, string withdrawalId) =>
        Step(LedgerOperations.WithdrawalStep, AccountOf(member, currency).RetryWithdrawal(withdrawalId));

    /// <summary>Cancels a withdrawal that was not paid (requested, approved or failed): what it held is available again.</summary>
    /// <param name="member">The member.</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="reason">Why.</param>
    /// <returns>Applied; a duplicate when already cancelled; refused when unknown, paid or rejected.</returns>
    public WithdrawalStepResult CancelWithdrawal(MemberId member, Currency currency, string withdrawalId, string reason) =>
        Step(LedgerOperations.WithdrawalStep, AccountOf(member, currency).CancelWithdrawal(withdrawalId, reason));

    /// <summary>Returns a withdrawal requested through the lifecycle as it stands, or <see langword="null"/>.</summary>
    /// <param name="member">The member.</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <returns>The withdrawal's record.</returns>
    public WithdrawalRecord? GetWithdrawal(MemberId member, Currency currency, string withdrawalId) =>
        AccountOf(member, currency).GetWithdrawal(withdrawalId);

    /// <summary>
    /// Applies a signed manual adjustment (author and reason required): positive adds to available after repaying
    /// clawback debt, negative takes from available and carries what is missing as debt. Idempotent by adjustment id
    /// (within the member's account) and content. Writes no entry: the adjustment is its own record.
    /// </summary>
    /// <param name="adjustment">The adjustment.</param>
    /// <returns>Applied, a duplicate, or refused with <see cref="LedgerRefusal.ConflictingDuplicate"/>.</returns>
    /// <exception cref="ArgumentException">The adjustment is zero, not in whole minor units, beyond the supported range, or has no id, author or reason.</exception>
    public LedgerResult Adjust(AccountAdjustment adjustment)
    {
        if (adjustment.Amount == default)
        {
            throw new ArgumentException($"Adjustment '{adjustment.AdjustmentId}' has no amount (default Money).", nameof(adjustment));
        }

        var account = AccountOf(adjustment.Member, adjustment.Amount.Currency);
        var result = account.Adjust(adjustment);
        if (result.IsApplied)
        {
            Keep(account);
        }

        return Report(LedgerOperations.Adjust, result);
    }

    /// <summary>
    /// Plans a payout run over the accounts (a dry run: nothing changes): every account's available money grouped into
    /// payouts, skipping accounts below the minimum withdrawal and accounts in debt.
    /// </summary>
    /// <param name="runId">The run's id (unique per run; part of each payout's withdrawal id).</param>
    /// <param name="at">The instant of the run.</param>
    /// <param name="currency">Only this currency's accounts, or every account when null.</param>
    /// <returns>The plan, to review and then <see cref="CommitPayoutRun"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="runId"/> is empty or contains ':'.</exception>
    public PayoutRun PlanPayoutRun(string runId, Instant at, Currency? currency = null)
    {
        var accounts = new List<CommissionAccount>(_accountCount);
        for (var a = 0; a < _accountCount; a++)
        {
            var account = AccountAt(a);
            if (currency is null || account.Currency.Equals(currency))
            {
                accounts.Add(account);
            }
        }

        return PayoutRun.Plan(runId, at, accounts, _options);
    }

    /// <summary>
    /// Commits a payout run: each payout becomes an approved withdrawal of its account, to be paid by the host's
    /// transfers (<see cref="MarkWithdrawalPaid"/>). Committing again changes nothing; a payout whose account has less
    /// available now than planned is refused with <see cref="LedgerRefusal.InsufficientAvailableBalance"/>.
    /// </summary>
    /// <param name="run">The run, planned by <see cref="PlanPayoutRun"/>.</param>
    /// <param name="withholding">The host's withholding rule, or <see langword="null"/> for none.</param>
    /// <returns>One result per payout, in the order of <see cref="PayoutRun.Payouts"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public IReadOnlyList<WithdrawalStepResult> CommitPayoutRun(PayoutRun run, IWithholdingPolicy? withholding = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var results = run.Commit(AccountOf, withholding);
        for (var i = 0; i < results.Count; i++)
        {
            Step(LedgerOperations.RequestWithdrawal, results[i]);
        }

        return results;
    }

    /// <summary>A member's account in a currency; an empty one, not added, when there is none (its commands refuse).</summary>
    private CommissionAccount AccountOf(MemberId member, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var a = FindAccount(member, currency);
        return a == None ? new CommissionAccount(member, currency, _options) : AccountAt(a);
    }

    /// <summary>Adds an account <see cref="AccountOf"/> made for a member who had none, once a command changed it (no-op when the ledger already has it).</summary>
    private void Keep(CommissionAccount account)
    {
        if (FindAccount(account.Member, account.Currency) == None)
        {
            GetOrAddAccount(account.Member, GetOrAddCurrency(account.Currency), account);
        }
    }

    private WithdrawalStepResult Step(string operation, WithdrawalStepResult result)
    {
        Report(operation, result.Outcome switch
        {
            LedgerOutcome.Applied => new LedgerResult(null, LedgerOutcome.Applied, LedgerRefusal.None, null, 0, 0),
            LedgerOutcome.Duplicate => LedgerResult.Duplicate(result.Message ?? string.Empty),
            _ => LedgerResult.Refused(result.Refusal, result.Message ?? string.Empty),
        });
        return result;
    }
}
