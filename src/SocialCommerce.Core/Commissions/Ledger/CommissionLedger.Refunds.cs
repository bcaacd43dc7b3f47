using System;
using NodaTime;

namespace SocialCommerce.Commissions;

/// <content>Refunds (cancellations before release, clawbacks after), holds and declines.</content>
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
    /// <see cref="LedgerRefusal.ConflictingDuplicate"/> (refund id reused for the sale with other content),
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
        if (!_saleIndex.TryGetValue(refund.SaleId, out var s))
        {
            return LedgerResult.Refused(LedgerRefusal.UnknownSale, $"Refund '{refund.RefundId}' refused: sale '{refund.SaleId}' was not posted. Post the sale first.");
        }

        var firstEntry = _entryCount;
        var booking = new Booking(this, s, _refunds.Count);
        var result = RecordAt(s).Refund(refund, ref booking);
        if (result.IsApplied)
        {
            _refunds.Add(refund);
        }

        return ToResult(result, firstEntry);
    }

    /// <summary>
    /// Holds a sale's earnings (a fraud review, a flagged referral): <see cref="Release"/> leaves them frozen until every
    /// hold is lifted (<see cref="LiftHold"/>); a refund or a <see cref="Decline"/> still applies. The hold id is its
    /// identity: the same hold sent again is a duplicate, even after it was lifted.
    /// </summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="holdId">The hold's id (the host's review or case id), unique within the sale.</param>
    /// <param name="reason">Why, for the members and the audit.</param>
    /// <returns>
    /// Applied (no entries: nothing moves yet); a duplicate; refused with <see cref="LedgerRefusal.UnknownSale"/>,
    /// <see cref="LedgerRefusal.SaleAlreadyReleased"/> or <see cref="LedgerRefusal.ConflictingDuplicate"/> (the id with another reason).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="saleId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="holdId"/> or <paramref name="reason"/> is empty or too long.</exception>
    public LedgerResult Hold(string saleId, string holdId, string reason) =>
        Report(LedgerOperations.Hold, OnSale(saleId, "Hold", record => record.Hold(holdId, reason)));

    /// <summary>Lifts a hold: once no hold is left, the sale releases at its deadline, or at the next <see cref="Release"/> when that has passed.</summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="holdId">The hold to lift.</param>
    /// <returns>Applied (no entries); a duplicate when it was lifted already; refused with <see cref="LedgerRefusal.UnknownSale"/> or <see cref="LedgerRefusal.UnknownHold"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="saleId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="holdId"/> is empty or too long.</exception>
    public LedgerResult LiftHold(string saleId, string holdId) =>
        Report(LedgerOperations.LiftHold, OnSale(saleId, "Lifting the hold of", record => record.LiftHold(holdId)));

    /// <summary>
    /// Declines a held sale's earnings after review: they are reversed like a full refund (recorded as refund
    /// <c>decline</c> of the sale) and the hold ends.
    /// </summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="at">When.</param>
    /// <returns>
    /// Applied with the reversals' entries; a duplicate when already declined; refused with
    /// <see cref="LedgerRefusal.UnknownSale"/>, <see cref="LedgerRefusal.SaleNotHeld"/> or what a full refund is refused with.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="saleId"/> is null.</exception>
    public LedgerResult Decline(string saleId, Instant at)
    {
        ArgumentNullException.ThrowIfNull(saleId);
        if (!_saleIndex.TryGetValue(saleId, out var s))
        {
            return Report(LedgerOperations.Decline, UnknownSale("Declining", saleId));
        }

        var firstEntry = _entryCount;
        var booking = new Booking(this, s, _refunds.Count);
        var record = RecordAt(s);
        var result = record.Decline(at, ref booking);
        if (result.IsApplied)
        {
            _refunds.Add(record.FindRefund(SaleCommissionRecord.DeclineRefundId)!);
            QueueIfReleasable(s);
        }

        return Report(LedgerOperations.Decline, ToResult(result, firstEntry));
    }

    private LedgerResult OnSale(string saleId, string verb, Func<SaleCommissionRecord, SaleCommissionResult> command)
    {
        ArgumentNullException.ThrowIfNull(saleId);
        if (!_saleIndex.TryGetValue(saleId, out var s))
        {
            return UnknownSale(verb, saleId);
        }

        var result = command(RecordAt(s));
        QueueIfReleasable(s);
        return ToResult(result, _entryCount);
    }

    /// <summary>Queues a frozen sale that is not held and not queued (a hold that ended after the queue dropped the sale): it releases at its deadline.</summary>
    private void QueueIfReleasable(int s)
    {
        var record = RecordAt(s);
        if (!_sales[s].Queued && !record.IsHeld && record.Status == LedgerSaleStatus.Frozen)
        {
            EnqueueFrozen(s, record.ReleaseAt!.Value);
        }
    }

    private static LedgerResult UnknownSale(string verb, string saleId) =>
        LedgerResult.Refused(LedgerRefusal.UnknownSale, $"{verb} sale '{saleId}' refused: the sale was not posted. Post the sale first.");
}
