using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// What a group-buy campaign has taken of its quota: per SKU the units reserved by open groups' seats, sold to formed
/// groups and withheld after refunds, per member the units and groups held, and every seat. A join reserves its units
/// within the window, the SKU's quota and the limits, or is refused naming the limit; a seat is released when its group
/// fails or is cancelled or the seat is cancelled before formation, sold when the group forms, and refunded after —
/// its units back to the quota or withheld, by the campaign's rule. For every SKU, at every step:
/// left + reserved + sold + withheld = quota.
/// </summary>
/// <remarks>
/// A seat's identity is its group and member: every step is idempotent (a resend answers
/// <see cref="CampaignQuotaOutcome.Duplicate"/> with the seat, before any limit is checked). Not thread-safe: one
/// writer per campaign, as a store or a lock serialises it.
/// </remarks>
public sealed partial class CampaignQuota
{
    private readonly Dictionary<(GroupBuyId Group, MemberId Member), CampaignSeat> _seats = [];
    private readonly Dictionary<MemberId, (int Units, int Groups)> _members = [];
    private readonly Dictionary<string, SkuCount> _counts = new(StringComparer.Ordinal);

    /// <summary>Starts a campaign's quota with nothing taken.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <exception cref="ArgumentNullException"><paramref name="campaign"/> is null.</exception>
    public CampaignQuota(GroupBuyCampaign campaign)
    {
        Campaign = campaign ?? throw new ArgumentNullException(nameof(campaign));
        foreach (var sku in campaign.Skus)
        {
            _counts[sku.SkuId] = new SkuCount();
        }
    }

    /// <summary>Gets the campaign.</summary>
    public GroupBuyCampaign Campaign { get; }

    /// <summary>Returns how many units of a SKU are left to reserve.</summary>
    /// <param name="skuId">The SKU.</param>
    /// <returns>The quota less what is reserved, sold and withheld.</returns>
    /// <exception cref="ArgumentException">The campaign does not sell the SKU.</exception>
    public int Left(string skuId) => Sku(skuId).Quota - Count(skuId).Taken;

    /// <summary>Returns how many units of a SKU open groups' seats hold.</summary>
    /// <param name="skuId">The SKU.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">The campaign does not sell the SKU.</exception>
    public int Reserved(string skuId) => Count(skuId).Reserved;

    /// <summary>Returns how many units of a SKU formed groups' seats hold.</summary>
    /// <param name="skuId">The SKU.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">The campaign does not sell the SKU.</exception>
    public int Sold(string skuId) => Count(skuId).Sold;

    /// <summary>Returns how many refunded units of a SKU stay out of the quota (a campaign whose refunds do not return it).</summary>
    /// <param name="skuId">The SKU.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">The campaign does not sell the SKU.</exception>
    public int Withheld(string skuId) => Count(skuId).Withheld;

    /// <summary>Returns the units and groups a member holds seats in (reserved or sold).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The units across SKUs and the groups.</returns>
    public (int Units, int Groups) HeldBy(MemberId member) => _members.GetValueOrDefault(member);

    /// <summary>Returns a member's seat in a group, or null.</summary>
    /// <param name="group">The group.</param>
    /// <param name="member">The member.</param>
    /// <returns>The seat as it stands.</returns>
    public CampaignSeat? Find(GroupBuyId group, MemberId member) => _seats.GetValueOrDefault((group, member));

    /// <summary>
    /// A member takes a seat of <paramref name="units"/> units of a SKU in a group (the leader opening it, or a joiner):
    /// the units are reserved from the SKU's quota.
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="skuId">The SKU.</param>
    /// <param name="units">The units, 1 to <see cref="CampaignSku.MaxQuota"/>.</param>
    /// <param name="at">When.</param>
    /// <returns>
    /// Applied (the seat <see cref="CampaignSeatStatus.Reserved"/>); a duplicate (the same seat, SKU and units again: the
    /// seat as it stands); or refused, checked in this order: <see cref="CampaignQuotaRefusal.ConflictingDuplicate"/>,
    /// <see cref="CampaignQuotaRefusal.OutsideWindow"/>, <see cref="CampaignQuotaRefusal.UnknownSku"/>,
    /// <see cref="CampaignQuotaRefusal.OrderLimitExceeded"/>, <see cref="CampaignQuotaRefusal.MemberUnitLimitReached"/>,
    /// <see cref="CampaignQuotaRefusal.MemberGroupLimitReached"/>, <see cref="CampaignQuotaRefusal.QuotaExhausted"/>.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="units"/> or <paramref name="at"/> is out of its range, or <paramref name="skuId"/> is not a valid id.</exception>
    public CampaignQuotaResult Reserve(GroupBuyId group, MemberId member, string skuId, int units, Instant at)
    {
        Limits.CheckId(skuId, nameof(skuId));
        CheckSeat(group, member, units, at);
        if (Find(group, member) is { } known)
        {
            return string.Equals(known.SkuId, skuId, StringComparison.Ordinal) && known.Units == units
                ? new(CampaignQuotaOutcome.Duplicate, CampaignQuotaRefusal.None, string.Create(CultureInfo.InvariantCulture, $"Member {member}'s seat in group {group} ({units} × '{skuId}') was reserved before; it is {known.Status}."), known)
                : Refused(CampaignQuotaRefusal.ConflictingDuplicate, string.Create(CultureInfo.InvariantCulture, $"Member {member}'s seat in group {group} is {known.Units} × '{known.SkuId}', not {units} × '{skuId}'."), known);
        }

        return ReserveNew(group, member, skuId, units, at);
    }

