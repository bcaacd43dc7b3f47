using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Serialization;

namespace SocialCommerce.Points;

/// <content>The wallet's snapshot: what a store keeps, restored in O(state) with every invariant checked.</content>
public sealed partial class PointsWallet
{
    private const string SnapshotKind = "points wallet snapshot";

    /// <summary>Gets the next instant at which time changes the wallet (a freeze ends, a lot expires), or null when nothing is due; an expiry job settles the wallets due by its instant.</summary>
    public Instant? NextDueAt => _nextDue == Instant.MaxValue ? null : _nextDue;

    /// <summary>Returns the wallet's state, for a store.</summary>
    /// <returns>The snapshot (restore it with <see cref="FromSnapshot"/>).</returns>
    public PointsWalletSnapshot ToSnapshot()
    {
        var lots = new PointsLotState[_lots.Count];
        for (var i = 0; i < lots.Length; i++)
        {
            var l = _lots[i];
            var e = l.Earning;
            lots[i] = new PointsLotState(e.LotId, e.Source, e.Points, e.EarnedAt, e.ExpiresAt, e.Author, e.Reason, l.FrozenUntil, l.Available, l.Frozen, l.Reserved, l.Spent, l.Expired, l.TakenBack, l.AskedBack);
        }

        var orders = new List<PointsOrderState>(_orders.Count);
        foreach (var (orderId, order) in _orders)
        {
            var parts = new PointsOrderPart[order.Parts.Count];
            for (var p = 0; p < parts.Length; p++)
            {
                parts[p] = new PointsOrderPart(_lots[order.Parts[p].Lot].Earning.LotId, order.Parts[p].Points, order.ReturnedOf(p));
            }

            var refunds = new List<PointsRefundState>();
            if (order.HasRefunds)
            {
                foreach (var (refundId, points) in order.Refunds)
                {
                    refunds.Add(new PointsRefundState(refundId, points));
                }
            }

            orders.Add(new PointsOrderState(orderId, order.Points, order.State, parts, refunds));
        }

        var takeBacks = new List<PointsTakeBackState>(_takeBacks.Count);
        foreach (var (id, (lotId, points, policy)) in _takeBacks)
        {
            takeBacks.Add(new PointsTakeBackState(id, lotId, points, policy));
        }

        return new PointsWalletSnapshot(SocialCommerceJson.SchemaVersion, lots, orders, takeBacks, _debt, _writtenOff, _settledAt, Version);
    }

