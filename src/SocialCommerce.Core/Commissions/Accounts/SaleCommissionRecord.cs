using System;
using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.Commissions;

/// <summary>
/// One sale's commission record: the aggregate a database keeps per sale. It holds what the sale booked (its
/// <see cref="LedgerSale"/>), where it is in the lifecycle, and what its refunds reversed; its commands decide and
/// return the postings for the members' <see cref="CommissionAccount"/>s, which are separate aggregates. The in-memory
/// <see cref="CommissionLedger"/> is built on the same records and accounts, so it and a database decide alike.
/// </summary>
/// <remarks>
/// Posting ids name the sale, the step and the earning (<c>S-1/post/0</c>, <c>S-1/complete/0</c>, <c>S-1/release/0</c>,
/// <c>S-1/refund:R-1/0</c>), so a refund after release that claws back from several uplines can be applied to their
/// accounts one by one, and again after a crash, without any account changing twice. Refund ids are scoped to the sale.
/// Not thread-safe: one writer per record (its <see cref="Version"/> as the concurrency token).
/// </remarks>
public sealed class SaleCommissionRecord
{
    // Created by the first refund (most sales are never refunded): units refunded per line, minor units reversed per earning.
    private long[]? _refundedUnits;
    private readonly long[] _booked;
    private long[]? _reversed;
    private readonly long _paidTotal;
    private Dictionary<string, LedgerRefund>? _refunds;
    private List<SaleHold>? _holds;
    private long _refundedAmount;
    private LedgerSaleRefunds _basis;

