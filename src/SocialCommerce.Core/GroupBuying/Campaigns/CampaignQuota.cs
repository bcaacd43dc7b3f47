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
    // Seats live with their group, as values without references (CampaignSeatRow): a join touches its group's rows,
    // never a table the size of the campaign, and the garbage collector neither traces them nor promotes them object by
    // object; a CampaignSeat is made when a caller reads one. Holdings are values too.
    private readonly Dictionary<GroupBuyId, CampaignGroupSeats> _seats = [];
    private readonly CampaignHoldings _members = new();
    private readonly SkuCount[] _counts;

    /// <summary>Starts a campaign's quota with nothing taken.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <exception cref="ArgumentNullException"><paramref name="campaign"/> is null.</exception>
    public CampaignQuota(GroupBuyCampaign campaign)
    {
        Campaign = campaign ?? throw new ArgumentNullException(nameof(campaign));
        _counts = new SkuCount[campaign.Skus.Count];
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] = new SkuCount();
        }
    }

    /// <summary>Gets the campaign.</summary>
    public GroupBuyCampaign Campaign { get; }

    /// <summary>Returns how many units of a SKU are left to reserve.</summary>
    /// <param name="skuId">The SKU.</param>
    /// <returns>The quota less what is reserved, sold and withheld.</returns>
    /// <exception cref="ArgumentException">The campaign does not sell the SKU.</exception>
    public int Left(string skuId)
    {
        var sku = IndexOf(skuId);
        return Campaign.Skus[sku].Quota - _counts[sku].Taken;
    }

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
    public (int Units, int Groups) HeldBy(MemberId member) => _members.Get(member);

    /// <summary>Returns a member's seat in a group, or null.</summary>
    /// <param name="group">The group.</param>
    /// <param name="member">The member.</param>
    /// <returns>The seat as it stands.</returns>
    public CampaignSeat? Find(GroupBuyId group, MemberId member) => TryFind(group, member, out var row) ? row.ToSeat(Campaign) : null;

    // A member's seat in a group as the quota keeps it.
    internal bool TryFind(GroupBuyId group, MemberId member, out CampaignSeatRow row)
    {
        var at = Locate(group, member, out var seats);
        row = at >= 0 ? seats![at] : default;
        return at >= 0;
    }

    // Whether a member holds a seat (of any status) in a group.
    internal bool Holds(GroupBuyId group, MemberId member) => Locate(group, member, out _) >= 0;

    // A member's position among its group's seats (-1 when it has none), and the group's seats (null when none).
    private int Locate(GroupBuyId group, MemberId member, out CampaignGroupSeats? seats) =>
        _seats.TryGetValue(group, out seats) ? seats.IndexOf(member) : -1;

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

        var sku = Campaign.IndexOfSku(skuId);
        return TakeNew(group, member, skuId, sku, units, at, out var row)
            ?? CampaignQuotaResult.Reserved(row.ToSeat(Campaign), Campaign.Skus[sku].Quota - _counts[sku].Taken, Campaign.Skus[sku].Quota);
    }

    // Reserves a seat not seen before (the caller looked it up) of SKU skuId, whose index is sku (-1 when the campaign
    // does not sell it): the campaign's checks in order, then the seat. Null when reserved (the seat is row: nothing is
    // allocated), the refusal otherwise.
    internal CampaignQuotaResult? TakeNew(GroupBuyId group, MemberId member, string skuId, int sku, int units, Instant at, out CampaignSeatRow row)
    {
        CheckSeat(group, member, units, at);
        row = default;
        if (!Campaign.IsOpenAt(at))
        {
            return Refused(CampaignQuotaRefusal.OutsideWindow, $"Campaign '{Campaign.Name}' takes joins from {Campaign.Starts} to {Campaign.Ends} (exclusive); the join is at {at}.", null);
        }

        if (sku < 0)
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

        var quota = Campaign.Skus[sku].Quota;
        var left = quota - _counts[sku].Taken;
        if (units > left)
        {
            return Refused(CampaignQuotaRefusal.QuotaExhausted, string.Create(CultureInfo.InvariantCulture, $"SKU '{skuId}' of campaign '{Campaign.Name}' has {left} of its {quota} units left; member {member} asks for {units}."), null);
        }

        row = new CampaignSeatRow(group, member, sku, units, CampaignSeatStatus.Reserved, at, at);
        Keep(row);
        return null;
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

    private CampaignQuotaResult Step(GroupBuyId group, MemberId member, Instant at, CampaignSeatStatus to) =>
        Move(group, member, at, to, out var moved) ?? CampaignQuotaResult.Moved(moved.ToSeat(Campaign), Campaign.RefundReturnsQuota || to == CampaignSeatStatus.Released);

    // Moves a seat to status `to` (sold, released, refunded): null when moved (the seat is `moved`: nothing is
    // allocated), the duplicate or the refusal otherwise. Following its group (notBeforeReservation), a seat changes at
    // its reservation when the host's instants ran backwards (a group takes joins in any order of their instants).
    internal CampaignQuotaResult? Move(GroupBuyId group, MemberId member, Instant at, CampaignSeatStatus to, out CampaignSeatRow moved, bool notBeforeReservation = false)
    {
        CheckInstant(at);
        moved = default;
        var position = Locate(group, member, out var groupSeats);
        if (position < 0)
        {
            return Refused(CampaignQuotaRefusal.UnknownSeat, $"Member {member} has no seat in group {group} of campaign '{Campaign.Name}'.", null);
        }

        ref var seat = ref groupSeats![position];
        if (notBeforeReservation && seat.ReservedAt > at)
        {
            at = seat.ReservedAt;
        }

        // Seen again — the same step, or a sale of a seat refunded since — it answers with the seat as it stands.
        if (seat.Status == to || (to == CampaignSeatStatus.Sold && seat.Status == CampaignSeatStatus.Refunded))
        {
            return new(CampaignQuotaOutcome.Duplicate, CampaignQuotaRefusal.None, $"Member {member}'s seat in group {group} was {to.ToString().ToLowerInvariant()} before; it is {seat.Status}.", seat.ToSeat(Campaign));
        }

        var from = to == CampaignSeatStatus.Refunded ? CampaignSeatStatus.Sold : CampaignSeatStatus.Reserved;
        if (seat.Status != from || seat.ReservedAt > at)
        {
            return Refused(CampaignQuotaRefusal.StateConflict, $"Member {member}'s seat in group {group} is {seat.Status} since {seat.ChangedAt}; only a {from} seat can be {to.ToString().ToLowerInvariant()}, at or after its reservation.", seat.ToSeat(Campaign));
        }

        moved = seat with { Status = to, ChangedAt = at };
        Account(seat, -1);
        seat = moved;
        Account(moved, +1);
        return null;
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
            quota._members.Set(member, held);
        }

        foreach (var seat in seats)
        {
            quota.Seat(CampaignSeatRow.Of(seat, quota.IndexOf(seat.SkuId)));
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
    internal void Forget(GroupBuyId group, MemberId member)
    {
        var at = Locate(group, member, out var seats);
        if (at >= 0)
        {
            Account(seats![at], -1);
            seats.RemoveAt(at);
        }
    }

    // Keeps a new seat (its member has none in the group) and counts it: its units by status, and toward its member
    // while it holds them.
    private void Keep(in CampaignSeatRow seat)
    {
        Seat(seat);
        Account(seat, +1);
    }

    // Adds a new seat to its group's, without counting it.
    private void Seat(in CampaignSeatRow seat)
    {
        ref var seats = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_seats, seat.Group, out _);
        (seats ??= new CampaignGroupSeats(Campaign.Rule?.Capacity ?? 2)).Add(seat);
    }

    // Adds (+1) or takes away (−1) what a seat in its status counts toward its SKU and its member.
    private void Account(in CampaignSeatRow seat, int sign)
    {
        var units = sign * seat.Units;
        var count = _counts[seat.Sku];
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
            _members.Add(seat.Member, units, sign);
        }
    }

    private SkuCount Count(string skuId) => _counts[IndexOf(skuId)];

    private int IndexOf(string skuId)
    {
        var index = Campaign.IndexOfSku(skuId);
        return index >= 0 ? index : throw new ArgumentException($"Campaign '{Campaign.Name}' does not sell SKU '{skuId}'.", nameof(skuId));
    }

    private sealed class SkuCount
    {
        public int Reserved { get; set; }

        public int Sold { get; set; }

        public int Withheld { get; set; }

        public int Taken => Reserved + Sold + Withheld;
    }
}
