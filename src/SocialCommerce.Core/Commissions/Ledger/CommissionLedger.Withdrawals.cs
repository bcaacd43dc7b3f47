using System;

namespace SocialCommerce.Commissions;

/// <content>Withdrawals.</content>
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

    /// <summary>A withdrawal's identity: its id within the member's account in its currency.</summary>
    private static (long Member, string Currency, string Id) WithdrawalKey(in LedgerWithdrawal withdrawal) =>
        (withdrawal.Member.Value, withdrawal.Amount.Currency.Code, withdrawal.WithdrawalId);

    private LedgerWithdrawalResult WithdrawCore(LedgerWithdrawal withdrawal)
    {
        ArgumentNullException.ThrowIfNull(withdrawal.WithdrawalId, "withdrawal.WithdrawalId");
        LedgerWithdrawal? first = withdrawal.Amount != default && _withdrawalIndex.TryGetValue(WithdrawalKey(withdrawal), out var known) ? _withdrawals[known] : null;
        var c = withdrawal.Amount == default ? None : FindCurrency(withdrawal.Amount.Currency);
        var a = c == None || !_accountIndex.TryGetValue(new AccountKey(withdrawal.Member.Value, c), out var found) ? None : found;
        var available = a == None ? 0 : _accounts[a].Available;
        if (WithdrawalDecision.Decide(_options, _minimumWithdrawals, withdrawal, first, available, out var gross, out var fee) is { } answer)
        {
            return answer;
        }

        var grossUnits = gross.ToMinorUnits();
        var feeUnits = fee.ToMinorUnits();
        var w = _withdrawals.Count;
        _withdrawals.Add(withdrawal);
        _withdrawalIndex.Add(WithdrawalKey(withdrawal), w);
        ref var acc = ref _accounts[a];
        acc.Available -= grossUnits;
        acc.Withdrawn += grossUnits;
        acc.Fees += feeUnits;
        var firstEntry = _entryCount;
        Append(LedgerEntryKind.Withdrawn, LedgerState.Withdrawn, a, grossUnits, None, None, w);
        if (feeUnits > 0)
        {
            Append(LedgerEntryKind.WithdrawalFee, LedgerState.Withdrawn, a, feeUnits, None, None, w);
        }

        return new LedgerWithdrawalResult(Applied(firstEntry), gross, fee, gross - fee);
    }
}
