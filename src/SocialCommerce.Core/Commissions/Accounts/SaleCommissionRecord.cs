using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.Commissions;

/// <summary>
/// One sale's commission record: the aggregate a database keeps per sale. It holds what the sale booked (its
/// <see cref="LedgerSale"/>), where it is in the lifecycle, and what its refunds reversed; its commands decide and
/// return the postings for the members' <see cref="CommissionAccount"/>s, which are separate aggregates. The rules are
/// the <see cref="CommissionLedger"/>'s: a record and its accounts, fed the same commands, reach the ledger's balances.
/// </summary>
/// <remarks>
/// Posting ids name the sale, the step and the earning (<c>S-1/post/0</c>, <c>S-1/complete/0</c>, <c>S-1/release/0</c>,
/// <c>S-1/refund:R-1/0</c>), so a refund after release that claws back from several uplines can be applied to their
/// accounts one by one, and again after a crash, without any account changing twice. Refund ids are scoped to the sale.
/// Not thread-safe: one writer per record (its <see cref="Version"/> as the concurrency token).
/// </remarks>
public sealed class SaleCommissionRecord
{
    private readonly long[] _paid;
    private readonly long[] _refundedUnits;
    private readonly long[] _booked;
    private readonly long[] _reversed;
    private readonly long _paidTotal;
    private readonly Dictionary<string, LedgerRefund> _refunds = new(StringComparer.Ordinal);
    private long _refundedAmount;
    private LedgerSaleRefunds _basis;

    private SaleCommissionRecord(LedgerSale sale)
    {
        Sale = sale;
        var lines = sale.LineArray;
        _paid = new long[lines.Length];
        _refundedUnits = new long[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            _paid[i] = lines[i].Paid.ToMinorUnits();
            _paidTotal = checked(_paidTotal + _paid[i]);
        }

        var earnings = sale.EarningArray;
        _booked = new long[earnings.Length];
        _reversed = new long[earnings.Length];
        for (var i = 0; i < earnings.Length; i++)
        {
            _booked[i] = earnings[i].Amount.ToMinorUnits();
        }
    }

    /// <summary>Gets the sale as booked.</summary>
    public LedgerSale Sale { get; }

    /// <summary>Gets where the sale is in the lifecycle.</summary>
    public LedgerSaleStatus Status { get; private set; }

    /// <summary>Gets when the sale was completed, or null while pending.</summary>
    public Instant? CompletedAt { get; private set; }

    /// <summary>Gets when the earnings are released (<c>completedAt + returnWindow</c>), or null while pending.</summary>
    public Instant? ReleaseAt => CompletedAt + Sale.ReturnWindow;

    /// <summary>Gets the record's version: 1 after posting, one more per applied command.</summary>
    public long Version { get; private set; }

    /// <summary>Gets why the sale is held (fraud review, a flagged referral), or <see langword="null"/> when it is not.</summary>
    public string? HoldReason { get; private set; }

    /// <summary>Gets a value indicating whether the sale is held: the release job does not release it.</summary>
    public bool IsHeld => HoldReason is not null;

    /// <summary>Holds the sale's earnings before they are released: <see cref="Release"/> leaves them frozen until <see cref="LiftHold"/>.</summary>
    /// <param name="reason">Why, for the members and the audit.</param>
    /// <returns>Applied (no postings: nothing moves yet), a duplicate when already held, or refused when already released.</returns>
    public SaleCommissionResult Hold(string reason)
    {
        Limits.CheckReason(reason, nameof(reason));
        if (Status == LedgerSaleStatus.Released)
        {
            return Refused(LedgerRefusal.SaleAlreadyReleased, $"Sale '{Sale.SaleId}' was released; its earnings are available and cannot be held (refund it to take them back).");
        }

        if (IsHeld)
        {
            return Unchanged(LedgerOutcome.Duplicate, $"Sale '{Sale.SaleId}' is already held ({HoldReason}); nothing changed.");
        }

        HoldReason = reason;
        Version++;
        return new SaleCommissionResult(LedgerOutcome.Applied, LedgerRefusal.None, null, [], Version);
    }

    /// <summary>Lifts a hold: the next release due releases the sale as usual.</summary>
    /// <returns>Applied (no postings), or a duplicate when the sale is not held.</returns>
    public SaleCommissionResult LiftHold()
    {
        if (!IsHeld)
        {
            return Unchanged(LedgerOutcome.Duplicate, $"Sale '{Sale.SaleId}' is not held; nothing changed.");
        }

        HoldReason = null;
        Version++;
        return new SaleCommissionResult(LedgerOutcome.Applied, LedgerRefusal.None, null, [], Version);
    }

