using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Points;

/// <summary>
/// One points-mall item's stock: its units taken in all and by each member, and its redemptions. A redemption takes
/// units within the quota and the member's limit and reserves their points in the member's wallet, both or neither;
/// completing spends the points, cancelling (before completion) releases them, refunding (after) returns them to their
/// lots, and both give the units back. One writer per item and its members' wallets, as a store serialises them; the
/// database store decides here on its stored counts, so the limits hold exactly across instances. Every step is
/// idempotent: a resend answers <see cref="PointsOutcome.Duplicate"/>.
/// </summary>
public sealed class MallStock
{
    private readonly Dictionary<string, MallRedemption> _redemptions = new(StringComparer.Ordinal);
    private readonly Dictionary<MemberId, int> _held = [];

    /// <summary>Starts an item's stock with nothing taken.</summary>
    /// <param name="item">The item.</param>
    public MallStock(MallItem item) => Item = item ?? throw new ArgumentNullException(nameof(item));

    /// <summary>Gets the item.</summary>
    public MallItem Item { get; }

    /// <summary>Gets how many units reserved or completed redemptions hold.</summary>
    public int Taken { get; private set; }

    /// <summary>Gets how many units are left of the quota.</summary>
    public int Left => Item.Quota - Taken;

    /// <summary>Returns how many units a member holds (reserved or completed).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The count.</returns>
    public int HeldBy(MemberId member) => _held.GetValueOrDefault(member);

    /// <summary>Returns a redemption, or null when none has that id.</summary>
    /// <param name="redemptionId">The redemption.</param>
    /// <returns>The redemption as it stands.</returns>
    public MallRedemption? Find(string redemptionId) => _redemptions.GetValueOrDefault(redemptionId);

    /// <summary>Redeems units for a member: takes them within the quota and the member's limit and reserves their points in the wallet.</summary>
    /// <param name="redemptionId">The redemption's id (a valid SDK id): the command's identity and its wallet order id.</param>
    /// <param name="member">The member.</param>
    /// <param name="quantity">1 to <see cref="MallItem.MaxQuota"/> units.</param>
    /// <param name="wallet">The member's wallet.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied (status <see cref="MallRedemptionStatus.Reserved"/>); a duplicate; or refused naming the limit.</returns>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public MallResult Redeem(string redemptionId, MemberId member, int quantity, PointsWallet wallet, Instant at)
    {
        CheckRedeem(redemptionId, quantity, at);
        ArgumentNullException.ThrowIfNull(wallet);
        var result = DecideRedeem(Item, redemptionId, member, quantity, at, Find(redemptionId), Taken, HeldBy(member), wallet);
        if (result.IsApplied)
        {
            Keep(result.Redemption!, +1);
        }

        return result;
    }

    /// <summary>The money part was paid (or the host confirms a points-only redemption): the reserved points are spent.</summary>
    /// <param name="redemptionId">The redemption.</param>
    /// <param name="wallet">The member's wallet.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate; or refused (<see cref="MallRefusal.UnknownRedemption"/>, <see cref="MallRefusal.StateConflict"/>).</returns>
    public MallResult Complete(string redemptionId, PointsWallet wallet, Instant at) => Step(redemptionId, wallet, at, MallRedemptionStatus.Completed);

    /// <summary>Cancels a redemption before completion: its points are released and its units go back to the quota.</summary>
    /// <param name="redemptionId">The redemption.</param>
    /// <param name="wallet">The member's wallet.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate; or refused (a completed redemption is refunded, not cancelled).</returns>
    public MallResult Cancel(string redemptionId, PointsWallet wallet, Instant at) => Step(redemptionId, wallet, at, MallRedemptionStatus.Cancelled);

    /// <summary>Refunds a completed redemption: its points return to the lots they came from and its units to the quota.</summary>
    /// <param name="redemptionId">The redemption.</param>
    /// <param name="wallet">The member's wallet.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate; or refused (only a completed redemption is refunded).</returns>
    public MallResult Refund(string redemptionId, PointsWallet wallet, Instant at) => Step(redemptionId, wallet, at, MallRedemptionStatus.Refunded);

    private MallResult Step(string redemptionId, PointsWallet wallet, Instant at, MallRedemptionStatus to)
    {
        CheckStep(redemptionId, at);
        ArgumentNullException.ThrowIfNull(wallet);
        var result = DecideStep(redemptionId, Find(redemptionId), wallet, at, to);
        if (result.IsApplied)
        {
            Keep(result.Redemption!, result.Redemption!.HoldsUnits ? 0 : -1);
        }

        return result;
    }

    private void Keep(MallRedemption redemption, int direction)
    {
        _redemptions[redemption.RedemptionId] = redemption;
        Taken += direction * redemption.Quantity;
        _held[redemption.Member] = HeldBy(redemption.Member) + (direction * redemption.Quantity);
    }

