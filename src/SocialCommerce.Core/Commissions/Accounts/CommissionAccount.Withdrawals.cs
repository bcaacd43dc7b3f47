using System;
using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.Commissions;

/// <summary>The withdrawal lifecycle of an account: request → approved or rejected → paid or failed → (retry) paid, or cancelled.</summary>
public sealed partial class CommissionAccount
{
    private Dictionary<string, WithdrawalRecord>? _requests;
    private long _inWithdrawal;
    private long _withheld;

    /// <summary>Gets the gross amount of the withdrawals requested or approved and not yet paid (it has left available).</summary>
    public Money InWithdrawal => LedgerAmounts.FromMinor(_inWithdrawal, Currency);

    /// <summary>Gets what the withholding policy kept from paid withdrawals (part of <see cref="LedgerBalance.Withdrawn"/>).</summary>
    public Money Withheld => LedgerAmounts.FromMinor(_withheld, Currency);

    /// <summary>Gets a withdrawal requested through the lifecycle, or <see langword="null"/>.</summary>
    /// <param name="withdrawalId">The withdrawal id.</param>
    /// <returns>The withdrawal as it stands.</returns>
    public WithdrawalRecord? GetWithdrawal(string withdrawalId)
    {
        ArgumentNullException.ThrowIfNull(withdrawalId);
        return _requests is not null && _requests.TryGetValue(withdrawalId, out var record) ? record : null;
    }

    // The balances restore from the snapshot's account state; the records it carries may be all of the account's
    // withdrawals or only those a command needs (a store loads one), so nothing is summed from them.

    /// <summary>
    /// Requests a withdrawal: the gross amount moves from available to in withdrawal; the fee (<see cref="LedgerOptions.WithdrawalFee"/>)
    /// and the withholding (<paramref name="withholding"/>) are fixed now. Approved at once when at most
    /// <see cref="LedgerOptions.AutoApproveUpTo"/> for its currency. Idempotent by withdrawal id and content.
    /// </summary>
    /// <param name="withdrawal">The request: id, member, gross amount, instant.</param>
    /// <param name="withholding">The host's withholding rule, or <see langword="null"/> for none.</param>
    /// <returns>Applied with the new withdrawal; a duplicate; or refused (below the minimum, insufficient available, a conflicting id).</returns>
    /// <exception cref="ArgumentException">The request is for another account, or has no id or a non-positive amount.</exception>
    /// <exception cref="InvalidOperationException">The withholding policy returned an amount in another currency, below zero, above gross − fee, or not in whole minor units.</exception>
    public WithdrawalStepResult RequestWithdrawal(LedgerWithdrawal withdrawal, IWithholdingPolicy? withholding = null)
    {
        CheckOwn(withdrawal);
        LedgerWithdrawal? first = withdrawal.WithdrawalId is not null && GetWithdrawal(withdrawal.WithdrawalId) is { } known
            ? new LedgerWithdrawal(known.WithdrawalId, known.Member, known.Gross, known.RequestedAt)
            : withdrawal.WithdrawalId is not null && _withdrawals is not null && _withdrawals.TryGetValue(withdrawal.WithdrawalId, out var immediate) ? immediate : null;
        if (WithdrawalDecision.Decide(_options, _options.MinimumWithdrawals ?? [], withdrawal, first, _available, out var gross, out var fee) is { } answer)
        {
            var existing = withdrawal.WithdrawalId is not null ? GetWithdrawal(withdrawal.WithdrawalId) : null;
            return new WithdrawalStepResult(answer.Result.Outcome, answer.Result.Refusal, answer.Result.Message, existing);
        }

        var withheld = withholding is null ? Money.Zero(Currency) : withholding.Withhold(Member, gross, fee, withdrawal.At);
        if (withheld == default || !withheld.Currency.Equals(Currency) || !withheld.IsWholeMinorUnits || withheld.Amount < 0 || withheld > gross - fee)
        {
            throw new InvalidOperationException($"The withholding policy {withholding?.GetType().Name} returned {(withheld == default ? "no amount" : withheld.ToString())} for withdrawal '{withdrawal.WithdrawalId}' of {gross} (fee {fee}); it must be whole minor units of {Currency.Code} from 0 to {gross - fee}.");
        }

        var status = IsAutoApproved(gross) ? WithdrawalStatus.Approved : WithdrawalStatus.Requested;
        var record = new WithdrawalRecord(withdrawal.WithdrawalId!, Member, gross, fee, LedgerAmounts.Show(withheld), withdrawal.At, status, status == WithdrawalStatus.Approved ? 1 : 0, null, null);
        var units = gross.ToMinorUnits();
        _available -= units;
        _inWithdrawal += units;
        (_requests ??= new Dictionary<string, WithdrawalRecord>(StringComparer.Ordinal)).Add(record.WithdrawalId, record);
        Version++;
        return new WithdrawalStepResult(LedgerOutcome.Applied, LedgerRefusal.None, null, record);
    }

