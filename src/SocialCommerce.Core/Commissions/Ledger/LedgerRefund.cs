using System;
using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.Commissions;

/// <summary>
/// A refund posted to a <see cref="CommissionLedger"/>: in full, by lines and quantities, or by an amount paid back.
/// </summary>
/// <remarks>
/// <para>
/// The refund id is the idempotency key: posting the same refund twice is a <see cref="LedgerOutcome.Duplicate"/>;
/// another refund under the same id is refused (<see cref="LedgerRefusal.ConflictingDuplicate"/>).
/// Two refunds are the same when their id, sale id, instant, basis, lines (in order) and amount are equal.
/// </para>
/// <para>
/// Reversals are cumulative and exact: after refunds totalling a share <c>f</c> of a line (or of the sale), each earning
/// of it stands reversed by <c>floor(booked × f)</c> minor units, so splitting a refund into parts ends exactly where
/// one refund of the total ends, the sum of reversals never exceeds what was booked, and refunding everything reverses
/// exactly what was booked.
/// </para>
/// </remarks>
public sealed class LedgerRefund : IEquatable<LedgerRefund>
{
    private readonly LedgerRefundLine[] _lines;

    /// <summary>Reads a stored refund (the JSON contract).</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    internal LedgerRefund(string refundId, string saleId, Instant at, LedgerRefundBasis basis, IReadOnlyList<LedgerRefundLine>? lines, Money? amount)
        : this(refundId, saleId, at, basis, lines is null ? [] : [.. lines], amount)
    {
    }

    private LedgerRefund(string refundId, string saleId, Instant at, LedgerRefundBasis basis, LedgerRefundLine[] lines, Money? amount)
    {
        ArgumentNullException.ThrowIfNull(refundId);
        ArgumentNullException.ThrowIfNull(saleId);
        Limits.CheckId(refundId, nameof(refundId));
        Limits.CheckId(saleId, nameof(saleId));

        RefundId = refundId;
        SaleId = saleId;
        At = at;
        Basis = basis;
        _lines = lines;
        Amount = amount;
    }

    /// <summary>Gets the host's id of the refund (the idempotency key).</summary>
    public string RefundId { get; }

    /// <summary>Gets the id of the refunded sale.</summary>
    public string SaleId { get; }

    /// <summary>Gets when the refund happened (recorded on its entries).</summary>
    public Instant At { get; }

    /// <summary>Gets what the refund refunds.</summary>
    public LedgerRefundBasis Basis { get; }

    /// <summary>Gets the refunded lines when <see cref="Basis"/> is <see cref="LedgerRefundBasis.Lines"/>; otherwise empty.</summary>
    public IReadOnlyList<LedgerRefundLine> Lines => _lines;

    /// <summary>Gets the paid amount refunded when <see cref="Basis"/> is <see cref="LedgerRefundBasis.Amount"/>; otherwise <see langword="null"/>.</summary>
    public Money? Amount { get; }

    internal LedgerRefundLine[] LineArray => _lines;

    /// <summary>Creates a full refund: everything of the sale not refunded yet.</summary>
    /// <param name="refundId">The host's id of the refund; not empty.</param>
    /// <param name="saleId">The refunded sale.</param>
    /// <param name="at">When the refund happened.</param>
    /// <returns>The refund.</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public static LedgerRefund Full(string refundId, string saleId, Instant at) =>
        new(refundId, saleId, at, LedgerRefundBasis.Full, [], null);

    /// <summary>Creates a partial refund of quantities of some lines.</summary>
    /// <param name="refundId">The host's id of the refund; not empty.</param>
    /// <param name="saleId">The refunded sale.</param>
    /// <param name="at">When the refund happened.</param>
    /// <param name="lines">The refunded lines: at least one, each line at most once, quantities at least 1.</param>
    /// <returns>The refund.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An id is empty, there is no line, or a line index appears twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A quantity is below 1 or a line index is negative.</exception>
    public static LedgerRefund ForLines(string refundId, string saleId, Instant at, IReadOnlyList<LedgerRefundLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new ArgumentException($"Refund '{refundId}' by lines should name at least one line.", nameof(lines));
        }

        var copy = new LedgerRefundLine[lines.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            var line = lines[i];
            if (line.LineIndex < 0)
            {
                throw new ArgumentOutOfRangeException($"lines[{i}].LineIndex", line.LineIndex, $"Line index {i} of refund '{refundId}' should not be negative; was {line.LineIndex}.");
            }

            if (line.Quantity < 1)
            {
                throw new ArgumentOutOfRangeException($"lines[{i}].Quantity", line.Quantity, $"Quantity of refunded line {line.LineIndex} of refund '{refundId}' should be at least 1; was {line.Quantity}.");
            }

            for (var j = 0; j < i; j++)
            {
                if (copy[j].LineIndex == line.LineIndex)
                {
                    throw new ArgumentException($"Refund '{refundId}' names line {line.LineIndex} twice; give each line once with its total quantity.", nameof(lines));
                }
            }

            copy[i] = line;
        }

        return new LedgerRefund(refundId, saleId, at, LedgerRefundBasis.Lines, copy, null);
    }

    /// <summary>Creates a partial refund of an amount of what the buyer paid for the sale.</summary>
    /// <param name="refundId">The host's id of the refund; not empty.</param>
    /// <param name="saleId">The refunded sale.</param>
    /// <param name="at">When the refund happened.</param>
    /// <param name="amount">The paid amount refunded: positive, whole minor units, in the sale's currency (checked when posted).</param>
    /// <returns>The refund.</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is empty or <paramref name="amount"/> is not whole minor units.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative.</exception>
    public static LedgerRefund ForAmount(string refundId, string saleId, Instant at, Money amount)
    {
        LedgerAmounts.CheckPositive(amount, nameof(amount));
        return new LedgerRefund(refundId, saleId, at, LedgerRefundBasis.Amount, [], amount);
    }

    /// <summary>Whether a retry carries the same business content: ids, basis, lines and amount, whatever its instant.</summary>
    internal bool SameContent(LedgerRefund other) => Equals(other) || Equals(new LedgerRefund(other.RefundId, other.SaleId, At, other.Basis, other._lines, other.Amount));

    /// <inheritdoc />
    public bool Equals(LedgerRefund? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!string.Equals(RefundId, other.RefundId, StringComparison.Ordinal)
            || !string.Equals(SaleId, other.SaleId, StringComparison.Ordinal)
            || At != other.At
            || Basis != other.Basis
            || Amount != other.Amount
            || _lines.Length != other._lines.Length)
        {
            return false;
        }

        for (var i = 0; i < _lines.Length; i++)
        {
            if (_lines[i] != other._lines[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LedgerRefund);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(RefundId), At, Basis, _lines.Length);
}
