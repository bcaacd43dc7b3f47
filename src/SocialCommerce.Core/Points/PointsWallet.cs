using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.Points;

/// <summary>
/// A member's spendable points, as lots. Spending reserves the soonest-expiring available lots first, then commits on
/// payment or releases on cancellation; a refund returns spent points to the lots they came from; the refund of a
/// purchase that earned points takes them back (from what is left of its lot, then by <see cref="PointsClawback"/>);
/// debt is repaid first from the next earnings. Every command has an identity and answers a resend with
/// <see cref="PointsOutcome.Duplicate"/> before any check; every change is an entry; and after every command
/// <c>Earned = Available + Frozen + Reserved + Spent + Expired + TakenBack</c> exactly.
/// </summary>
/// <remarks>
/// Not thread-safe: one writer per wallet (a store serialises a member's commands). Time only moves forward inside the
/// wallet: each command first settles the lots up to its instant — freezes that ended become available, lots that
/// expired lose their unspent part — and a command stamped earlier than one before it settles nothing.
/// </remarks>
public sealed partial class PointsWallet
{
    private readonly List<Lot> _lots = [];
    private readonly Dictionary<string, int> _lotIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string LotId, long Points, PointsClawback Policy)> _takeBacks = new(StringComparer.Ordinal);

    // Lots with available points, soonest-expiring first (never-expiring last, then in the order earned).
    private readonly LotQueue _spendable = new();

    // What time will do: each lot's expiry (kind 0) and the end of a purchase lot's freeze (kind 1), in time order;
    // at the same instant an expiry comes first, so a lot that thaws as it expires expires.
    private readonly LotQueue _due = new();
    private long _available;
    private Instant _nextDue = Instant.MaxValue; // _due.Min.At, kept so a command with nothing due checks one field
    private Instant _settledAt = Limits.MinInstant;
    private long _debt;
    private long _writtenOff;
    private long _earned;

    /// <summary>Gets how many commands changed the wallet.</summary>
    public long Version { get; private set; }

    /// <summary>Returns the wallet's points by state.</summary>
    /// <returns>The balance.</returns>
    public PointsBalance GetBalance()
    {
        long earned = 0, available = 0, frozen = 0, reserved = 0, spent = 0, expired = 0, takenBack = 0;
        foreach (var lot in _lots)
        {
            earned += lot.Earning.Points;
            available += lot.Available;
            frozen += lot.Frozen;
            reserved += lot.Reserved;
            spent += lot.Spent;
            expired += lot.Expired;
            takenBack += lot.TakenBack;
        }

        return new PointsBalance(earned, available, frozen, reserved, spent, expired, takenBack, _debt, _writtenOff);
    }

    /// <summary>Returns the lots, in the order they were earned.</summary>
    /// <returns>Each lot as it stands.</returns>
    public IReadOnlyList<PointsLot> GetLots()
    {
        var lots = new PointsLot[_lots.Count];
        for (var i = 0; i < lots.Length; i++)
        {
            var l = _lots[i];
            lots[i] = new PointsLot(l.Earning, l.FrozenUntil, l.Available, l.Frozen, l.Reserved, l.Spent, l.Expired, l.TakenBack);
        }

        return lots;
    }

    /// <summary>Earns a lot: frozen for a purchase, available otherwise; debt is repaid from it first.</summary>
    /// <param name="earning">The lot.</param>
    /// <returns>
    /// Applied; a duplicate (same lot id and content); or refused (same id, other content; or
    /// <see cref="PointsRefusal.ExceedsAmount"/> when the wallet would have earned more than <see cref="Limits.MaxPoints"/> in all).
    /// </returns>
    public PointsResult Earn(PointsEarning earning)
    {
        ArgumentNullException.ThrowIfNull(earning);
        if (_lotIndex.TryGetValue(earning.LotId, out var known))
        {
            return _lots[known].Earning == earning
                ? Duplicate(() => $"Lot '{earning.LotId}' was earned before.")
                : Conflicting(() => $"Lot '{earning.LotId}' was earned before with other content.");
        }

        // Every sum the wallet keeps is at most what it earned: capped, none of them can overflow.
        if (earning.Points > Limits.MaxPoints - _earned)
        {
            return Refused(PointsRefusal.ExceedsAmount, () => string.Create(CultureInfo.InvariantCulture, $"Lot '{earning.LotId}' of {earning.Points} points would take the wallet past {Limits.MaxPoints} points earned in all (it has earned {_earned})."));
        }

        var entries = Settle(earning.EarnedAt);
        _earned += earning.Points;
        var lot = new Lot(this, earning, _lots.Count);
        _lotIndex[earning.LotId] = _lots.Count;
        _lots.Add(lot);
        if (earning.ExpiresAt is { } expiry)
        {
            AddDue(expiry, lot.Index, 0);
        }
        entries.Add(new PointsEntry(PointsEntryKind.Earned, earning.LotId, null, earning.Points, earning.EarnedAt));
        var repaid = Math.Min(_debt, earning.Points);
        if (repaid > 0)
        {
            _debt -= repaid;
            lot.TakenBack = repaid;
            entries.Add(new PointsEntry(PointsEntryKind.TakenBack, earning.LotId, "debt", repaid, earning.EarnedAt));
        }

        if (earning.AwaitsCompletion)
        {
            lot.Frozen = earning.Points - repaid;
        }
        else
        {
            lot.Available = earning.Points - repaid;
        }

        Settle(earning.EarnedAt, force: true, entries);
        return Applied(entries, () => string.Create(CultureInfo.InvariantCulture, $"Lot '{earning.LotId}': {earning.Points} points earned{(repaid > 0 ? $", {repaid} of them repaid debt" : string.Empty)}."));
    }

    /// <summary>The purchase that earned a lot completed: its points become available when the return window has passed.</summary>
    /// <param name="lotId">The purchase's lot.</param>
    /// <param name="completedAt">When the purchase completed.</param>
    /// <param name="returnWindow">Its return window (not negative, at most <see cref="Limits.MaxDuration"/>).</param>
    /// <returns>Applied; a duplicate (completed before with the same freeze end); or refused.</returns>
    public PointsResult CompletePurchase(string lotId, Instant completedAt, Duration returnWindow)
    {
        if (!Limits.IsSupported(returnWindow) || !Limits.IsSupported(completedAt))
        {
            throw new ArgumentOutOfRangeException(nameof(returnWindow), returnWindow, $"Lot '{lotId}': the return window should be 0 to {Limits.MaxDuration.Days} days and the instant supported.");
        }

        if (!TryLot(lotId, out var lot))
        {
            return Refused(PointsRefusal.Unknown, () => $"No lot '{lotId}' was earned.");
        }

        var until = completedAt + returnWindow;
        if (!lot.Earning.AwaitsCompletion || lot.FrozenUntil is not null)
        {
            return lot.FrozenUntil == until
                ? Duplicate(() => $"Lot '{lotId}' was completed before.")
                : Refused(lot.FrozenUntil is null ? PointsRefusal.StateConflict : PointsRefusal.ConflictingDuplicate, () => $"Lot '{lotId}' {(lot.FrozenUntil is null ? "is not a purchase's lot" : "was completed before with another freeze end")}.");
        }

        lot.FrozenUntil = until;
        AddDue(until, lot.Index, 1);
        var entries = Settle(completedAt, force: true);
        return Applied(entries, () => $"Lot '{lotId}' frozen until {until}.");
    }

    /// <summary>Reserves points for an order, from the soonest-expiring available lots first.</summary>
    /// <param name="orderId">The order (a valid SDK id): the reservation's identity.</param>
    /// <param name="points">1 to <see cref="Limits.MaxPoints"/>.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate (same order and points); or refused (other points, or not enough available).</returns>
    public PointsResult Reserve(string orderId, long points, Instant at)
    {
        Check(orderId, points, at);
        if (_orders.TryGetValue(orderId, out var known))
        {
            return known.Points == points ? Duplicate(() => $"Order '{orderId}' reserved {points} points before.") : Conflicting(() => $"Order '{orderId}' reserved {known.Points} points before, not {points}.");
        }

        // Checked before anything moves: a refusal changes nothing, not even the settling.
        var available = AvailableAt(at);
        if (available < points)
        {
            return Refused(PointsRefusal.InsufficientPoints, () => string.Create(CultureInfo.InvariantCulture, $"Order '{orderId}' asks for {points} points; {available} are available."));
        }

        var entries = Settle(at);

        var order = new Order(points);
        var left = points;
        while (left > 0)
        {
            // AvailableAt promised enough; an empty queue here would be a defect, never a loop.
            var lot = FirstSpendable() ?? throw new InvalidOperationException($"Order '{orderId}': the wallet's spendable lots ran out before {points} points were reserved; this is a defect in PointsWallet.");
            var take = Math.Min(lot.Available, left);
            lot.Available -= take;
            lot.Reserved += take;
            order.Parts.Add((lot.Index, take));
            entries.Add(new PointsEntry(PointsEntryKind.Reserved, lot.Earning.LotId, orderId, take, at));
            left -= take;
        }

        _orders[orderId] = order;
        return Applied(entries, () => string.Create(CultureInfo.InvariantCulture, $"Order '{orderId}': {points} points reserved from {order.Parts.Count} lots."));
    }

    /// <summary>The order was paid: its reserved points are spent.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate (committed before); or refused (unknown, or released).</returns>
    public PointsResult Commit(string orderId, Instant at) => Step(orderId, at, PointsOrderStatus.Committed);

    /// <summary>The order was cancelled before payment: its reserved points go back to their lots (and expire at once if their lot has).</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate (released before); or refused (unknown, or committed).</returns>
    public PointsResult Release(string orderId, Instant at) => Step(orderId, at, PointsOrderStatus.Released);

    /// <summary>
    /// A refund of (part of) a paid order returns points it spent to the lots they came from, the latest-expiring lot
    /// first; points returned to a lot that has expired meanwhile expire at once.
    /// </summary>
    /// <param name="orderId">The paid order.</param>
    /// <param name="refundId">The refund (a valid SDK id, scoped to the order): the command's identity.</param>
    /// <param name="points">1 to what the order spent and has not had returned.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate; or refused (unknown or unpaid order, other content, more than is left).</returns>
    public PointsResult Return(string orderId, string refundId, long points, Instant at)
    {
        Check(orderId, points, at);
        if (!Limits.IsValidId(refundId))
        {
            throw new ArgumentException($"Refund id '{refundId}' is not a valid id.", nameof(refundId));
        }

        if (!_orders.TryGetValue(orderId, out var order))
        {
            return Refused(PointsRefusal.Unknown, () => $"No order '{orderId}' reserved points.");
        }

        if (order.HasRefunds && order.Refunds.TryGetValue(refundId, out var returned))
        {
            return returned == points ? Duplicate(() => $"Refund '{refundId}' of order '{orderId}' returned {points} points before.") : Conflicting(() => $"Refund '{refundId}' of order '{orderId}' returned {returned} points before, not {points}.");
        }

        if (order.State != PointsOrderStatus.Committed)
        {
            return Refused(PointsRefusal.StateConflict, () => $"Order '{orderId}' is {order.State}; only a paid order's points are returned.");
        }

        if (points > order.Points - order.Returned)
        {
            return Refused(PointsRefusal.ExceedsAmount, () => string.Create(CultureInfo.InvariantCulture, $"Order '{orderId}' has {order.Points - order.Returned} spent points left to return; {points} asked."));
        }

        var entries = Settle(at);
        var left = points;
        for (var p = order.Parts.Count - 1; p >= 0 && left > 0; p--)
        {
            var (index, taken) = order.Parts[p];
            var back = Math.Min(taken - order.ReturnedOf(p), left);
            if (back == 0)
            {
                continue;
            }

            var lot = _lots[index];
            lot.Spent -= back;
            order.PartReturned[p] = order.ReturnedOf(p) + back;
            entries.Add(new PointsEntry(PointsEntryKind.Returned, lot.Earning.LotId, refundId, back, at));
            BackToLot(lot, back, refundId, at, entries);

            left -= back;
        }

        order.Returned += points;
        order.Refunds[refundId] = points;
        return Applied(entries, () => string.Create(CultureInfo.InvariantCulture, $"Refund '{refundId}' of order '{orderId}': {points} points returned."));
    }

    /// <summary>
    /// Takes back points a refunded purchase earned: first from what is left of its lot (frozen or available), then, for
    /// points already spent or reserved, by <paramref name="policy"/>: debt repaid first from the next earnings, or
    /// the member's other available points with the rest written off.
    /// </summary>
    /// <param name="takeBackId">The take-back (a valid SDK id, e.g. the refund's): the command's identity.</param>
    /// <param name="lotId">The lot the purchase earned.</param>
    /// <param name="points">1 to what the lot earned and was not asked back before.</param>
    /// <param name="at">When.</param>
    /// <param name="policy">What to do with points already spent.</param>
    /// <returns>Applied; a duplicate; or refused (unknown lot, other content, more than the lot has left to take back).</returns>
    public PointsResult TakeBack(string takeBackId, string lotId, long points, Instant at, PointsClawback policy = PointsClawback.CarryAsDebt)
    {
        Check(takeBackId, points, at);
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a points clawback policy.");
        }

        if (_takeBacks.TryGetValue(takeBackId, out var known))
        {
            return known == (lotId, points, policy) ? Duplicate(() => $"Take-back '{takeBackId}' was applied before.") : Conflicting(() => $"Take-back '{takeBackId}' was applied before with other content.");
        }

        if (!TryLot(lotId, out var lot))
        {
            return Refused(PointsRefusal.Unknown, () => $"No lot '{lotId}' was earned.");
        }

        if (points > lot.Earning.Points - lot.AskedBack)
        {
            return Refused(PointsRefusal.ExceedsAmount, () => string.Create(CultureInfo.InvariantCulture, $"Lot '{lotId}' earned {lot.Earning.Points} points, {lot.AskedBack} of them asked back before; {points} asked now."));
        }

        var entries = Settle(at);

        // What is left of the lot's own points goes first: frozen (a purchase not yet released), then available.
        var own = Math.Min(lot.Frozen, points);
        lot.Frozen -= own;
        var fromAvailable = Math.Min(lot.Available, points - own);
        lot.Available -= fromAvailable;
        own += fromAvailable;
        if (own > 0)
        {
            lot.TakenBack += own;
            entries.Add(new PointsEntry(PointsEntryKind.TakenBack, lotId, takeBackId, own, at));
        }

        var left = points - own;
        while (left > 0 && policy == PointsClawback.CapAtAvailable && FirstSpendable() is { } other)
        {
            var take = Math.Min(other.Available, left);
            other.Available -= take;
            other.TakenBack += take;
            entries.Add(new PointsEntry(PointsEntryKind.TakenBack, other.Earning.LotId, takeBackId, take, at));
            left -= take;
        }

        if (left > 0)
        {
            if (policy == PointsClawback.CarryAsDebt)
            {
                _debt += left;
                entries.Add(new PointsEntry(PointsEntryKind.DebtIncurred, lotId, takeBackId, left, at));
            }
            else
            {
                _writtenOff += left;
                entries.Add(new PointsEntry(PointsEntryKind.WrittenOff, lotId, takeBackId, left, at));
            }
        }

        lot.AskedBack += points;
        _takeBacks[takeBackId] = (lotId, points, policy);
        return Applied(entries, () => string.Create(CultureInfo.InvariantCulture, $"Take-back '{takeBackId}' of lot '{lotId}': {points - left} points taken back{(left > 0 ? $", {left} {(policy == PointsClawback.CarryAsDebt ? "owed as debt" : "written off")}" : string.Empty)}."));
    }

    /// <summary>The expiry job: settles the wallet up to an instant (ended freezes become available, due lots expire exactly their unspent part).</summary>
    /// <param name="at">The instant.</param>
    /// <returns>Applied with the entries, or a duplicate when there was nothing to settle.</returns>
    public PointsResult ExpireDue(Instant at)
    {
        if (!Limits.IsSupported(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "The instant is outside the supported range.");
        }

        var entries = Settle(at);
        return entries.Count == 0 ? Duplicate(() => "Nothing was due.") : Applied(entries, () => string.Create(CultureInfo.InvariantCulture, $"{entries.Count} lot changes settled up to {at}."));
    }

    private PointsResult Step(string orderId, Instant at, PointsOrderStatus to)
    {
        if (!Limits.IsValidId(orderId) || !Limits.IsSupported(at))
        {
            throw new ArgumentException($"Order id '{orderId}' is not a valid id, or the instant is outside the supported range.", nameof(orderId));
        }

        if (!_orders.TryGetValue(orderId, out var order))
        {
            return Refused(PointsRefusal.Unknown, () => $"No order '{orderId}' reserved points.");
        }

        if (order.State == to)
        {
            return Duplicate(() => $"Order '{orderId}' was {to} before.");
        }

        if (order.State != PointsOrderStatus.Reserved)
        {
            return Refused(PointsRefusal.StateConflict, () => $"Order '{orderId}' is {order.State}; it cannot be {to}.");
        }

        var entries = Settle(at);
        foreach (var (index, taken) in order.Parts)
        {
            var lot = _lots[index];
            lot.Reserved -= taken;
            if (to == PointsOrderStatus.Committed)
            {
                lot.Spent += taken;
                entries.Add(new PointsEntry(PointsEntryKind.Spent, lot.Earning.LotId, orderId, taken, at));
                continue;
            }

            entries.Add(new PointsEntry(PointsEntryKind.Released, lot.Earning.LotId, orderId, taken, at));
            BackToLot(lot, taken, orderId, at, entries);
        }

        order.State = to;
        return Applied(entries, () => string.Create(CultureInfo.InvariantCulture, $"Order '{orderId}': {order.Points} points {(to == PointsOrderStatus.Committed ? "spent" : "released")}."));
    }

    // Moves the wallet to `at`: purchase lots whose freeze ended become available, lots past their expiry expire what
    // is neither spent, reserved nor taken back — in time order, from the due set, so a command costs what is due, not
    // what the wallet holds. `force` settles even when `at` is not later (a lot just earned or completed may be due).
    private List<PointsEntry> Settle(Instant at, bool force = false, List<PointsEntry>? into = null)
    {
        var entries = into ?? new List<PointsEntry>(2);
        if (at <= _settledAt && !force)
        {
            return entries;
        }

        var until = at > _settledAt ? at : _settledAt;
        while (_nextDue <= until)
        {
            var (when, index, kind) = _due.Min;
            _due.RemoveMin();
            _nextDue = _due.Count == 0 ? Instant.MaxValue : _due.Min.At;
            var lot = _lots[index];
            if (kind == 1)
            {
                if (lot.Frozen > 0)
                {
                    var thawed = lot.Frozen;
                    lot.Frozen = 0;
                    lot.Available += thawed;
                    entries.Add(new PointsEntry(PointsEntryKind.Unfrozen, lot.Earning.LotId, null, thawed, when));
                }
            }
            else if (lot.Available + lot.Frozen > 0)
            {
                var gone = lot.Available + lot.Frozen;
                lot.Available = 0;
                lot.Frozen = 0;
                lot.Expired += gone;
                entries.Add(new PointsEntry(PointsEntryKind.Expired, lot.Earning.LotId, null, gone, when));
            }
        }

        _settledAt = until;
        return entries;
    }

    // What Settle(at) would leave available, without settling: what is available, less the available points of lots
    // that expire by then, plus the frozen points of lots that thaw by then and do not expire.
    private long AvailableAt(Instant at)
    {
        var until = at > _settledAt ? at : _settledAt;
        var available = _available;
        if (_nextDue > until)
        {
            return available;
        }

        var state = (Wallet: this, Until: until, Available: available);
        _due.ForEachUntil(until, ref state, static (ref s, index, kind) =>
        {
            var lot = s.Wallet._lots[index];
            var expires = lot.Earning.ExpiresAt is { } e && e <= s.Until;
            s.Available += kind == 0 ? -lot.Available : expires ? 0 : lot.Frozen;
        });
        return state.Available;
    }

    // Points coming back to their lot (a release, a return) are available again, or expire at once if the lot has.
    private static void BackToLot(Lot lot, long points, string reference, Instant at, List<PointsEntry> entries)
    {
        if (lot.Earning.ExpiresAt is { } expires && expires <= at)
        {
            lot.Expired += points;
            entries.Add(new PointsEntry(PointsEntryKind.Expired, lot.Earning.LotId, reference, points, at));
        }
        else
        {
            lot.Available += points;
        }
    }

    // The soonest-expiring lot with points available (then the earliest earned), dropping spent lots from the queue's front.
    private Lot? FirstSpendable()
    {
        while (_spendable.Count > 0)
        {
            var lot = _lots[_spendable.Min.Lot];
            if (lot.Available > 0)
            {
                return lot;
            }

            _spendable.RemoveMin();
            lot.Queued = false;
        }

        return null;
    }

    private void AddDue(Instant at, int lot, int kind)
    {
        _due.Add(at, lot, kind);
        if (at < _nextDue)
        {
            _nextDue = at;
        }
    }

    private bool TryLot(string lotId, out Lot lot)
    {
        if (lotId is not null && _lotIndex.TryGetValue(lotId, out var index))
        {
            lot = _lots[index];
            return true;
        }

        lot = null!;
        return false;
    }

    private static void Check(string id, long points, Instant at)
    {
        if (!Limits.IsValidId(id))
        {
            throw new ArgumentException($"Id '{id}' is not a valid id (1 to {Limits.MaxIdLength} characters, no control character).", nameof(id));
        }

        if (points is < 1 or > Limits.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, string.Create(CultureInfo.InvariantCulture, $"'{id}': points should be 1 to {Limits.MaxPoints}."));
        }

        if (!Limits.IsSupported(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"'{id}': the instant is outside the supported range.");
        }
    }

    private PointsResult Applied(List<PointsEntry> entries, Func<string> message)
    {
        Version++;
        return new PointsResult(PointsOutcome.Applied, PointsRefusal.None, message, entries);
    }

    private static PointsResult Duplicate(Func<string> message) => new(PointsOutcome.Duplicate, PointsRefusal.None, message, []);

    private static PointsResult Conflicting(Func<string> message) => Refused(PointsRefusal.ConflictingDuplicate, message);

    private static PointsResult Refused(PointsRefusal refusal, Func<string> message) => new(PointsOutcome.Refused, refusal, message, []);

    private sealed class Lot(PointsWallet wallet, PointsEarning earning, int index)
    {
        private long _available;

        public PointsEarning Earning { get; } = earning;

        public int Index { get; } = index;

        // Whether the lot is in the wallet's spendable queue.
        public bool Queued { get; set; }

        public Instant? FrozenUntil { get; set; }

        // Keeps the wallet's spendable set and available total in step with the lot.
        public long Available
        {
            get => _available;
            set
            {
                // Queued once: a lot whose points run out stays in the queue until FirstSpendable reaches it, and counts
                // again if points come back first (its place, by expiry, never changes).
                if (value > 0 && !Queued)
                {
                    wallet._spendable.Add(Earning.ExpiresAt ?? Instant.MaxValue, Index, 0);
                    Queued = true;
                }

                wallet._available += value - _available;
                _available = value;
            }
        }

        public long Frozen { get; set; }

        public long Reserved { get; set; }

        public long Spent { get; set; }

        public long Expired { get; set; }

        public long TakenBack { get; set; }

        // Points asked back by take-backs (taken, owed or written off): at most what the lot earned.
        public long AskedBack { get; set; }
    }

    private sealed class Order(long points)
    {
        public long Points { get; } = points;

        public PointsOrderStatus State { get; set; } = PointsOrderStatus.Reserved;

        public List<(int Lot, long Points)> Parts { get; } = [];

        // Allocated by the first refund: most orders are never refunded.
        public Dictionary<int, long> PartReturned => field ??= [];

        public Dictionary<string, long> Refunds => field ??= new(StringComparer.Ordinal);

        public bool HasRefunds => Returned > 0;

        public long Returned { get; set; }

        public long ReturnedOf(int part) => Returned > 0 && PartReturned.TryGetValue(part, out var returned) ? returned : 0;
    }
}
