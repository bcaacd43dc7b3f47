using System;
using System.Collections.Generic;

namespace SocialCommerce.Commissions;

/// <summary>Signed manual adjustments of an account.</summary>
public sealed partial class CommissionAccount
{
    private Dictionary<string, AccountAdjustment>? _adjustments;
    private long _adjusted;

    /// <summary>Gets the sum of the signed manual adjustments.</summary>
    public Money Adjusted => LedgerAmounts.FromMinor(_adjusted, Currency);

    /// <summary>
    /// Applies a signed manual adjustment: positive adds to available after repaying clawback debt, negative takes from
    /// available and carries what is missing as debt. Conservation gains it: … == booked − reversed + written off +
    /// forgiven + adjusted. Idempotent by adjustment id and content.
    /// </summary>
    /// <param name="adjustment">The adjustment.</param>
    /// <returns>Applied, a duplicate, or refused (<see cref="LedgerRefusal.ConflictingDuplicate"/> for a used id with other content).</returns>
    /// <exception cref="ArgumentException">The adjustment is for another account, is zero, not in whole minor units, beyond <see cref="Limits.MaxMinorUnits"/>, or has no id, author or reason.</exception>
    public LedgerResult Adjust(AccountAdjustment adjustment)
    {
        ArgumentException.ThrowIfNullOrEmpty(adjustment.AdjustmentId, "adjustment.AdjustmentId");
        ArgumentException.ThrowIfNullOrWhiteSpace(adjustment.Author, "adjustment.Author");
        ArgumentException.ThrowIfNullOrWhiteSpace(adjustment.Reason, "adjustment.Reason");
        if (adjustment.Amount == default || adjustment.Member != Member || !adjustment.Amount.Currency.Equals(Currency))
        {
            throw new ArgumentException($"Adjustment '{adjustment.AdjustmentId}' is for member {adjustment.Member} in {(adjustment.Amount == default ? "no currency" : adjustment.Amount.Currency.Code)}, not the account of member {Member} in {Currency.Code}.", nameof(adjustment));
        }

        if (adjustment.Amount.Amount == 0 || !adjustment.Amount.IsWholeMinorUnits || Math.Abs(adjustment.Amount.Amount) > Limits.MaxMinorUnits * Currency.MinorUnitSize)
        {
            throw new ArgumentException($"Adjustment '{adjustment.AdjustmentId}' = {adjustment.Amount}: it must be non-zero whole minor units of at most {Limits.MaxMinorUnits} minor units either way.", nameof(adjustment));
        }

        if (_adjustments is not null && _adjustments.TryGetValue(adjustment.AdjustmentId, out var first))
        {
            return first.Member == adjustment.Member && first.Amount == adjustment.Amount && string.Equals(first.Author, adjustment.Author, StringComparison.Ordinal) && string.Equals(first.Reason, adjustment.Reason, StringComparison.Ordinal)
                ? LedgerResult.Duplicate($"Adjustment '{adjustment.AdjustmentId}' was already applied; nothing changed.")
                : LedgerResult.Refused(LedgerRefusal.ConflictingDuplicate, $"Adjustment id '{adjustment.AdjustmentId}' was already used for {first.Amount} by {first.Author}; the first adjustment stands.");
        }

        var units = adjustment.Amount.ToMinorUnits();
        var adjusted = checked(_adjusted + units);
        if (units > 0)
        {
            DebtFirst.Return(units, ref _available, ref _debt);
        }
        else
        {
            var take = Math.Min(_available, -units);
            _available -= take;
            _debt = checked(_debt + (-units - take));
        }

        _adjusted = adjusted;
        (_adjustments ??= new Dictionary<string, AccountAdjustment>(StringComparer.Ordinal)).Add(adjustment.AdjustmentId, adjustment);
        Version++;
        return new LedgerResult(null, LedgerOutcome.Applied, LedgerRefusal.None, null, 0, 0);
    }

    private AccountAdjustment[] AdjustmentsSnapshot()
    {
        var adjustments = new AccountAdjustment[_adjustments?.Count ?? 0];
        _adjustments?.Values.CopyTo(adjustments, 0);
        Array.Sort(adjustments, static (a, b) => string.CompareOrdinal(a.AdjustmentId, b.AdjustmentId));
        return adjustments;
    }

    private void RestoreAdjustments(CommissionAccountSnapshot snapshot) => RestoreAdjustments(Serialization.SocialCommerceJson.OrEmpty(snapshot.Adjustments));

    /// <summary>Adds adjustments applied before (a restore; checked by the caller).</summary>
    internal void RestoreAdjustments(IReadOnlyList<AccountAdjustment> adjustments)
    {
        foreach (var adjustment in adjustments)
        {
            (_adjustments ??= new Dictionary<string, AccountAdjustment>(StringComparer.Ordinal))[adjustment.AdjustmentId] = adjustment;
        }
    }

    /// <summary>Gets the adjustments applied, in no order.</summary>
    internal IEnumerable<AccountAdjustment> Adjustments => _adjustments is null ? [] : _adjustments.Values;
}