    /// <summary>Declines a held sale's earnings after review: they are reversed like a full refund (refund id <c>decline</c>) and the hold ends.</summary>
    /// <param name="at">When.</param>
    /// <returns>Applied with the cancellations, a duplicate when already declined, or refused when the sale is not held.</returns>
    public SaleCommissionResult Decline(Instant at)
    {
        if (_refunds.ContainsKey(DeclineRefundId))
        {
            return Unchanged(LedgerOutcome.Duplicate, $"Sale '{Sale.SaleId}' was already declined; nothing changed.");
        }

        if (!IsHeld)
        {
            return Refused(LedgerRefusal.SaleNotHeld, $"Sale '{Sale.SaleId}' is not held; hold it before declining it, or refund it.");
        }

        var result = Refund(LedgerRefund.Full(DeclineRefundId, Sale.SaleId, at));
        if (result.Outcome == LedgerOutcome.Applied)
        {
            HoldReason = null;
        }

        return result;
    }

    /// <summary>Posts a sale: the record, and an <see cref="AccountPostingKind.Earned"/> posting per earning.</summary>
    /// <param name="sale">The sale with its quoted earnings.</param>
    /// <param name="result">The postings to apply to the beneficiaries' accounts.</param>
    /// <returns>The record, at version 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sale"/> is null.</exception>
    public static SaleCommissionRecord Post(LedgerSale sale, out SaleCommissionResult result)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var record = new SaleCommissionRecord(sale) { Version = 1 };
        var postings = new List<AccountPosting>(record._booked.Length);
        for (var e = 0; e < record._booked.Length; e++)
        {
            record.Emit(postings, "post", e, AccountPostingKind.Earned, LedgerState.Pending, record._booked[e]);
        }

