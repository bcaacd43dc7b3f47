using System;
using System.Globalization;

namespace SocialCommerce.Commissions;

/// <summary>
/// The rules of a refund, for the single ledger and the split sale records alike: whether a refund is accepted given
/// what was refunded before, and how much of each earning it reverses in total.
/// </summary>
internal static class RefundDecision
{
    /// <summary>The cumulative reversal of an earning: its booked amount times the refunded share, rounded toward zero.</summary>
    public static long Target(LedgerSaleRefunds basis, long booked, long lineRefunded, long lineQuantity, long refundedAmount, long paidTotal) => basis switch
    {
        LedgerSaleRefunds.Full => booked,
        LedgerSaleRefunds.Lines => (long)((Int128)booked * lineRefunded / lineQuantity),
        LedgerSaleRefunds.Amount => (long)((Int128)booked * refundedAmount / paidTotal),
        _ => 0,
    };

    /// <summary>Returns why a refund is refused (with the message), or <see cref="LedgerRefusal.None"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A refunded line is not a line of the sale.</exception>
    /// <exception cref="CurrencyMismatchException">A refunded amount is not in the sale's currency.</exception>
    public static LedgerRefusal Check(
        LedgerSaleRefunds basis,
        LedgerRefund refund,
        string saleId,
        Currency currency,
        int lineCount,
        Func<int, long> quantityOf,
        Func<int, long> refundedOf,
        long paidTotal,
        long refundedAmount,
        out string? message)
    {
        message = null;
        if (basis == LedgerSaleRefunds.Full)
        {
            message = $"Refund '{refund.RefundId}' refused: sale '{saleId}' is already refunded in full.";
            return LedgerRefusal.NothingLeftToRefund;
        }

        switch (refund.Basis)
        {
            case LedgerRefundBasis.Full:
                return LedgerRefusal.None;

            case LedgerRefundBasis.Lines:
                foreach (var line in refund.LineArray)
                {
                    if (line.LineIndex >= lineCount)
                    {
                        throw new ArgumentOutOfRangeException(
                            nameof(refund), line.LineIndex, $"Refund '{refund.RefundId}' names line {line.LineIndex}, but sale '{saleId}' has lines 0 to {lineCount - 1}.");
                    }
                }

                if (basis == LedgerSaleRefunds.Amount)
                {
                    message = $"Refund '{refund.RefundId}' by lines refused: sale '{saleId}' was partially refunded by amount; refund by amount, or in full.";
                    return LedgerRefusal.MixedRefundBasis;
                }

                foreach (var line in refund.LineArray)
                {
                    var quantity = quantityOf(line.LineIndex);
                    var remaining = quantity - refundedOf(line.LineIndex);
                    if (line.Quantity > remaining)
                    {
                        message = string.Create(CultureInfo.InvariantCulture, $"Refund '{refund.RefundId}' refused: line {line.LineIndex} of sale '{saleId}' has {remaining} of {quantity} units left to refund; {line.Quantity} asked.");
                        return LedgerRefusal.RefundExceedsRemaining;
                    }
                }

                return LedgerRefusal.None;

            default:
                var amount = refund.Amount!.Value;
                if (!amount.Currency.Equals(currency))
                {
                    throw new CurrencyMismatchException(currency, amount.Currency);
                }

                if (basis == LedgerSaleRefunds.Lines)
                {
                    message = $"Refund '{refund.RefundId}' by amount refused: sale '{saleId}' was partially refunded by lines; refund by lines, or in full.";
                    return LedgerRefusal.MixedRefundBasis;
                }

                var left = paidTotal - refundedAmount;
                if (amount.ToMinorUnits() > left)
                {
                    message = $"Refund '{refund.RefundId}' refused: sale '{saleId}' has {LedgerAmounts.FromMinor(left, currency)} of {LedgerAmounts.FromMinor(paidTotal, currency)} paid left to refund; {LedgerAmounts.Show(amount)} asked.";
                    return LedgerRefusal.RefundExceedsRemaining;
                }

                return LedgerRefusal.None;
        }
    }
}
