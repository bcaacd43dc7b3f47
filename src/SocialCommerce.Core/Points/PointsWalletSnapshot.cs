using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.Points;

/// <summary>
/// A member's points wallet as stored (<see cref="PointsWallet.ToSnapshot"/>, <see cref="PointsWallet.FromSnapshot"/>):
/// its lots, the orders that reserved points (with the refunds they had), the take-backs, debt and write-offs, and the
/// instant the wallet is settled to. Restoring it gives the same wallet, answering every later command as the
/// uninterrupted one would; nothing is re-decided.
/// </summary>
/// <param name="SchemaVersion">The JSON schema version (<see cref="Serialization.SocialCommerceJson.SchemaVersion"/>).</param>
/// <param name="Lots">The lots, in the order they were earned.</param>
/// <param name="Orders">The orders that reserved points.</param>
/// <param name="TakeBacks">The take-backs applied.</param>
/// <param name="Debt">Points owed (taken back after they were spent, under <see cref="PointsClawback.CarryAsDebt"/>).</param>
/// <param name="WrittenOff">Points written off (under <see cref="PointsClawback.CapAtAvailable"/>).</param>
/// <param name="SettledAt">The instant the lots are settled to (freezes ended and expiries applied up to it).</param>
/// <param name="Version">How many commands changed the wallet.</param>
public sealed record PointsWalletSnapshot(
    int SchemaVersion,
    IReadOnlyList<PointsLotState> Lots,
    IReadOnlyList<PointsOrderState> Orders,
    IReadOnlyList<PointsTakeBackState> TakeBacks,
    long Debt,
    long WrittenOff,
    Instant SettledAt,
    long Version);

/// <summary>A lot as stored: its earning and where its points are.</summary>
/// <param name="LotId">The lot's id.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Points">The points earned.</param>
/// <param name="EarnedAt">When.</param>
/// <param name="ExpiresAt">When its unspent part expires, or null (computed when it was earned).</param>
/// <param name="Author">Who granted it, for a grant.</param>
/// <param name="Reason">Why, for a grant.</param>
/// <param name="FrozenUntil">For a purchase's lot once the purchase completed: when the freeze ends.</param>
/// <param name="Available">Available.</param>
/// <param name="Frozen">Frozen.</param>
/// <param name="Reserved">Reserved by orders not yet paid or cancelled.</param>
/// <param name="Spent">Spent by paid orders (less what refunds returned).</param>
/// <param name="Expired">Expired.</param>
/// <param name="TakenBack">Taken back (by take-backs, or repaying debt).</param>
/// <param name="AskedBack">Points take-backs asked of this lot (taken, owed or written off).</param>
public sealed record PointsLotState(
    string LotId,
    PointsSource Source,
    long Points,
    Instant EarnedAt,
    Instant? ExpiresAt,
    string? Author,
    string? Reason,
    Instant? FrozenUntil,
    long Available,
    long Frozen,
    long Reserved,
    long Spent,
    long Expired,
    long TakenBack,
    long AskedBack);

/// <summary>An order's reservation as stored.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Points">The points it reserved.</param>
/// <param name="Status">Reserved, committed (paid) or released (cancelled).</param>
/// <param name="Parts">Where the points came from, in the order they were taken.</param>
/// <param name="Refunds">The refunds that returned points, in the order they came.</param>
public sealed record PointsOrderState(string OrderId, long Points, PointsOrderStatus Status, IReadOnlyList<PointsOrderPart> Parts, IReadOnlyList<PointsRefundState> Refunds);

/// <summary>What an order took from one lot.</summary>
/// <param name="LotId">The lot.</param>
/// <param name="Points">The points taken.</param>
/// <param name="Returned">How many of them refunds returned.</param>
public sealed record PointsOrderPart(string LotId, long Points, long Returned);

/// <summary>A refund that returned an order's points.</summary>
/// <param name="RefundId">The refund.</param>
/// <param name="Points">The points it returned.</param>
public sealed record PointsRefundState(string RefundId, long Points);

/// <summary>A take-back as applied.</summary>
/// <param name="TakeBackId">The take-back.</param>
/// <param name="LotId">The lot it asked points back of.</param>
/// <param name="Points">The points asked.</param>
/// <param name="Policy">What it did with points already spent.</param>
public sealed record PointsTakeBackState(string TakeBackId, string LotId, long Points, PointsClawback Policy);
