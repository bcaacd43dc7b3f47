using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.Network;
using SocialCommerce.Points;
using SocialCommerce.Telemetry;

namespace SocialCommerce.EntityFrameworkCore.Points;

/// <summary>
/// The points mall (积分商城) on the database: redemptions within an item's quota and per-member limit, paid from the
/// member's stored wallet. A redemption reads the item's count, the member's count and wallet, lets Core decide
/// (<see cref="MallStock"/>'s rule), and writes the counts, the redemption and the wallet under their versions in one
/// transaction, so the quota and the limit hold exactly whatever the concurrency, across instances, and points are
/// never taken without the units nor units without the points. Every command answers a resend — after a crash, a lost
/// acknowledgement, on another instance — with its first outcome. Items are registered with <c>AddMallItem</c>.
/// Thread-safe.
/// </summary>
public sealed class StoredMall
{
    private readonly StoreExecutor _store;
    private readonly Func<string, MallItem?> _items;
    private readonly WalletRows _wallets = new();
    private readonly SocialCommerceListener? _listener;

    internal StoredMall(StoreExecutor store, Func<string, MallItem?> items, SocialCommerceListener? listener = null)
    {
        _store = store;
        _items = items;
        _listener = listener;
    }

    /// <summary>Redeems units of an item for a member (<see cref="MallStock.Redeem"/>): takes them within the limits and reserves their points in the member's wallet.</summary>
    /// <param name="itemId">The registered item.</param>
    /// <param name="redemptionId">The redemption's id, unique in the store: the command's identity and its wallet order id.</param>
    /// <param name="member">The member.</param>
    /// <param name="quantity">1 to <see cref="MallItem.MaxQuota"/> units.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command (nothing is stored unless it committed).</param>
    /// <returns>Core's result; refusals name the limit.</returns>
    /// <exception cref="ArgumentException">An id, the quantity or the instant is out of range.</exception>
    /// <exception cref="InvalidOperationException">The item is not registered.</exception>
    /// <exception cref="StoreConflictException">Other instances changed the item, the member's count or wallet first, every attempt.</exception>
    public Task<MallResult> RedeemAsync(string itemId, string redemptionId, MemberId member, int quantity, Instant at, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(itemId, nameof(itemId));
        StoredIds.Check(redemptionId, nameof(redemptionId));
        MallStock.CheckRedeem(redemptionId, quantity, at);
        var item = _items(itemId) ?? throw new InvalidOperationException($"Mall item '{itemId}' is not registered: call AddMallItem on the SocialCommerce builder.");
        return RedeemCoreAsync(item, redemptionId, member, quantity, at, cancellationToken);
    }