    /// <summary>Restores a wallet from its snapshot; nothing is re-decided.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The wallet, answering every later command as the one that wrote the snapshot would.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="NotSupportedException">The snapshot is of another schema version; the message names both.</exception>
    /// <exception cref="CorruptStateException">
    /// The snapshot is not a state a wallet could have reached: a lot whose parts do not add up to what it earned, an id
    /// used twice or empty, an order's parts that do not add up to its points or name an unknown lot, reserved or spent
    /// points that no order accounts for, take-backs that do not add up to what a lot was asked, a negative amount, an
    /// instant outside the supported range. The message names the JSON path and the value.
    /// </exception>
    public static PointsWallet FromSnapshot(PointsWalletSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        SocialCommerceJson.CheckSchema(SnapshotKind, snapshot.SchemaVersion);
        var check = new StateCheck(SnapshotKind);
        check.Version(snapshot.Version, "$.version");
        check.That(Limits.IsSupported(snapshot.SettledAt), "$.settledAt", snapshot.SettledAt, "a supported instant.");

        var wallet = new PointsWallet { Version = snapshot.Version, _debt = snapshot.Debt, _writtenOff = snapshot.WrittenOff, _settledAt = snapshot.SettledAt };
        var lots = SocialCommerceJson.OrEmpty(snapshot.Lots);
        var owed = new (long Reserved, long Spent, long Asked)[lots.Count];
        for (var i = 0; i < lots.Count; i++)
        {
            wallet.RestoreLot(check, check.Present(lots[i], $"$.lots[{i}]"), i);
        }

        var orders = SocialCommerceJson.OrEmpty(snapshot.Orders);
        for (var i = 0; i < orders.Count; i++)
        {
            wallet.RestoreOrder(check, check.Present(orders[i], $"$.orders[{i}]"), i, owed);
        }

        var takeBacks = SocialCommerceJson.OrEmpty(snapshot.TakeBacks);
        for (var i = 0; i < takeBacks.Count; i++)
        {
            var t = check.Present(takeBacks[i], $"$.takeBacks[{i}]");
            var path = $"$.takeBacks[{i}]";
            check.That(Limits.IsValidId(t.TakeBackId) && !wallet._takeBacks.ContainsKey(t.TakeBackId), $"{path}.takeBackId", t.TakeBackId, "a valid id, used once.");
            check.That(t.LotId is not null && wallet._lotIndex.ContainsKey(t.LotId), $"{path}.lotId", t.LotId, "a lot of the wallet.");
            check.That(t.Points is >= 1 and <= Limits.MaxPoints, $"{path}.points", t.Points, $"1 to {Limits.MaxPoints} points.");
            check.That(Enum.IsDefined(t.Policy), $"{path}.policy", t.Policy, "a points clawback policy.");
            var lot = wallet._lotIndex[t.LotId!];
            owed[lot].Asked += t.Points;
            check.That(owed[lot].Asked <= lots[lot].AskedBack, $"{path}.points", t.Points, $"within what lot '{t.LotId}' was asked back ({lots[lot].AskedBack}).");
            wallet._takeBacks.Add(t.TakeBackId, (t.LotId!, t.Points, t.Policy));
        }

        // Debt and write-offs come from take-backs, which never ask more than their lots earned.
        check.That(snapshot.Debt >= 0 && snapshot.Debt <= wallet._earned, "$.debt", snapshot.Debt, $"0 to the {wallet._earned} points the wallet earned.");
        check.That(snapshot.WrittenOff >= 0 && snapshot.WrittenOff <= wallet._earned - snapshot.Debt, "$.writtenOff", snapshot.WrittenOff, $"0 to the {wallet._earned - snapshot.Debt} points the wallet earned beyond its debt.");
        for (var i = 0; i < lots.Count; i++)
        {
            var l = lots[i];
            check.That(owed[i].Reserved == l.Reserved, $"$.lots[{i}].reserved", l.Reserved, $"what the reserved orders took from the lot ({owed[i].Reserved}).");
            check.That(owed[i].Spent == l.Spent, $"$.lots[{i}].spent", l.Spent, $"what the paid orders spent from the lot, less what refunds returned ({owed[i].Spent}).");
            check.That(owed[i].Asked == l.AskedBack, $"$.lots[{i}].askedBack", l.AskedBack, $"what the take-backs asked of the lot ({owed[i].Asked}).");
        }

        // What time has still to do: the expiries and freeze ends after the instant the wallet is settled to (the
        // earlier ones were applied before the snapshot was taken).
        foreach (var lot in wallet._lots)
        {
            if (lot.Earning.ExpiresAt is { } expiry && expiry > wallet._settledAt)
            {
                wallet.AddDue(expiry, lot.Index, 0);
            }

            if (lot.FrozenUntil is { } until && until > wallet._settledAt)
            {
                wallet.AddDue(until, lot.Index, 1);
            }
        }

        return wallet;
    }

    private void RestoreLot(in StateCheck check, PointsLotState l, int index)
    {
        var path = $"$.lots[{index}]";
        check.That(Limits.IsValidId(l.LotId) && !_lotIndex.ContainsKey(l.LotId), $"{path}.lotId", l.LotId, "a valid id, used once.");
        check.That(Enum.IsDefined(l.Source), $"{path}.source", l.Source, "a points source.");
        check.That(l.Points is >= 1 and <= Limits.MaxPoints, $"{path}.points", l.Points, $"1 to {Limits.MaxPoints} points.");
        check.That(Limits.IsSupported(l.EarnedAt), $"{path}.earnedAt", l.EarnedAt, "a supported instant.");
        check.That(l.ExpiresAt is not { } e || (Limits.IsSupported(e) && e > l.EarnedAt), $"{path}.expiresAt", l.ExpiresAt, "absent, or a supported instant after the lot was earned.");
        check.That(l.Source != PointsSource.Grant || (!string.IsNullOrWhiteSpace(l.Author) && Limits.IsValidReason(l.Reason)), $"{path}.author", l.Author, "a grant names its author and a reason.");
        var awaits = l.Source == PointsSource.Purchase;
        check.That(l.FrozenUntil is not { } f || (awaits && Limits.IsSupported(f)), $"{path}.frozenUntil", l.FrozenUntil, "absent, or a supported instant for a purchase's lot.");
        check.That(awaits || l.Frozen == 0, $"{path}.frozen", l.Frozen, "0: only a purchase's lot is frozen.");
        Span<long> parts = [l.Available, l.Frozen, l.Reserved, l.Spent, l.Expired, l.TakenBack];
        ReadOnlySpan<string> names = ["available", "frozen", "reserved", "spent", "expired", "takenBack"];
        long sum = 0;
        for (var p = 0; p < parts.Length; p++)
        {
            check.That(parts[p] >= 0 && parts[p] <= l.Points, $"{path}.{names[p]}", parts[p], $"0 to the lot's {l.Points} points.");
            sum += parts[p];
        }

        check.That(sum == l.Points, $"{path}.points", l.Points, $"the sum of available, frozen, reserved, spent, expired and taken back ({sum}).");
        check.That(l.Points <= Limits.MaxPoints - _earned, $"{path}.points", l.Points, $"within the {Limits.MaxPoints} points a wallet earns in all ({_earned} before this lot).");
        _earned += l.Points;
        check.That(l.AskedBack >= 0 && l.AskedBack <= l.Points, $"{path}.askedBack", l.AskedBack, $"0 to the lot's {l.Points} points.");
        var earning = PointsEarning.Restore(l.LotId, l.Source, l.Points, l.EarnedAt, l.ExpiresAt, l.Author, l.Reason);
        var lot = new Lot(this, earning, index) { FrozenUntil = l.FrozenUntil, Frozen = l.Frozen, Reserved = l.Reserved, Spent = l.Spent, Expired = l.Expired, TakenBack = l.TakenBack, AskedBack = l.AskedBack };
        lot.Available = l.Available;
        _lotIndex.Add(l.LotId, index);
        _lots.Add(lot);
    }