    /// <summary>Approves a requested withdrawal (the reviewer's yes): it waits for the transfer.</summary>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <returns>Applied; a duplicate when already approved; refused when unknown or in another state.</returns>
    public WithdrawalStepResult ApproveWithdrawal(string withdrawalId) =>
        Step(withdrawalId, "approved", WithdrawalStatus.Approved, [WithdrawalStatus.Requested], static r => r with { Status = WithdrawalStatus.Approved, Attempts = r.Attempts + 1 }, restore: false, pay: false);

    /// <summary>Rejects a requested withdrawal (the reviewer's no): the gross amount is available again.</summary>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="reason">Why, for the member and the audit.</param>
    /// <returns>Applied; a duplicate when already rejected; refused when unknown or in another state.</returns>
    public WithdrawalStepResult RejectWithdrawal(string withdrawalId, string reason)
    {
        Reason(reason);
        return Step(withdrawalId, "rejected", WithdrawalStatus.Rejected, [WithdrawalStatus.Requested], r => r with { Status = WithdrawalStatus.Rejected, Reason = reason }, restore: true, pay: false);
    }

    /// <summary>Records the successful transfer of an approved withdrawal: the gross amount is withdrawn (fee and withholding with it).</summary>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="transferReference">The payment provider's reference.</param>
    /// <returns>Applied; a duplicate when already paid with this reference; refused when unknown, in another state, or paid with another reference.</returns>
    public WithdrawalStepResult MarkWithdrawalPaid(string withdrawalId, string transferReference)
    {
        Limits.CheckId(transferReference, nameof(transferReference));
        if (GetWithdrawal(withdrawalId) is { Status: WithdrawalStatus.Paid } paid && !string.Equals(paid.TransferReference, transferReference, StringComparison.Ordinal))
        {
            return new WithdrawalStepResult(LedgerOutcome.Refused, LedgerRefusal.ConflictingDuplicate, $"Withdrawal '{withdrawalId}' was already paid with transfer '{paid.TransferReference}', not '{transferReference}'; the first payment stands.", paid);
        }

        return Step(withdrawalId, "paid", WithdrawalStatus.Paid, [WithdrawalStatus.Approved], r => r with { Status = WithdrawalStatus.Paid, TransferReference = transferReference }, restore: false, pay: true);
    }

    /// <summary>Records a failed transfer of an approved withdrawal: the gross amount is available again until it is retried or cancelled.</summary>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="reason">The payment provider's reason.</param>
    /// <returns>Applied; a duplicate when already failed; refused when unknown or in another state.</returns>
    public WithdrawalStepResult MarkWithdrawalFailed(string withdrawalId, string reason)
    {
        Reason(reason);
        return Step(withdrawalId, "failed", WithdrawalStatus.Failed, [WithdrawalStatus.Approved], r => r with { Status = WithdrawalStatus.Failed, Reason = reason }, restore: true, pay: false);
    }

    /// <summary>Retries a failed withdrawal: the same gross, fee and withholding leave available again and it waits for the transfer.</summary>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <returns>
    /// Applied; a duplicate when a retry already happened and its transfer has not failed again (a resend after a lost
    /// acknowledgement answers its first outcome, whatever the withdrawal became since); refused when unknown, not failed,
    /// or when the available balance no longer covers it.
    /// </returns>
    public WithdrawalStepResult RetryWithdrawal(string withdrawalId)
    {
        Limits.CheckId(withdrawalId, nameof(withdrawalId));
        if (GetWithdrawal(withdrawalId) is { Attempts: >= 2, Status: not WithdrawalStatus.Failed } retried)
        {
            // Approved once and retried since (approvals and retries both count attempts): this retry was done.
            return new WithdrawalStepResult(LedgerOutcome.Duplicate, LedgerRefusal.None, $"Withdrawal '{withdrawalId}' was already retried (attempt {retried.Attempts}, now {retried.Status}); nothing changed.", retried);
        }

        if (GetWithdrawal(withdrawalId) is { Status: WithdrawalStatus.Failed } failed && failed.Gross.ToMinorUnits() > _available)
        {
            return new WithdrawalStepResult(LedgerOutcome.Refused, LedgerRefusal.InsufficientAvailableBalance, $"Withdrawal '{withdrawalId}' of {failed.Gross} cannot be retried: member {Member} has {LedgerAmounts.FromMinor(_available, Currency)} available.", failed);
        }

        return Step(withdrawalId, "retried", WithdrawalStatus.Approved, [WithdrawalStatus.Failed], static r => r with { Status = WithdrawalStatus.Approved, Attempts = r.Attempts + 1 }, restore: false, pay: false, reserve: true, duplicateWhenInTarget: false);
    }