    // Reserve for a seat not seen before (the caller looked it up): the campaign's checks in order, then the seat.
    internal CampaignQuotaResult ReserveNew(GroupBuyId group, MemberId member, string skuId, int units, Instant at)
    {
        CheckSeat(group, member, units, at);
        if (!Campaign.IsOpenAt(at))
        {
            return Refused(CampaignQuotaRefusal.OutsideWindow, $"Campaign '{Campaign.Name}' takes joins from {Campaign.Starts} to {Campaign.Ends} (exclusive); the join is at {at}.", null);
        }

        if (Campaign.FindSku(skuId) is not { } sku)
        {
            return Refused(CampaignQuotaRefusal.UnknownSku, $"Campaign '{Campaign.Name}' does not sell SKU '{skuId}'.", null);
        }

        if (Campaign.MaxUnitsPerOrder is { } perOrder && units > perOrder)
        {
            return Refused(CampaignQuotaRefusal.OrderLimitExceeded, string.Create(CultureInfo.InvariantCulture, $"Campaign '{Campaign.Name}' sells at most {perOrder} units an order; member {member} asks for {units}."), null);
        }

        var held = HeldBy(member);
        if (Campaign.MaxUnitsPerMember is { } perMember && units > perMember - held.Units)
        {
            return Refused(CampaignQuotaRefusal.MemberUnitLimitReached, string.Create(CultureInfo.InvariantCulture, $"Member {member} holds {held.Units} units of campaign '{Campaign.Name}', its limit is {perMember} a member; the join asks for {units}."), null);
        }

        if (Campaign.MaxGroupsPerMember is { } groups && held.Groups >= groups)
        {
            return Refused(CampaignQuotaRefusal.MemberGroupLimitReached, string.Create(CultureInfo.InvariantCulture, $"Member {member} holds seats in {held.Groups} groups of campaign '{Campaign.Name}', its limit is {groups} a member."), null);
        }

        var left = sku.Quota - _counts[skuId].Taken;
        if (units > left)
        {
            return Refused(CampaignQuotaRefusal.QuotaExhausted, string.Create(CultureInfo.InvariantCulture, $"SKU '{skuId}' of campaign '{Campaign.Name}' has {left} of its {sku.Quota} units left; member {member} asks for {units}."), null);
        }

        var seat = new CampaignSeat(group, member, skuId, units, sku.CampaignPrice * units, CampaignSeatStatus.Reserved, at, at);
        Keep(seat);
        return CampaignQuotaResult.Reserved(seat, left - units, sku.Quota);
    }

    /// <summary>The group formed with the seat: its units are sold.</summary>
    /// <param name="group">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate (sold before, or sold and since refunded); or refused (<see cref="CampaignQuotaRefusal.UnknownSeat"/>, <see cref="CampaignQuotaRefusal.StateConflict"/> for a released seat).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is out of range.</exception>
    public CampaignQuotaResult Sell(GroupBuyId group, MemberId member, Instant at) => Step(group, member, at, CampaignSeatStatus.Sold);

    /// <summary>
    /// The seat goes before formation — its group failed or was cancelled, or the member cancelled it: its units go
    /// back to the quota and no longer count toward the member's limits.
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate; or refused (<see cref="CampaignQuotaRefusal.UnknownSeat"/>, <see cref="CampaignQuotaRefusal.StateConflict"/> for a sold seat: refund it).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is out of range.</exception>
    public CampaignQuotaResult Release(GroupBuyId group, MemberId member, Instant at) => Step(group, member, at, CampaignSeatStatus.Released);

    /// <summary>
    /// A sold seat is refunded after formation (the group stays formed): its units go back to the quota, or are withheld
    /// when the campaign's refunds do not return it, and no longer count toward the member's limits.
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate; or refused (<see cref="CampaignQuotaRefusal.UnknownSeat"/>, <see cref="CampaignQuotaRefusal.StateConflict"/> for a seat not sold).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is out of range.</exception>
    public CampaignQuotaResult Refund(GroupBuyId group, MemberId member, Instant at) => Step(group, member, at, CampaignSeatStatus.Refunded);

    private static CampaignQuotaResult Refused(CampaignQuotaRefusal refusal, string message, CampaignSeat? seat) => new(CampaignQuotaOutcome.Refused, refusal, message, seat);

