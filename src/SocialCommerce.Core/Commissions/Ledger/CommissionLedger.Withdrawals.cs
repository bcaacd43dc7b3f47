using System;

namespace SocialCommerce.Commissions;

/// <content>Withdrawals.</content>
public sealed partial class CommissionLedger
{
    /// <summary>
    /// Withdraws from a member's available balance: a <see cref="LedgerEntryKind.Withdrawn"/> entry for the gross amount and,
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
        ArgumentNullException.ThrowIfNull(withdrawal.WithdrawalId, "withdrawal.WithdrawalId");
        if (withdrawal.WithdrawalId.Length == 0)
        {
            throw new ArgumentException("Withdrawal id should not be empty.", nameof(withdrawal));
        }

        LedgerAmounts.CheckPositive(withdrawal.Amount, "withdrawal.Amount");
        var gross = LedgerAmounts.Show(withdrawal.Amount);
        var currency = gross.Currency;
        var fee = Fee(gross);
        var zero = LedgerAmounts.FromMinor(0, currency);
        if (_withdrawalIndex.TryGetValue(withdrawal.WithdrawalId, out var known))
        {
            var first = _withdrawals[known];
            return first.Member == withdrawal.Member && first.Amount == withdrawal.Amount
                ? new LedgerWithdrawalResult(LedgerResult.Duplicate($"Withdrawal '{withdrawal.WithdrawalId}' was already applied; nothing changed."), gross, fee, gross - fee)
                : new LedgerWithdrawalResult(LedgerResult.Refused(LedgerRefusal.ConflictingDuplicate, $"Withdrawal id '{withdrawal.WithdrawalId}' was already posted with other content; the first posting stands."), zero, zero, zero);
        }

        var minimums = _minimumWithdrawals;
        for (var i = 0; i < minimums.Length; i++)
        {
            if (minimums[i].Currency.Equals(currency) && gross < minimums[i])
            {
                return new LedgerWithdrawalResult(
                    LedgerResult.Refused(LedgerRefusal.BelowMinimumWithdrawal, $"Withdrawal '{withdrawal.WithdrawalId}' of {LedgerAmounts.Show(gross)} refused: the minimum withdrawal is {LedgerAmounts.Show(minimums[i])}."), zero, zero, zero);
            }
        }

        var c = FindCurrency(currency);
        var a = c == None || !_accountIndex.TryGetValue(new AccountKey(withdrawal.Member.Value, c), out var found) ? None : found;
        var available = a == None ? 0 : _accounts[a].Available;
        var grossUnits = gross.ToMinorUnits();
        if (grossUnits > available)
        {
            return new LedgerWithdrawalResult(
                LedgerResult.Refused(LedgerRefusal.InsufficientAvailableBalance, $"Withdrawal '{withdrawal.WithdrawalId}' of {LedgerAmounts.Show(gross)} refused: member {withdrawal.Member} has {LedgerAmounts.FromMinor(available, currency)} available."), zero, zero, zero);
        }

        var feeUnits = fee.ToMinorUnits();
        var w = _withdrawals.Count;
        _withdrawals.Add(withdrawal);
        _withdrawalIndex.Add(withdrawal.WithdrawalId, w);
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

    private Money Fee(Money gross) =>
        LedgerAmounts.Show(_options.WithdrawalFee is { } rate ? rate.ApplyTo(gross).Round(RoundingMode.TowardZero) : Money.Zero(gross.Currency));
}
