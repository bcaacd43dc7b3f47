using System;
using System.Globalization;

namespace SocialCommerce.Commissions;

/// <content>Refunds: cancellations before release, clawbacks after.</content>
public sealed partial class CommissionLedger
{
    /// <summary>
    /// Posts a refund: reverses the refunded share of each earning of the sale, at the booked amounts. Before release
    /// the reversal cancels pending or frozen money; after release it books a clawback, and the
    /// <see cref="LedgerOptions.Clawback"/> policy handles a shortfall of the available balance.
    /// </summary>
    /// <param name="refund">The refund.</param>
    /// <returns>
    /// Applied (one entry per earning whose reversal is above zero, plus shortfall entries);
    /// <see cref="LedgerOutcome.Duplicate"/> when the same refund was already posted; or refused:
    /// <see cref="LedgerRefusal.ConflictingDuplicate"/> (refund id reused with other content),
    /// <see cref="LedgerRefusal.UnknownSale"/>, <see cref="LedgerRefusal.NothingLeftToRefund"/>,
    /// <see cref="LedgerRefusal.RefundExceedsRemaining"/> or <see cref="LedgerRefusal.MixedRefundBasis"/>.
    /// </returns>
    /// <remarks>
    /// After refunds totalling a share <c>f</c> of a line (by quantity) or of the sale (by paid amount), every earning of it
    /// stands reversed by exactly <c>floor(booked × f)</c> minor units; each refund reverses the difference from what was
    /// already reversed. The reversals of several refunds therefore never sum above what was booked, splitting a refund
    /// into parts ends exactly where one refund of the total ends, and a refund of everything reverses exactly what was booked.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="refund"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A refunded line index is not a line of the sale.</exception>
    /// <exception cref="CurrencyMismatchException">A refunded amount is not in the sale's currency.</exception>
    public LedgerResult Refund(LedgerRefund refund) => Report(LedgerOperations.Refund, RefundCore(refund));

    private LedgerResult RefundCore(LedgerRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (_refundIndex.TryGetValue(refund.RefundId, out var known))
        {
            return _refunds[known].SameContent(refund)
                ? LedgerResult.Duplicate($"Refund '{refund.RefundId}' was already posted; nothing changed.")
                : LedgerResult.Refused(LedgerRefusal.ConflictingDuplicate, $"Refund id '{refund.RefundId}' was already posted with other content; the first posting stands.");
        }

        if (!_saleIndex.TryGetValue(refund.SaleId, out var s))
        {
            return LedgerResult.Refused(LedgerRefusal.UnknownSale, $"Refund '{refund.RefundId}' refused: sale '{refund.SaleId}' was not posted. Post the sale first.");
        }

        ref var sale = ref _sales[s];
        var refusal = CheckRefund(ref sale, refund, out var message);
        if (refusal != LedgerRefusal.None)
        {
            return LedgerResult.Refused(refusal, message!);
        }

        // Accepted: record the cumulative refunded quantities or amount, then reverse each earning up to its new target.
        switch (refund.Basis)
        {
            case LedgerRefundBasis.Full:
                sale.Refunds = RefundState.Full;
                break;
            case LedgerRefundBasis.Lines:
                var all = true;
                foreach (var line in refund.LineArray)
                {
                    _lines[sale.FirstLine + line.LineIndex].Refunded += line.Quantity;
                }

                for (var i = 0; i < sale.LineCount; i++)
                {
                    ref readonly var line = ref _lines[sale.FirstLine + i];
                    all &= line.Refunded == line.Quantity;
                }

                sale.Refunds = all ? RefundState.Full : RefundState.Lines;
                break;
            default:
                sale.RefundedAmount += refund.Amount!.Value.ToMinorUnits();
                sale.Refunds = sale.RefundedAmount == sale.PaidTotal ? RefundState.Full : RefundState.Amount;
                break;
        }

        var r = _refunds.Count;
        _refunds.Add(refund);
        _refundIndex.Add(refund.RefundId, r);

        var firstEntry = _entryCount;
        var end = sale.FirstEarning + sale.EarningCount;
        for (var e = sale.FirstEarning; e < end; e++)
        {
            ref var earning = ref _earnings[e];
            var target = ReversalTarget(in sale, in earning);
            var delta = target - earning.Reversed;
            if (delta <= 0)
            {
                continue;
            }

            earning.Reversed = target;
            Reverse(sale.Status, earning.Account, delta, s, e, r);
        }

        return Applied(firstEntry);
    }

    private long ReversalTarget(in SaleSlot sale, in EarningSlot earning)
    {
        ref readonly var line = ref _lines[sale.FirstLine + earning.LineIndex];
        return RefundDecision.Target((LedgerSaleRefunds)sale.Refunds, earning.Booked, line.Refunded, line.Quantity, sale.RefundedAmount, sale.PaidTotal);
    }

    private void Reverse(SaleStatus status, int a, long delta, int s, int e, int r)
    {
        ref var acc = ref _accounts[a];
        acc.Reversed += delta;
        if (status == SaleStatus.Pending)
        {
            acc.Pending -= delta;
            Append(LedgerEntryKind.Cancelled, LedgerState.Pending, a, -delta, s, e, r);
            return;
        }

        if (status == SaleStatus.Frozen)
        {
            acc.Frozen -= delta;
            Append(LedgerEntryKind.Cancelled, LedgerState.Frozen, a, -delta, s, e, r);
            return;
        }

        // Released: a clawback takes what the available balance holds; the policy handles the shortfall.
        Append(LedgerEntryKind.Clawback, LedgerState.Available, a, -delta, s, e, r);
        var outcome = ClawbackOutcome.Of(_options.Clawback, delta, acc.Available, acc.Withdrawn, acc.Forgiven);
        acc.Available -= outcome.Taken;
        if (outcome.WrittenOff > 0)
        {
            acc.WrittenOff += outcome.WrittenOff;
            Append(LedgerEntryKind.WrittenOff, LedgerState.WrittenOff, a, outcome.WrittenOff, s, e, r);
        }

        if (outcome.Forgiven > 0)
        {
            acc.Forgiven += outcome.Forgiven;
            Append(LedgerEntryKind.Forgiven, LedgerState.Forgiven, a, outcome.Forgiven, s, e, r);
        }

        if (outcome.Debt > 0)
        {
            acc.Debt += outcome.Debt;
            Append(LedgerEntryKind.DebtIncurred, LedgerState.Debt, a, outcome.Debt, s, e, r);
        }
    }

    private LedgerRefusal CheckRefund(ref SaleSlot sale, LedgerRefund refund, out string? message)
    {
        var firstLine = sale.FirstLine;
        return RefundDecision.Check(
            (LedgerSaleRefunds)sale.Refunds,
            refund,
            sale.Id,
            _currencies[sale.Currency],
            sale.LineCount,
            i => _lines[firstLine + i].Quantity,
            i => _lines[firstLine + i].Refunded,
            sale.PaidTotal,
            sale.RefundedAmount,
            out message);
    }
}
