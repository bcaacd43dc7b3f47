using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// How a command on a campaign's group decides, on a group and the quota as far as the command needs them: the one
/// decision both the in-memory <see cref="CampaignBook"/> and a store run (the store loads the group, the SKU's counts,
/// the group's seats and the members concerned into a <see cref="CampaignQuota"/>). The caller serialises: it holds the
/// campaign's lock, or the store's rows.
/// </summary>
internal static class CampaignDecision
{
    /// <summary>A leader opens group <paramref name="id"/>: the seat's units are reserved, then the group opens; a group that refuses reserves nothing.</summary>
    public static CampaignResult Open(CampaignQuota quota, GroupBuyId id, string skuId, MemberId leader, int units, Instant at, int openGroups, out GroupBuy? group)
    {
        var reserved = quota.Reserve(id, leader, skuId, units, at);
        if (!reserved.IsApplied)
        {
            group = null;
            return CampaignResult.Refused(id, leader, reserved);
        }

        GroupBuyResult result;
        try
        {
            result = GroupBuy.TryOpen(id, quota.Campaign.RuleFor(skuId), leader, at, out group, new ParticipantFacts(false, openGroups), units);
        }
        catch (ArgumentException)
        {
            quota.Forget(id, leader); // the group refused the arguments: nothing is half-applied
            throw;
        }

        if (group is null)
        {
            quota.Forget(id, leader);
            return new CampaignResult(result, CampaignQuotaRefusal.None, null, []);
        }

        quota.TryFind(id, leader, out var seat);
        return Carry(quota, group, result, seat);
    }

    /// <summary>
    /// A member joins: seen before (a seat exists) or no longer open, the group answers first and nothing is reserved;
    /// otherwise the campaign reserves the units, then the group decides, and a join it refuses takes the reservation back.
    /// </summary>
    public static CampaignResult Join(CampaignQuota quota, GroupBuy group, MemberId member, int units, Instant at, ParticipantFacts facts)
    {
        if (group.Status != GroupBuyStatus.Open || quota.Holds(group.Id, member))
        {
            return new CampaignResult(group.Join(member, at, facts, units), CampaignQuotaRefusal.None, null, []);
        }

        var sku = quota.Campaign.IndexOfRule(group.Rule.Name);
        if (quota.TakeNew(group.Id, member, quota.Campaign.Skus[sku].SkuId, sku, units, at, out var reserved) is { } refused)
        {
            return CampaignResult.Refused(group.Id, member, refused);
        }

        GroupBuyResult result;
        try
        {
            result = group.Join(member, at, facts, units);
        }
        catch (ArgumentException)
        {
            quota.Forget(group.Id, member); // an instant before the group opened: nothing is half-applied
            throw;
        }

        if (!result.IsApplied)
        {
            quota.Forget(group.Id, member);
            return new CampaignResult(result, CampaignQuotaRefusal.None, null, []);
        }

        return Carry(quota, group, result, reserved);
    }

    /// <summary>
    /// Carries a group's answer into the quota: formation sells every seat, failure and cancellation release the seats
    /// of <paramref name="before"/> (the participants before the command), leaving releases the leaver's, a refund after
    /// formation refunds it. A refusal or a duplicate changes nothing.
    /// </summary>
    public static CampaignResult Carry(CampaignQuota quota, GroupBuy group, GroupBuyResult result, CampaignSeatRow? reserved, MemberId[]? before = null)
    {
        if (!result.IsApplied)
        {
            return new CampaignResult(result, CampaignQuotaRefusal.None, null, []);
        }

        List<CampaignSeatRow>? seats = null; // made only when an event moves seats beyond the one reserved
        var events = result.Events;
        for (var i = 0; i < events.Count; i++) // by index: a foreach over the list would allocate its enumerator on every join
        {
            var e = events[i];
            switch (e)
            {
                case GroupFormed formed:
                    seats ??= Started(reserved, formed.Settlements.Count);
                    foreach (var settlement in formed.Settlements)
                    {
                        seats.Add(Moved(quota, group, settlement.Member, formed.At, CampaignSeatStatus.Sold));
                    }

                    break;
                case GroupFailed or GroupCancelled:
                    seats ??= Started(reserved, before?.Length ?? 0);
                    foreach (var member in before ?? [])
                    {
                        seats.Add(Moved(quota, group, member, e.At, CampaignSeatStatus.Released));
                    }

                    break;
                case MemberLeft left:
                    (seats ??= Started(reserved, 1)).Add(Moved(quota, group, left.Member, left.At, CampaignSeatStatus.Released));
                    break;
                case SeatRefunded refunded:
                    (seats ??= Started(reserved, 1)).Add(Moved(quota, group, refunded.Member, refunded.At, CampaignSeatStatus.Refunded));
                    break;
            }
        }

        return seats is not null ? new CampaignResult(result, quota.Campaign, seats)
            : reserved is { } seat ? new CampaignResult(result, quota.Campaign, seat)
            : new CampaignResult(result, CampaignQuotaRefusal.None, null, []);
    }

    // The seats a command changed start with the one it reserved, as it was reserved.
    private static List<CampaignSeatRow> Started(CampaignSeatRow? reserved, int more)
    {
        var seats = new List<CampaignSeatRow>(more + 1);
        if (reserved is { } seat)
        {
            seats.Add(seat);
        }

        return seats;
    }

    // Every seat a group event names was reserved in the group's state the event leaves: a refusal here is a broken
    // invariant (or a store that did not load the seat), not an outcome. A seat changes at the event's instant, or at
    // its reservation when the host's instants ran backwards (a seat never changes before it was reserved).
    private static CampaignSeatRow Moved(CampaignQuota quota, GroupBuy group, MemberId member, Instant at, CampaignSeatStatus to)
    {
        return quota.Move(group.Id, member, at, to, out var moved, notBeforeReservation: true) is { } step
            ? throw new InvalidOperationException($"The campaign's quota did not follow its group: {step.Message}")
            : moved;
    }
}