    private SaleCommissionRecord(LedgerSale sale)
    {
        Sale = sale;
        var lines = sale.LineArray;
        for (var i = 0; i < lines.Length; i++)
        {
            _paidTotal = checked(_paidTotal + lines[i].Paid.ToMinorUnits());
        }

        var earnings = sale.EarningArray;
        _booked = new long[earnings.Length];
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

    /// <summary>Gets why the sale is held — the reason of its first hold not lifted — or <see langword="null"/> when it is not.</summary>
    public string? HoldReason
    {
        get
        {
            foreach (var hold in Holds)
            {
                if (!hold.IsLifted)
                {
                    return hold.Reason;
                }
            }

            return null;
        }
    }

    /// <summary>Gets a value indicating whether the sale is held (a hold not lifted): the release job does not release it.</summary>
    public bool IsHeld => HoldReason is not null;

    /// <summary>Gets every hold placed on the sale, in order, lifted or not: their ids answer resends.</summary>
    public IReadOnlyList<SaleHold> Holds => _holds is null ? [] : _holds;

    /// <summary>
    /// Holds the sale's earnings before they are released (a fraud review, a flagged referral): <see cref="Release"/>
    /// leaves them frozen until every hold is lifted (<see cref="LiftHold"/>). The hold's id is its identity: the same
    /// hold sent again answers <see cref="LedgerOutcome.Duplicate"/>, even after it was lifted (it does not hold the
    /// sale again); the id with another reason is <see cref="LedgerRefusal.ConflictingDuplicate"/>.
    /// </summary>
    /// <param name="holdId">The hold's id (the host's review or case id), unique within the sale.</param>
    /// <param name="reason">Why, for the members and the audit.</param>
    /// <returns>Applied (no postings: nothing moves yet), a duplicate, or refused when the sale is already released.</returns>
    /// <exception cref="ArgumentException"><paramref name="holdId"/> or <paramref name="reason"/> is empty or too long.</exception>
    public SaleCommissionResult Hold(string holdId, string reason)
    {
        Limits.CheckId(holdId, nameof(holdId));
        Limits.CheckReason(reason, nameof(reason));
        if (FindHold(holdId) is { } known)
        {
            return string.Equals(known.Reason, reason, StringComparison.Ordinal)
                ? Unchanged(LedgerOutcome.Duplicate, $"Hold '{holdId}' of sale '{Sale.SaleId}' was already placed{(known.IsLifted ? " and lifted since" : string.Empty)}; nothing changed.")
                : Refused(LedgerRefusal.ConflictingDuplicate, $"Hold id '{holdId}' of sale '{Sale.SaleId}' was already used for the reason '{known.Reason}'; the first hold stands.");
        }

        if (Status == LedgerSaleStatus.Released)
        {
            return Refused(LedgerRefusal.SaleAlreadyReleased, $"Sale '{Sale.SaleId}' was released; its earnings are available and cannot be held (refund it to take them back).");
        }

        (_holds ??= []).Add(new SaleHold(holdId, reason, false));
        Version++;
        return new SaleCommissionResult(LedgerOutcome.Applied, LedgerRefusal.None, null, [], Version);
    }

    /// <summary>Lifts a hold: once no hold is left, the sale releases at its deadline (or the next release after it).</summary>
    /// <param name="holdId">The hold to lift.</param>
    /// <returns>Applied (no postings); a duplicate when it was lifted already (or ended by a decline); refused with <see cref="LedgerRefusal.UnknownHold"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="holdId"/> is empty or too long.</exception>
    public SaleCommissionResult LiftHold(string holdId)
    {
        Limits.CheckId(holdId, nameof(holdId));
        var index = _holds is null ? -1 : _holds.FindIndex(h => string.Equals(h.HoldId, holdId, StringComparison.Ordinal));
        if (index < 0)
        {
            return Refused(LedgerRefusal.UnknownHold, $"Sale '{Sale.SaleId}' has no hold '{holdId}'.");
        }

        if (_holds![index].IsLifted)
        {
            return Unchanged(LedgerOutcome.Duplicate, $"Hold '{holdId}' of sale '{Sale.SaleId}' was already lifted; nothing changed.");
        }

        _holds[index] = _holds[index] with { IsLifted = true };
        Version++;
        return new SaleCommissionResult(LedgerOutcome.Applied, LedgerRefusal.None, null, [], Version);
    }

    private SaleHold? FindHold(string holdId)
    {
        foreach (var hold in Holds)
        {
            if (string.Equals(hold.HoldId, holdId, StringComparison.Ordinal))
            {
                return hold;
            }
        }

        return null;
    }

    /// <summary>Declines a held sale's earnings after review: they are reversed like a full refund (refund id <c>decline</c>) and the hold ends.</summary>
    /// <param name="at">When.</param>
    /// <returns>Applied with the cancellations, a duplicate when already declined, or refused when the sale is not held.</returns>
    public SaleCommissionResult Decline(Instant at)
    {
        var postings = new PostingList(Sale, "refund:" + DeclineRefundId);
        return Decline(at, ref postings).WithPostings(postings.Postings);
    }

    internal SaleCommissionResult Decline<TSink>(Instant at, ref TSink sink)
        where TSink : struct, IPostingSink
    {
        if (_refunds?.ContainsKey(DeclineRefundId) == true)
        {
            return Unchanged(LedgerOutcome.Duplicate, $"Sale '{Sale.SaleId}' was already declined; nothing changed.");
        }

        if (!IsHeld)
        {
            return Refused(LedgerRefusal.SaleNotHeld, $"Sale '{Sale.SaleId}' is not held; hold it before declining it, or refund it.");
        }

        var result = Refund(LedgerRefund.Full(DeclineRefundId, Sale.SaleId, at), ref sink);
        if (result.Outcome == LedgerOutcome.Applied)
        {
            // The review is over: every hold ends (their ids still answer resends).
            for (var i = 0; i < _holds!.Count; i++)
            {
                _holds[i] = _holds[i] with { IsLifted = true };
            }
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
        var record = Open(sale);
        var postings = new PostingList(sale, "post");
        result = record.Book(ref postings).WithPostings(postings.Postings);
        return record;
    }

    /// <summary>Creates the record of a sale about to be posted, at version 1, before its earnings are booked; throws before anything else when an amount is beyond 64-bit minor units.</summary>
    internal static SaleCommissionRecord Open(LedgerSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return new SaleCommissionRecord(sale) { Version = 1 };
    }

    /// <summary>Books each earning of a record just opened as pending.</summary>
    internal SaleCommissionResult Book<TSink>(ref TSink sink)
        where TSink : struct, IPostingSink
    {
        for (var e = 0; e < _booked.Length; e++)
        {
            if (_booked[e] > 0)
            {
                sink.Add(e, AccountPostingKind.Earned, LedgerState.Pending, _booked[e]);
            }
        }

        return new SaleCommissionResult(LedgerOutcome.Applied, LedgerRefusal.None, null, [], 1);
    }

    /// <summary>Gets the sum of the earnings booked, in minor units (checked: it throws beyond 2^63 − 1).</summary>
    internal long BookedTotal
    {
        get
        {
            long total = 0;
            foreach (var booked in _booked)
            {
                total = checked(total + booked);
            }

            return total;
        }
    }

    /// <summary>Returns a refund this record applied, or <see langword="null"/>.</summary>
    internal LedgerRefund? FindRefund(string refundId) => _refunds is not null && _refunds.TryGetValue(refundId, out var refund) ? refund : null;

    /// <summary>The id of a hold stored before holds had ids (a snapshot with only a hold reason).</summary>
    internal const string LegacyHoldId = "hold";

    /// <summary>The refund id a decline is recorded under.</summary>
    internal const string DeclineRefundId = "decline";

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
        var postings = new PostingList(Sale, "complete");
        return Complete(completedAt, ref postings).WithPostings(postings.Postings);
    }

    internal SaleCommissionResult Complete<TSink>(Instant completedAt, ref TSink sink)
        where TSink : struct, IPostingSink
    {
        if (Status != LedgerSaleStatus.Pending)
        {
            // Idempotent by the sale id: a retried completion (the host may stamp it later) is a duplicate, and the
            // first completion's instant stands.
            return Unchanged(LedgerOutcome.Duplicate, CompletedAt == completedAt
                ? $"Sale '{Sale.SaleId}' was already completed at {completedAt}; nothing changed."
                : $"Sale '{Sale.SaleId}' was already completed at {CompletedAt}; the completion at {completedAt} is a retry and changes nothing.");
        }

        if (completedAt < Sale.PaidAt)
        {
            throw new ArgumentOutOfRangeException(nameof(completedAt), completedAt, $"Completion of sale '{Sale.SaleId}' at {completedAt} is before it was paid at {Sale.PaidAt}.");
        }

        Limits.Check(completedAt, nameof(completedAt));
        Status = LedgerSaleStatus.Frozen;
        CompletedAt = completedAt;
        return Changed(ref sink, AccountPostingKind.Completed, LedgerState.Frozen);
    }

    /// <summary>Releases the earnings when the return window has closed at <paramref name="at"/>.</summary>
    /// <param name="at">The instant of evaluation.</param>
    /// <returns>Applied with the postings when due; a duplicate (nothing changed) when not due or already released.</returns>
    public SaleCommissionResult Release(Instant at)
    {
        var postings = new PostingList(Sale, "release");
        return Release(at, ref postings).WithPostings(postings.Postings);
    }

    internal SaleCommissionResult Release<TSink>(Instant at, ref TSink sink)
        where TSink : struct, IPostingSink
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
        return Changed(ref sink, AccountPostingKind.Released, LedgerState.Available);
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
        var postings = new PostingList(Sale, "refund:" + refund.RefundId);
        return Refund(refund, ref postings).WithPostings(postings.Postings);
    }

