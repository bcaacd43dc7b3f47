using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;

namespace SocialCommerce.Testing;

/// <summary>One generated refund: the whole sale, some units of lines, or an amount in minor units.</summary>
/// <param name="RefundId">The refund's id (a retried refund reuses it).</param>
/// <param name="Lines">The units refunded per line, or null.</param>
/// <param name="AmountMinorUnits">The amount refunded, or null.</param>
/// <remarks>With neither <paramref name="Lines"/> nor <paramref name="AmountMinorUnits"/> it refunds the whole sale.</remarks>
public sealed record RefundSample(string RefundId, IReadOnlyList<LedgerRefundLine>? Lines = null, long? AmountMinorUnits = null)
{
    /// <summary>Gets whether the refund is of the whole sale.</summary>
    public bool IsFull => Lines is null && AmountMinorUnits is null;

    /// <summary>Builds the SDK's refund.</summary>
    /// <param name="saleId">The refunded sale.</param>
    /// <param name="at">When the refund happened.</param>
    /// <returns>The refund.</returns>
    public LedgerRefund Build(string saleId, Instant at) =>
        Lines is { } lines ? LedgerRefund.ForLines(RefundId, saleId, at, lines.ToArray())
        : AmountMinorUnits is { } amount ? LedgerRefund.ForAmount(RefundId, saleId, at, Money.FromMinorUnits(amount, LedgerHistory.Currency))
        : LedgerRefund.Full(RefundId, saleId, at);

    /// <summary>Formats as <c>R1:full</c>, <c>R1:lines[0x2,1x1]</c> or <c>R1:amount 500</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        RefundId + ":" + (Lines is { } lines ? "lines[" + string.Join(",", lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.LineIndex}x{l.Quantity}"))) + "]"
            : AmountMinorUnits is { } amount ? "amount " + amount.ToString(CultureInfo.InvariantCulture)
            : "full");
}