        result = new SaleCommissionResult(LedgerOutcome.Applied, LedgerRefusal.None, null, postings, 1);
        return record;
    }

    /// <summary>
    /// Answers a sale sent again under this sale's id before it is quoted (a host's resend): a duplicate when its
    /// business content — buyer, currency, each line's quantity and paid amount — is the first posting's (whatever its
    /// instant, whatever plan is current), refused with <see cref="LedgerRefusal.ConflictingDuplicate"/> otherwise.
    /// </summary>
    /// <param name="sale">The sale sent again.</param>
    /// <returns>A duplicate, or the refusal; never any posting.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sale"/> is null.</exception>
    public SaleCommissionResult PostAgain(Sale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var same = string.Equals(sale.Id, Sale.SaleId, StringComparison.Ordinal)
            && sale.Buyer == Sale.Buyer
            && sale.Currency.Equals(Sale.Currency)
            && sale.Lines.Count == Sale.LineArray.Length;
        for (var i = 0; same && i < sale.Lines.Count; i++)
        {
            same = Sale.LineArray[i] == new LedgerSaleLine(sale.Lines[i].Quantity, sale.Lines[i].PaidAmount);
        }

        return same
            ? Unchanged(LedgerOutcome.Duplicate, $"Sale '{Sale.SaleId}' was already posted; nothing changed.")
            : Refused(LedgerRefusal.ConflictingDuplicate, $"Sale id '{Sale.SaleId}' was already posted with other content; the first posting stands.");
    }

    /// <summary>Answers a second posting under this sale's id: a duplicate when its business content is the same (whatever its instant and earnings), refused otherwise.</summary>
    /// <param name="sale">The sale posted again.</param>
    /// <returns>A duplicate, or refused with <see cref="LedgerRefusal.ConflictingDuplicate"/>; never any posting.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sale"/> is null.</exception>
    public SaleCommissionResult PostAgain(LedgerSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        // Business content only — id, buyer, currency, lines — as the in-memory ledger decides: a resend quoted again
        // after a plan reload (other earnings) is the same sale, answered with the first posting.
        var same = string.Equals(sale.SaleId, Sale.SaleId, StringComparison.Ordinal)
            && sale.Buyer == Sale.Buyer
            && sale.Currency.Equals(Sale.Currency)
            && sale.LineArray.AsSpan().SequenceEqual(Sale.LineArray);
        return same
            ? Unchanged(LedgerOutcome.Duplicate, $"Sale '{Sale.SaleId}' was already posted; nothing changed.")
            : Refused(LedgerRefusal.ConflictingDuplicate, $"Sale id '{Sale.SaleId}' was already posted with other content; the first posting stands.");
    }

    /// <summary>Completes the sale: what remains of each earning moves from pending to frozen.</summary>
    /// <param name="completedAt">When it was completed; not before it was paid.</param>
    /// <returns>Applied with the postings; a duplicate when already completed (the first instant stands).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="completedAt"/> is before the payment or outside the supported instants.</exception>
    public SaleCommissionResult Complete(Instant completedAt)
    {
        if (Status != LedgerSaleStatus.Pending)
        {
            return Unchanged(LedgerOutcome.Duplicate, $"Sale '{Sale.SaleId}' was already completed at {CompletedAt}; nothing changed.");
        }

        if (completedAt < Sale.PaidAt)
        {
            throw new ArgumentOutOfRangeException(nameof(completedAt), completedAt, $"Completion of sale '{Sale.SaleId}' at {completedAt} is before it was paid at {Sale.PaidAt}.");
        }

        Limits.Check(completedAt, nameof(completedAt));
        Status = LedgerSaleStatus.Frozen;
        CompletedAt = completedAt;
        return Changed("complete", AccountPostingKind.Completed, LedgerState.Frozen);
    }

    /// <summary>Releases the earnings when the return window has closed at <paramref name="at"/>.</summary>
    /// <param name="at">The instant of evaluation.</param>
    /// <returns>Applied with the postings when due; a duplicate (nothing changed) when not due or already released.</returns>
    public SaleCommissionResult Release(Instant at)
    {
        if (IsHeld)
        {
            return Unchanged(LedgerOutcome.Duplicate, $"Sale '{Sale.SaleId}' is held ({HoldReason}); it is not released until the hold is lifted.");
        }

        if (Status != LedgerSaleStatus.Frozen || ReleaseAt > at)
        {
            return Unchanged(LedgerOutcome.Duplicate, $"Sale '{Sale.SaleId}' is {Status}{(Status == LedgerSaleStatus.Frozen ? ", due at " + ReleaseAt : string.Empty)}; nothing to release at {at}.");
        }

        Status = LedgerSaleStatus.Released;
        return Changed("release", AccountPostingKind.Released, LedgerState.Available);
    }

    /// <summary>Refunds the sale (in full, by lines or by amount): each earning is reversed to its share, cancelled before release or clawed back after.</summary>
    /// <param name="refund">The refund, of this sale.</param>
    /// <returns>Applied with the postings; a duplicate for the same refund again; refused as the ledger refuses.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="refund"/> is null.</exception>
    /// <exception cref="ArgumentException">The refund is of another sale.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A refunded line is not a line of the sale.</exception>
    /// <exception cref="CurrencyMismatchException">A refunded amount is not in the sale's currency.</exception>
    public SaleCommissionResult Refund(LedgerRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (!string.Equals(refund.SaleId, Sale.SaleId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Refund '{refund.RefundId}' is of sale '{refund.SaleId}', not '{Sale.SaleId}'.", nameof(refund));
        }

        if (_refunds.TryGetValue(refund.RefundId, out var known))
        {
            return known.SameContent(refund)
                ? Unchanged(LedgerOutcome.Duplicate, $"Refund '{refund.RefundId}' was already posted; nothing changed.")
                : Refused(LedgerRefusal.ConflictingDuplicate, $"Refund id '{refund.RefundId}' was already posted with other content; the first posting stands.");
        }

        var refusal = RefundDecision.Check(_basis, refund, Sale.SaleId, Sale.Currency, _paid.Length, i => Sale.LineArray[i].Quantity, i => _refundedUnits[i], _paidTotal, _refundedAmount, out var message);
        if (refusal != LedgerRefusal.None)
        {
            return Refused(refusal, message!);
        }

        switch (refund.Basis)
        {
            case LedgerRefundBasis.Full:
                _basis = LedgerSaleRefunds.Full;
                break;
            case LedgerRefundBasis.Lines:
                foreach (var line in refund.LineArray)
                {
                    _refundedUnits[line.LineIndex] += line.Quantity;
                }

                var all = true;
                for (var i = 0; i < _paid.Length; i++)
                {
                    all &= _refundedUnits[i] == Sale.LineArray[i].Quantity;
                }

                _basis = all ? LedgerSaleRefunds.Full : LedgerSaleRefunds.Lines;
                break;
            default:
                _refundedAmount += refund.Amount!.Value.ToMinorUnits();
                _basis = _refundedAmount == _paidTotal ? LedgerSaleRefunds.Full : LedgerSaleRefunds.Amount;
                break;
        }

        _refunds.Add(refund.RefundId, refund);
        var postings = new List<AccountPosting>();
        var kind = Status == LedgerSaleStatus.Released ? AccountPostingKind.Clawback : AccountPostingKind.Cancelled;
        var from = Status == LedgerSaleStatus.Pending ? LedgerState.Pending : Status == LedgerSaleStatus.Frozen ? LedgerState.Frozen : LedgerState.Available;
        for (var e = 0; e < _booked.Length; e++)
        {
            var target = Target(e);
            var delta = target - _reversed[e];
            if (delta > 0)
            {
                _reversed[e] = target;
                Emit(postings, "refund:" + refund.RefundId, e, kind, from, delta);
            }
        }

        Version++;
        return new SaleCommissionResult(LedgerOutcome.Applied, LedgerRefusal.None, null, postings, Version);
    }

    /// <summary>Exports the record's state (O(lines + earnings + refunds)).</summary>
    /// <returns>The snapshot.</returns>
    public SaleCommissionSnapshot ToSnapshot()
    {
        var refunds = new LedgerRefund[_refunds.Count];
        _refunds.Values.CopyTo(refunds, 0);
        var state = new LedgerSaleState(Sale, Status, CompletedAt, _refundedAmount, _basis, (long[])_refundedUnits.Clone(), (long[])_reversed.Clone());
        return new SaleCommissionSnapshot(Serialization.SocialCommerceJson.SchemaVersion, state, refunds, Version) { HoldReason = HoldReason };
    }

    /// <summary>Restores a record from its snapshot, re-deciding nothing.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="NotSupportedException">The snapshot is of another schema version; the message names both.</exception>
    /// <exception cref="CorruptStateException">
    /// The snapshot is not a state the record could have reached: refunded units or amounts its basis does not allow, a
    /// reversal other than what the refunds imply, a completion before payment, a refund of another sale or listed twice.
    /// </exception>
    public static SaleCommissionRecord FromSnapshot(SaleCommissionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Serialization.SocialCommerceJson.CheckSchema("sale commission snapshot", snapshot.SchemaVersion);
        var check = new Serialization.StateCheck("sale commission snapshot");
        var state = LedgerSnapshotCheck.CheckSale(check, snapshot.State, "$.state");
        check.Version(snapshot.Version, "$.version");
        var refundIds = new HashSet<string>(StringComparer.Ordinal);
        var refunds = Serialization.SocialCommerceJson.OrEmpty(snapshot.Refunds);
        for (var i = 0; i < refunds.Count; i++)
        {
            var refund = check.Present(refunds[i], $"$.refunds[{i}]");
            check.That(refundIds.Add(refund.RefundId), $"$.refunds[{i}].refundId", refund.RefundId, "a refund is recorded once.");
            check.That(string.Equals(refund.SaleId, state.Sale.SaleId, StringComparison.Ordinal), $"$.refunds[{i}].saleId", refund.SaleId, $"the record is sale '{state.Sale.SaleId}'s.");
        }

        check.That(refunds.Count == 0 || state.RefundBasis != LedgerSaleRefunds.None, "$.state.refundBasis", state.RefundBasis, "a refunded sale has a refund basis.");
        var record = new SaleCommissionRecord(state.Sale);
        for (var i = 0; i < record._refundedUnits.Length; i++)
        {
            record._refundedUnits[i] = state.RefundedQuantities[i];
        }

        for (var i = 0; i < record._reversed.Length; i++)
        {
            record._reversed[i] = state.ReversedMinorUnits[i];
        }

        record.Status = state.Status;
        record.CompletedAt = state.CompletedAt;
        record._refundedAmount = state.RefundedMinorUnits;
        record._basis = state.RefundBasis;
        record.Version = snapshot.Version;
        record.HoldReason = snapshot.HoldReason;
        foreach (var refund in Serialization.SocialCommerceJson.OrEmpty(snapshot.Refunds))
        {
            record._refunds[refund.RefundId] = refund;
        }

        return record;
    }

    private const string DeclineRefundId = "decline";

    private long Target(int e)
    {
        var line = Sale.EarningArray[e].LineIndex;
        return RefundDecision.Target(_basis, _booked[e], _refundedUnits[line], Sale.LineArray[line].Quantity, _refundedAmount, _paidTotal);
    }

    private SaleCommissionResult Changed(string step, AccountPostingKind kind, LedgerState state)
    {
        var postings = new List<AccountPosting>(_booked.Length);
        for (var e = 0; e < _booked.Length; e++)
        {
            Emit(postings, step, e, kind, state, _booked[e] - _reversed[e]);
        }

        Version++;
        return new SaleCommissionResult(LedgerOutcome.Applied, LedgerRefusal.None, null, postings, Version);
    }

    private void Emit(List<AccountPosting> postings, string step, int earning, AccountPostingKind kind, LedgerState state, long amount)
    {
        if (amount > 0)
        {
            var beneficiary = Sale.EarningArray[earning].Beneficiary;
            postings.Add(new AccountPosting(string.Create(CultureInfo.InvariantCulture, $"{Sale.SaleId}/{step}/{earning}"), Sale.SaleId, beneficiary, Sale.Currency, kind, state, amount));
        }
    }

    private SaleCommissionResult Unchanged(LedgerOutcome outcome, string message) => new(outcome, LedgerRefusal.None, message, [], Version);

    private SaleCommissionResult Refused(LedgerRefusal refusal, string message) => new(LedgerOutcome.Refused, refusal, message, [], Version);
}