    internal SaleCommissionResult Refund<TSink>(LedgerRefund refund, ref TSink sink)
        where TSink : struct, IPostingSink
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (!string.Equals(refund.SaleId, Sale.SaleId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Refund '{refund.RefundId}' is of sale '{refund.SaleId}', not '{Sale.SaleId}'.", nameof(refund));
        }

        if (_refunds is not null && _refunds.TryGetValue(refund.RefundId, out var known))
        {
            return known.SameContent(refund)
                ? Unchanged(LedgerOutcome.Duplicate, $"Refund '{refund.RefundId}' was already posted; nothing changed.")
                : Refused(LedgerRefusal.ConflictingDuplicate, $"Refund id '{refund.RefundId}' was already posted with other content; the first posting stands.");
        }

        var refusal = RefundDecision.Check(_basis, refund, Sale.SaleId, Sale.Currency, Sale.LineArray.Length, i => Sale.LineArray[i].Quantity, i => _refundedUnits?[i] ?? 0, _paidTotal, _refundedAmount, out var message);
        if (refusal != LedgerRefusal.None)
        {
            return Refused(refusal, message!);
        }

        _refundedUnits ??= new long[Sale.LineArray.Length];
        _reversed ??= new long[_booked.Length];
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
                for (var i = 0; i < Sale.LineArray.Length; i++)
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

        (_refunds ??= new Dictionary<string, LedgerRefund>(StringComparer.Ordinal)).Add(refund.RefundId, refund);
        var kind = Status == LedgerSaleStatus.Released ? AccountPostingKind.Clawback : AccountPostingKind.Cancelled;
        var from = Status == LedgerSaleStatus.Pending ? LedgerState.Pending : Status == LedgerSaleStatus.Frozen ? LedgerState.Frozen : LedgerState.Available;
        for (var e = 0; e < _booked.Length; e++)
        {
            var target = Target(e);
            var delta = target - _reversed[e];
            if (delta > 0)
            {
                _reversed[e] = target;
                sink.Add(e, kind, from, delta);
            }
        }

        Version++;
        return new SaleCommissionResult(LedgerOutcome.Applied, LedgerRefusal.None, null, [], Version);
    }