    internal static void CheckRedeem(string redemptionId, int quantity, Instant at)
    {
        CheckStep(redemptionId, at);
        if (quantity is < 1 or > MallItem.MaxQuota)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, string.Create(CultureInfo.InvariantCulture, $"Redemption '{redemptionId}': the quantity should be 1 to {MallItem.MaxQuota}; was {quantity}."));
        }
    }

    internal static void CheckStep(string redemptionId, Instant at)
    {
        Limits.CheckId(redemptionId, nameof(redemptionId));
        if (!Limits.IsSupported(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"Redemption '{redemptionId}': the instant should be within [{Limits.MinInstant}, {Limits.MaxInstant}).");
        }
    }

    /// <summary>
    /// The redeem decision, on the facts a store keeps: the redemption of that id if one exists, the units the item's
    /// redemptions hold and those the member holds, and the member's wallet (which reserves the points only when the
    /// limits allow). The in-memory stock and the stored one both decide here.
    /// </summary>
    internal static MallResult DecideRedeem(MallItem item, string id, MemberId member, int quantity, Instant at, MallRedemption? known, int taken, int held, PointsWallet wallet)
    {
        if (known is not null)
        {
            return known.Member == member && known.ItemId == item.ItemId && known.Quantity == quantity
                ? new MallResult(PointsOutcome.Duplicate, MallRefusal.None, $"Redemption '{id}' of {quantity} × '{item.ItemId}' by member {member} was made before ({known.Status}).", known, null)
                : Refused(MallRefusal.ConflictingDuplicate, $"Redemption '{id}' was {known.Quantity} × '{known.ItemId}' by member {known.Member}, not {quantity} × '{item.ItemId}' by member {member}.", known);
        }

        var left = item.Quota - taken;
        if (quantity > left)
        {
            return Refused(MallRefusal.QuotaExhausted, string.Create(CultureInfo.InvariantCulture, $"Item '{item.ItemId}' has {left} of its {item.Quota} units left; redemption '{id}' asks for {quantity}."), null);
        }

        if (quantity > item.PerMemberLimit - held)
        {
            return Refused(MallRefusal.MemberLimitReached, string.Create(CultureInfo.InvariantCulture, $"Member {member} holds {held} units of item '{item.ItemId}', its limit is {item.PerMemberLimit} a member; redemption '{id}' asks for {quantity}."), null);
        }

        var points = item.Points * quantity;
        var reserved = wallet.Reserve(id, points, at);
        if (!reserved.IsApplied)
        {
            return reserved.Refusal == PointsRefusal.InsufficientPoints
                ? Refused(MallRefusal.InsufficientPoints, $"Redemption '{id}' of {quantity} × '{item.ItemId}' costs {points.ToString(CultureInfo.InvariantCulture)} points: {reserved.Message}", null)
                : Refused(MallRefusal.ConflictingDuplicate, $"Redemption '{id}': the member's wallet has an order of that id already ({reserved.Message}).", null);
        }

        var redemption = new MallRedemption(id, item.ItemId, member, quantity, points, item.Price is { } p ? p * quantity : null, at, MallRedemptionStatus.Reserved, at);
        return new MallResult(PointsOutcome.Applied, MallRefusal.None, string.Create(CultureInfo.InvariantCulture, $"Redemption '{id}': {quantity} × '{item.ItemId}' for member {member}, {points} points reserved ({taken + quantity} of {item.Quota} units taken)."), redemption, reserved);
    }

    /// <summary>A step's decision on the redemption as stored and the member's wallet; the stored stock decides here too.</summary>
    internal static MallResult DecideStep(string id, MallRedemption? known, PointsWallet wallet, Instant at, MallRedemptionStatus to)
    {
        if (known is null)
        {
            return Refused(MallRefusal.UnknownRedemption, $"No redemption has id '{id}'.", null);
        }

        if (known.Status == to)
        {
            return new MallResult(PointsOutcome.Duplicate, MallRefusal.None, $"Redemption '{id}' was {to.ToString().ToLowerInvariant()} before.", known, null);
        }

        var from = to == MallRedemptionStatus.Refunded ? MallRedemptionStatus.Completed : MallRedemptionStatus.Reserved;
        if (known.Status != from)
        {
            return Refused(MallRefusal.StateConflict, $"Redemption '{id}' is {known.Status}; only a {from} redemption can be {to.ToString().ToLowerInvariant()}.", known);
        }

        var walletResult = to switch
        {
            MallRedemptionStatus.Completed => wallet.Commit(id, at),
            MallRedemptionStatus.Cancelled => wallet.Release(id, at),
            _ => wallet.Return(id, id, known.Points, at),
        };

        // A refused wallet step changed nothing: the host passed a wallet that is not the member's (or it was restored
        // from another state); the redemption cannot move without its points.
        if (walletResult.Outcome == PointsOutcome.Refused)
        {
            throw new ArgumentException($"Redemption '{id}' of member {known.Member}: the wallet passed refused its part ({walletResult.Message}); pass the member's own wallet.", nameof(wallet));
        }

        var moved = known.With(to, at);
        return new MallResult(PointsOutcome.Applied, MallRefusal.None, string.Create(CultureInfo.InvariantCulture, $"Redemption '{id}' {to.ToString().ToLowerInvariant()}: {known.Quantity} × '{known.ItemId}', {known.Points} points{(moved.HoldsUnits ? "" : ", units back to the quota")}."), moved, walletResult);
    }

    private static MallResult Refused(MallRefusal refusal, string message, MallRedemption? known) => new(PointsOutcome.Refused, refusal, message, known, null);
}
