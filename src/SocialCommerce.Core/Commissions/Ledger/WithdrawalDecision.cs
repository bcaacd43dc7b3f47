using System;
using System.Collections.Generic;

namespace SocialCommerce.Commissions;

/// <summary>
/// The rules of a withdrawal, for the single ledger and the split accounts alike: the id and amount checks, the fee,
/// idempotence by id and content, the minimum, and the available balance.
/// </summary>
internal static class WithdrawalDecision
{
    /// <summary>
    /// Decides a withdrawal. Returns the result to answer when it is a duplicate or refused (nothing to change), or
    /// null when it is accepted, with the gross amount and the fee to book.
    /// </summary>
    public static LedgerWithdrawalResult? Decide(LedgerOptions options, IReadOnlyList<Money> minimums, in LedgerWithdrawal withdrawal, LedgerWithdrawal? first, long available, out Money gross, out Money fee)
    {
        ArgumentNullException.ThrowIfNull(withdrawal.WithdrawalId, "withdrawal.WithdrawalId");
        if (withdrawal.WithdrawalId.Length == 0)
        {
            throw new ArgumentException("Withdrawal id should not be empty.", nameof(withdrawal));
        }

        LedgerAmounts.CheckPositive(withdrawal.Amount, "withdrawal.Amount");
        gross = LedgerAmounts.Show(withdrawal.Amount);
        var currency = gross.Currency;
        fee = LedgerAmounts.Show(options.WithdrawalFee is { } rate ? rate.ApplyTo(gross).Round(RoundingMode.TowardZero) : Money.Zero(currency));
        var zero = LedgerAmounts.FromMinor(0, currency);
        if (first is { } known)
        {
            return known.Member == withdrawal.Member && known.Amount == withdrawal.Amount
                ? new LedgerWithdrawalResult(LedgerResult.Duplicate($"Withdrawal '{withdrawal.WithdrawalId}' was already applied; nothing changed."), gross, fee, gross - fee)
                : new LedgerWithdrawalResult(LedgerResult.Refused(LedgerRefusal.ConflictingDuplicate, $"Withdrawal id '{withdrawal.WithdrawalId}' was already posted with other content; the first posting stands."), zero, zero, zero);
        }

        for (var i = 0; i < minimums.Count; i++)
        {
            if (minimums[i].Currency.Equals(currency) && gross < minimums[i])
            {
                return new LedgerWithdrawalResult(
                    LedgerResult.Refused(LedgerRefusal.BelowMinimumWithdrawal, $"Withdrawal '{withdrawal.WithdrawalId}' of {gross} refused: the minimum withdrawal is {LedgerAmounts.Show(minimums[i])}."), zero, zero, zero);
            }
        }

        if (gross.ToMinorUnits() > available)
        {
            return new LedgerWithdrawalResult(
                LedgerResult.Refused(LedgerRefusal.InsufficientAvailableBalance, $"Withdrawal '{withdrawal.WithdrawalId}' of {gross} refused: member {withdrawal.Member} has {LedgerAmounts.FromMinor(available, currency)} available."), zero, zero, zero);
        }

        return null;
    }
}