    /// <summary>Cancels a withdrawal that was not paid (requested, approved or failed): what it held is available again.</summary>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="reason">Why.</param>
    /// <returns>Applied; a duplicate when already cancelled; refused when unknown, paid or rejected.</returns>
    public WithdrawalStepResult CancelWithdrawal(string withdrawalId, string reason)
    {
        Reason(reason);
        var restore = GetWithdrawal(withdrawalId)?.IsInWithdrawal == true;
        return Step(withdrawalId, "cancelled", WithdrawalStatus.Cancelled, [WithdrawalStatus.Requested, WithdrawalStatus.Approved, WithdrawalStatus.Failed], r => r with { Status = WithdrawalStatus.Cancelled, Reason = reason }, restore, pay: false);
    }

    private static string Reason(string reason) => Limits.CheckReason(reason, nameof(reason));

    private bool IsAutoApproved(Money gross)
    {
        foreach (var limit in _options.AutoApproveUpTo ?? [])
        {
            if (limit != default && limit.Currency.Equals(Currency))
            {
                return gross <= limit;
            }
        }

        return false;
    }

    private WithdrawalStepResult Step(string withdrawalId, string verb, WithdrawalStatus target, WithdrawalStatus[] from, Func<WithdrawalRecord, WithdrawalRecord> change, bool restore, bool pay, bool reserve = false, bool duplicateWhenInTarget = true)
    {
        Limits.CheckId(withdrawalId, nameof(withdrawalId));
        if (GetWithdrawal(withdrawalId) is not { } record)
        {
            return new WithdrawalStepResult(LedgerOutcome.Refused, LedgerRefusal.UnknownWithdrawal, $"Withdrawal '{withdrawalId}' was not requested from the account of member {Member} in {Currency.Code}.", null);
        }

        if (duplicateWhenInTarget && record.Status == target)
        {
            return new WithdrawalStepResult(LedgerOutcome.Duplicate, LedgerRefusal.None, $"Withdrawal '{withdrawalId}' is already {target}; nothing changed.", record);
        }

        if (Array.IndexOf(from, record.Status) < 0)
        {
            return new WithdrawalStepResult(LedgerOutcome.Refused, LedgerRefusal.WithdrawalStateConflict, $"Withdrawal '{withdrawalId}' is {record.Status}; it cannot be {verb} (it must be {string.Join(" or ", from)}).", record);
        }

        // Decided: now change (the rest cannot fail).
        var units = record.Gross.ToMinorUnits();
        if (restore)
        {
            _inWithdrawal -= units;
            DebtFirst.Return(units, ref _available, ref _debt);
        }

        if (reserve)
        {
            _available -= units;
            _inWithdrawal += units;
        }

        if (pay)
        {
            _inWithdrawal -= units;
            _withdrawn += units;
            _fees += record.Fee.ToMinorUnits();
            _withheld += record.Withheld.ToMinorUnits();
        }

        var next = change(record);
        _requests![withdrawalId] = next;
        Version++;
        return new WithdrawalStepResult(LedgerOutcome.Applied, LedgerRefusal.None, null, next);
    }

    private void CheckOwn(in LedgerWithdrawal withdrawal)
    {
        if (withdrawal.Amount == default || withdrawal.Member != Member || !withdrawal.Amount.Currency.Equals(Currency))
        {
            throw new ArgumentException($"Withdrawal '{withdrawal.WithdrawalId}' is for member {withdrawal.Member} in {(withdrawal.Amount == default ? "no currency" : withdrawal.Amount.Currency.Code)}, not the account of member {Member} in {Currency.Code}.", nameof(withdrawal));
        }
    }

    private WithdrawalRecord[] RequestsSnapshot()
    {
        var records = new WithdrawalRecord[_requests?.Count ?? 0];
        _requests?.Values.CopyTo(records, 0);
        Array.Sort(records, static (a, b) => string.CompareOrdinal(a.WithdrawalId, b.WithdrawalId));
        return records;
    }

    private void RestoreRequests(CommissionAccountSnapshot snapshot) => RestoreRequests(Serialization.SocialCommerceJson.OrEmpty(snapshot.Requests));

    /// <summary>Adds withdrawals requested before (a restore; checked by the caller).</summary>
    internal void RestoreRequests(IReadOnlyList<WithdrawalRecord> requests)
    {
        foreach (var record in requests)
        {
            (_requests ??= new Dictionary<string, WithdrawalRecord>(StringComparer.Ordinal))[record.WithdrawalId] = record;
        }
    }

    /// <summary>Gets the withdrawals requested through the lifecycle, in no order.</summary>
    internal IEnumerable<WithdrawalRecord> Requests => _requests is null ? [] : _requests.Values;
}