    private async Task<MallResult> RedeemCoreAsync(MallItem item, string redemptionId, MemberId member, int quantity, Instant at, CancellationToken cancellationToken)
    {
        var itemId = item.ItemId;
        var redeemed = await _store.RunAsync($"redeem {quantity} × mall item '{itemId}' for member {member} (redemption '{redemptionId}')", "mall-item/" + itemId, async (db, _, ct) =>
        {
            var known = await db.Set<MallRedemptionRow>().AsNoTracking().FirstOrDefaultAsync(r => r.RedemptionId == redemptionId, ct).ConfigureAwait(false);
            var taken = await db.Set<MallItemRow>().FirstOrDefaultAsync(r => r.ItemId == itemId, ct).ConfigureAwait(false);
            var held = await db.Set<MallHolderRow>().FirstOrDefaultAsync(r => r.MemberId == member.Value && r.ItemId == itemId, ct).ConfigureAwait(false);
            return await _wallets.DecideAsync(
                db,
                member,
                wallet =>
                {
                    var result = MallStock.DecideRedeem(item, redemptionId, member, quantity, at, known is null ? null : Load(known), taken?.Taken ?? 0, held?.Held ?? 0, wallet);
                    return (result, result.IsApplied ? wallet : null);
                },
                ct,
                save: async result =>
                {
                    // Both counts move under their versions (a new count is a new key): a rival redemption in between
                    // fails this attempt, which decides again on what it wrote.
                    if (taken is null)
                    {
                        db.Add(taken = new MallItemRow { ItemId = itemId });
                    }

                    if (held is null)
                    {
                        db.Add(held = new MallHolderRow { MemberId = member.Value, ItemId = itemId });
                    }

                    Move(taken, held, quantity);
                    db.Add(NewRow(result.Redemption!));
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        CommittedReport.To(_listener, static (l, a) => l.OnMall(a), new MallArguments(itemId, "redeem", redeemed));
        return redeemed;
    }

    /// <summary>The money part was paid, or the host confirms a points-only redemption (<see cref="MallStock.Complete"/>): the reserved points are spent.</summary>
    /// <param name="redemptionId">The redemption.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result; <see cref="MallRefusal.UnknownRedemption"/> when no such redemption was made.</returns>
    public Task<MallResult> CompleteAsync(string redemptionId, Instant at, CancellationToken cancellationToken = default) =>
        StepAsync("complete", redemptionId, at, MallRedemptionStatus.Completed, cancellationToken);

    /// <summary>Cancels a redemption before completion (<see cref="MallStock.Cancel"/>): its points are released and its units go back to the quota.</summary>
    /// <param name="redemptionId">The redemption.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result.</returns>
    public Task<MallResult> CancelAsync(string redemptionId, Instant at, CancellationToken cancellationToken = default) =>
        StepAsync("cancel", redemptionId, at, MallRedemptionStatus.Cancelled, cancellationToken);

    /// <summary>Refunds a completed redemption (<see cref="MallStock.Refund"/>): its points return to their lots and its units to the quota.</summary>
    /// <param name="redemptionId">The redemption.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result.</returns>
    public Task<MallResult> RefundAsync(string redemptionId, Instant at, CancellationToken cancellationToken = default) =>
        StepAsync("refund", redemptionId, at, MallRedemptionStatus.Refunded, cancellationToken);

    /// <summary>Reads a redemption as committed, or null when none has that id.</summary>
    /// <param name="redemptionId">The redemption.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The redemption.</returns>
    public Task<MallRedemption?> GetAsync(string redemptionId, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(redemptionId, nameof(redemptionId));
        return _store.RunAsync($"read redemption '{redemptionId}'", async (db, _, ct) =>
        {
            var row = await db.Set<MallRedemptionRow>().AsNoTracking().FirstOrDefaultAsync(r => r.RedemptionId == redemptionId, ct).ConfigureAwait(false);
            return row is null ? null : Load(row);
        }, cancellationToken);
    }

    /// <summary>Reads how many units of an item reserved or completed redemptions hold, in all or for one member.</summary>
    /// <param name="itemId">The item.</param>
    /// <param name="member">One member, or null for the item's total.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count as committed.</returns>
    public Task<int> CountTakenAsync(string itemId, MemberId? member = null, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(itemId, nameof(itemId));
        return _store.RunAsync($"count the units of mall item '{itemId}'", async (db, _, ct) => member is { } m
            ? await db.Set<MallHolderRow>().AsNoTracking().Where(r => r.MemberId == m.Value && r.ItemId == itemId).Select(r => r.Held).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : await db.Set<MallItemRow>().AsNoTracking().Where(r => r.ItemId == itemId).Select(r => r.Taken).FirstOrDefaultAsync(ct).ConfigureAwait(false), cancellationToken);
    }

    // A step's one command path: the redemption's row, then its member's wallet and (when units return) counts, decided
    // by Core and written together under their versions.
    private Task<MallResult> StepAsync(string verb, string redemptionId, Instant at, MallRedemptionStatus to, CancellationToken cancellationToken)
    {
        StoredIds.Check(redemptionId, nameof(redemptionId));
        MallStock.CheckStep(redemptionId, at);
        return StepCoreAsync(verb, redemptionId, at, to, cancellationToken);
    }

    private async Task<MallResult> StepCoreAsync(string verb, string redemptionId, Instant at, MallRedemptionStatus to, CancellationToken cancellationToken)
    {
        var stepped = await _store.RunAsync($"{verb} redemption '{redemptionId}'", "mall-redemption/" + redemptionId, async (db, _, ct) =>
        {
            var row = await db.Set<MallRedemptionRow>().FirstOrDefaultAsync(r => r.RedemptionId == redemptionId, ct).ConfigureAwait(false);
            if (row is null)
            {
                return MallStock.DecideStep(redemptionId, null, new PointsWallet(), at, to);
            }

            var known = Load(row);
            return await _wallets.DecideAsync(
                db,
                known.Member,
                wallet =>
                {
                    var result = MallStock.DecideStep(redemptionId, known, wallet, at, to);
                    return (result, result.IsApplied ? wallet : null);
                },
                ct,
                save: async result =>
                {
                    var moved = result.Redemption!;
                    row.Status = (int)moved.Status;
                    row.ChangedAt = StoredJson.Ticks(moved.ChangedAt);
                    row.Version++;
                    if (!moved.HoldsUnits)
                    {
                        var taken = await db.Set<MallItemRow>().FirstAsync(r => r.ItemId == moved.ItemId, ct).ConfigureAwait(false);
                        var held = await db.Set<MallHolderRow>().FirstAsync(r => r.MemberId == moved.Member.Value && r.ItemId == moved.ItemId, ct).ConfigureAwait(false);
                        Move(taken, held, -moved.Quantity);
                    }

                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        CommittedReport.To(_listener, static (l, a) => l.OnMall(a), new MallArguments(stepped.Redemption?.ItemId ?? "unknown", verb, stepped));
        return stepped;
    }

    private static void Move(MallItemRow taken, MallHolderRow held, int units)
    {
        taken.Taken += units;
        taken.Version++;
        held.Held += units;
        held.Version++;
    }

    private static MallRedemptionRow NewRow(MallRedemption r) => new()
    {
        RedemptionId = r.RedemptionId,
        ItemId = r.ItemId,
        MemberId = r.Member.Value,
        Quantity = r.Quantity,
        Points = r.Points,
        PriceMinor = r.Price?.ToMinorUnits(),
        PriceMinorUnit = r.Price?.Currency.MinorUnit ?? 0,
        PriceCurrency = r.Price?.Currency.Code,
        RedeemedAt = StoredJson.Ticks(r.RedeemedAt),
        Status = (int)r.Status,
        ChangedAt = StoredJson.Ticks(r.ChangedAt),
        Version = 1,
    };

    private static MallRedemption Load(MallRedemptionRow r)
    {
        if (!Enum.IsDefined((MallRedemptionStatus)r.Status) || r.Quantity < 1 || r.Points < 1 || (r.PriceMinor is null) != (r.PriceCurrency is null))
        {
            throw new StoreSchemaException($"SocialCommerce store: redemption '{r.RedemptionId}' in sc_mall_redemptions is not a valid redemption (status {r.Status}, quantity {r.Quantity}, points {r.Points}, price {r.PriceMinor} {r.PriceCurrency}).");
        }

        Money? price = r.PriceMinor is { } minor ? Money.FromMinorUnits(minor, Commissions.StoredAccounts.CurrencyOf(r.PriceCurrency!, r.PriceMinorUnit)) : null;
        return new MallRedemption(r.RedemptionId, r.ItemId, new MemberId(r.MemberId), r.Quantity, r.Points, price, StoredJson.Instant(r.RedeemedAt), (MallRedemptionStatus)r.Status, StoredJson.Instant(r.ChangedAt));
    }
}