    private void RestoreOrder(in StateCheck check, PointsOrderState o, int index, (long Reserved, long Spent, long Asked)[] owed)
    {
        var path = $"$.orders[{index}]";
        check.That(Limits.IsValidId(o.OrderId) && !_orders.ContainsKey(o.OrderId), $"{path}.orderId", o.OrderId, "a valid id, used once.");
        check.That(o.Points is >= 1 and <= Limits.MaxPoints, $"{path}.points", o.Points, $"1 to {Limits.MaxPoints} points.");
        check.That(Enum.IsDefined(o.Status), $"{path}.status", o.Status, "reserved, committed or released.");
        var order = new Order(o.Points) { State = o.Status };
        var parts = check.Present(o.Parts, $"{path}.parts");
        long taken = 0, partsReturned = 0;
        for (var p = 0; p < parts.Count; p++)
        {
            var part = check.Present(parts[p], $"{path}.parts[{p}]");
            var partPath = $"{path}.parts[{p}]";
            check.That(part.LotId is not null && _lotIndex.ContainsKey(part.LotId), $"{partPath}.lotId", part.LotId, "a lot of the wallet.");
            check.That(part.Points >= 1 && part.Points <= o.Points - taken, $"{partPath}.points", part.Points, $"1 to the {o.Points - taken} points of the order not yet placed.");
            check.That(part.Returned >= 0 && part.Returned <= part.Points && (part.Returned == 0 || o.Status == PointsOrderStatus.Committed), $"{partPath}.returned", part.Returned, "0 to the part's points, and 0 unless the order was paid.");
            taken += part.Points;
            partsReturned += part.Returned;
            var lot = _lotIndex[part.LotId!];
            order.Parts.Add((lot, part.Points));
            if (part.Returned > 0)
            {
                order.PartReturned[p] = part.Returned;
            }

            if (o.Status == PointsOrderStatus.Reserved)
            {
                owed[lot].Reserved += part.Points;
            }
            else if (o.Status == PointsOrderStatus.Committed)
            {
                owed[lot].Spent += part.Points - part.Returned;
            }
        }

        check.That(taken == o.Points, $"{path}.points", o.Points, $"the sum of its parts ({taken}).");
        var refunds = SocialCommerceJson.OrEmpty(o.Refunds);
        long refunded = 0;
        for (var r = 0; r < refunds.Count; r++)
        {
            var refund = check.Present(refunds[r], $"{path}.refunds[{r}]");
            var refundPath = $"{path}.refunds[{r}]";
            check.That(Limits.IsValidId(refund.RefundId) && !(order.HasRefunds && order.Refunds.ContainsKey(refund.RefundId)), $"{refundPath}.refundId", refund.RefundId, "a valid id, used once in the order.");
            check.That(refund.Points >= 1 && refund.Points <= partsReturned - refunded, $"{refundPath}.points", refund.Points, $"1 to the {partsReturned - refunded} returned points not yet accounted for.");
            refunded += refund.Points;
            order.Refunds.Add(refund.RefundId, refund.Points);
            order.Returned = refunded;
        }

        check.That(refunded == partsReturned, $"{path}.refunds", refunded, $"the points the parts had returned ({partsReturned}).");
        _orders.Add(o.OrderId, order);
    }
}