    /// <summary>Exports the record's state (O(lines + earnings + refunds)).</summary>
    /// <returns>The snapshot.</returns>
    public SaleCommissionSnapshot ToSnapshot()
    {
        var refunds = new LedgerRefund[_refunds?.Count ?? 0];
        _refunds?.Values.CopyTo(refunds, 0);
        return new SaleCommissionSnapshot(Serialization.SocialCommerceJson.SchemaVersion, State with { HoldReason = null, Holds = null }, refunds, Version) { Holds = _holds?.ToArray() };
    }

    /// <summary>Gets the record's state as the ledger's snapshot lists it (with the hold reason).</summary>
    internal LedgerSaleState State =>
        new(Sale, Status, CompletedAt, _refundedAmount, _basis, _refundedUnits is null ? new long[Sale.LineArray.Length] : (long[])_refundedUnits.Clone(), _reversed is null ? new long[_booked.Length] : (long[])_reversed.Clone()) { Holds = _holds?.ToArray() };

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
        var record = Restore(state with { HoldReason = snapshot.HoldReason, Holds = snapshot.Holds }, refunds);
        record.Version = snapshot.Version;
        return record;
    }

    /// <summary>Restores a record from its checked state and refunds, re-deciding nothing (version 1).</summary>
    internal static SaleCommissionRecord Restore(LedgerSaleState state, IReadOnlyList<LedgerRefund> refunds)
    {
        var record = new SaleCommissionRecord(state.Sale);
        if (state.RefundBasis != LedgerSaleRefunds.None)
        {
            record._refundedUnits = [.. state.RefundedQuantities];
            record._reversed = [.. state.ReversedMinorUnits];
        }

        record.Status = state.Status;
        record.CompletedAt = state.CompletedAt;
        record._refundedAmount = state.RefundedMinorUnits;
        record._basis = state.RefundBasis;
        record.Version = 1;
        record._holds = state.Holds is { Count: > 0 } holds ? [.. holds]
            : state.HoldReason is { } legacy ? [new SaleHold(LegacyHoldId, legacy, false)]
            : null;
        foreach (var refund in refunds)
        {
            (record._refunds ??= new Dictionary<string, LedgerRefund>(StringComparer.Ordinal))[refund.RefundId] = refund;
        }

        return record;
    }

    private long Target(int e)
    {
        var line = Sale.EarningArray[e].LineIndex;
        return RefundDecision.Target(_basis, _booked[e], _refundedUnits![line], Sale.LineArray[line].Quantity, _refundedAmount, _paidTotal);
    }

    private SaleCommissionResult Changed<TSink>(ref TSink sink, AccountPostingKind kind, LedgerState state)
        where TSink : struct, IPostingSink
    {
        for (var e = 0; e < _booked.Length; e++)
        {
            var amount = _booked[e] - (_reversed?[e] ?? 0);
            if (amount > 0)
            {
                sink.Add(e, kind, state, amount);
            }
        }

        Version++;
        return new SaleCommissionResult(LedgerOutcome.Applied, LedgerRefusal.None, null, [], Version);
    }

    private SaleCommissionResult Unchanged(LedgerOutcome outcome, string message) => new(outcome, LedgerRefusal.None, message, [], Version);

    private SaleCommissionResult Refused(LedgerRefusal refusal, string message) => new(LedgerOutcome.Refused, refusal, message, [], Version);
}