    private static void CheckSeat(GroupBuyId group, MemberId member, int units, Instant at)
    {
        if (units is < 1 or > CampaignSku.MaxQuota)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, string.Create(CultureInfo.InvariantCulture, $"Group {group}, member {member}: units should be 1 to {CampaignSku.MaxQuota}; was {units}."));
        }

        CheckInstant(at);
    }

    private static void CheckInstant(Instant at)
    {
        if (!Limits.IsSupported(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"The instant should be within [{Limits.MinInstant}, {Limits.MaxInstant}).");
        }
    }

    private CampaignQuotaResult Step(GroupBuyId group, MemberId member, Instant at, CampaignSeatStatus to)
    {
        CheckInstant(at);
        if (Find(group, member) is not { } seat)
        {
            return Refused(CampaignQuotaRefusal.UnknownSeat, $"Member {member} has no seat in group {group} of campaign '{Campaign.Name}'.", null);
        }

        // Seen again — the same step, or a sale of a seat refunded since — it answers with the seat as it stands.
        if (seat.Status == to || (to == CampaignSeatStatus.Sold && seat.Status == CampaignSeatStatus.Refunded))
        {
            return new(CampaignQuotaOutcome.Duplicate, CampaignQuotaRefusal.None, $"Member {member}'s seat in group {group} was {to.ToString().ToLowerInvariant()} before; it is {seat.Status}.", seat);
        }

        var from = to == CampaignSeatStatus.Refunded ? CampaignSeatStatus.Sold : CampaignSeatStatus.Reserved;
        if (seat.Status != from || seat.ReservedAt > at)
        {
            return Refused(CampaignQuotaRefusal.StateConflict, $"Member {member}'s seat in group {group} is {seat.Status} since {seat.ChangedAt}; only a {from} seat can be {to.ToString().ToLowerInvariant()}, at or after its reservation.", seat);
        }

        var moved = seat with { Status = to, ChangedAt = at };
        Account(seat, -1);
        Keep(moved);
        return CampaignQuotaResult.Moved(moved, Campaign.RefundReturnsQuota || to == CampaignSeatStatus.Released);
    }

    /// <summary>
    /// A quota loaded as far as one command on one group needs it (a store's rows): the SKU's counts, the members'
    /// holdings and the group's seats. The command's steps then move exactly these, and the store writes back
    /// <see cref="CountsOf"/>, <see cref="HeldBy"/> and the result's seats.
    /// </summary>
    internal static CampaignQuota Loaded(GroupBuyCampaign campaign, string skuId, (int Reserved, int Sold, int Withheld) counts, IEnumerable<KeyValuePair<MemberId, (int Units, int Groups)>> members, IEnumerable<CampaignSeat> seats)
    {
        var quota = new CampaignQuota(campaign);
        var count = quota.Count(skuId);
        (count.Reserved, count.Sold, count.Withheld) = counts;
        foreach (var (member, held) in members)
        {
            quota._members[member] = held;
        }

        foreach (var seat in seats)
        {
            quota._seats[(seat.Group, seat.Member)] = seat;
        }

        return quota;
    }

    /// <summary>A SKU's counts as they now stand.</summary>
    internal (int Reserved, int Sold, int Withheld) CountsOf(string skuId)
    {
        var count = Count(skuId);
        return (count.Reserved, count.Sold, count.Withheld);
    }

    // Takes back a reservation made within one command that the group then refused (nobody saw it: the caller holds
    // the campaign's lock), so the seat's identity is not spent.
    internal void Forget(CampaignSeat seat)
    {
        _seats.Remove((seat.Group, seat.Member));
        Account(seat, -1);
    }

    // Keeps a seat as it now stands and counts it: its units by status, and toward its member while it holds them.
    private void Keep(CampaignSeat seat)
    {
        _seats[(seat.Group, seat.Member)] = seat;
        Account(seat, +1);
    }

    // Adds (+1) or takes away (−1) what a seat in its status counts toward its SKU and its member.
    private void Account(CampaignSeat seat, int sign)
    {
        var units = sign * seat.Units;
        var count = _counts[seat.SkuId];
        switch (seat.Status)
        {
            case CampaignSeatStatus.Reserved:
                count.Reserved += units;
                break;
            case CampaignSeatStatus.Sold:
                count.Sold += units;
                break;
            case CampaignSeatStatus.Refunded when !Campaign.RefundReturnsQuota:
                count.Withheld += units;
                break;
        }

        if (seat.HoldsUnits)
        {
            ref var held = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_members, seat.Member, out _);
            held = (held.Units + units, held.Groups + sign);
        }
    }

    private CampaignSku Sku(string skuId) =>
        Campaign.FindSku(skuId) ?? throw new ArgumentException($"Campaign '{Campaign.Name}' does not sell SKU '{skuId}'.", nameof(skuId));

    private SkuCount Count(string skuId)
    {
        Sku(skuId);
        return _counts[skuId];
    }

    private sealed class SkuCount
    {
        public int Reserved { get; set; }

        public int Sold { get; set; }

        public int Withheld { get; set; }

        public int Taken => Reserved + Sold + Withheld;
    }
}
