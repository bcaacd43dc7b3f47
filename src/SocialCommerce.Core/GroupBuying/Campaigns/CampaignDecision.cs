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
            quota.Forget(reserved.Seat!); // the group refused the arguments: nothing is half-applied
            throw;
        }

        if (group is null)
        {
            quota.Forget(reserved.Seat!);
            return new CampaignResult(result, CampaignQuotaRefusal.None, null, []);
        }

        return Carry(quota, group, result, reserved.Seat);
    }

    /// <summary>
    /// A member joins: seen before (a seat exists) or no longer open, the group answers first and nothing is reserved;
    /// otherwise the campaign reserves the units, then the group decides, and a join it refuses takes the reservation back.
    /// </summary>
    public static CampaignResult Join(CampaignQuota quota, GroupBuy group, MemberId member, int units, Instant at, ParticipantFacts facts)
    {
        if (group.Status != GroupBuyStatus.Open || quota.Find(group.Id, member) is not null)
        {
            return new CampaignResult(group.Join(member, at, facts, units), CampaignQuotaRefusal.None, null, []);
        }

        var reserved = quota.ReserveNew(group.Id, member, quota.Campaign.SkuOf(group.Rule.Name), units, at);
        if (!reserved.IsApplied)
        {
            return CampaignResult.Refused(group.Id, member, reserved);
        }

        GroupBuyResult result;
        try
        {
            result = group.Join(member, at, facts, units);
        }
        catch (ArgumentException)
        {
            quota.Forget(reserved.Seat!); // an instant before the group opened: nothing is half-applied
            throw;
        }

        if (!result.IsApplied)
        {
            quota.Forget(reserved.Seat!);
            return new CampaignResult(result, CampaignQuotaRefusal.None, null, []);
        }

        return Carry(quota, group, result, reserved.Seat);
    }

    /// <summary>
    /// Carries a group's answer into the quota: formation sells every seat, failure and cancellation release the seats
    /// of <paramref name="before"/> (the participants before the command), leaving releases the leaver's, a refund after
    /// formation refunds it. A refusal or a duplicate changes nothing.
    /// </summary>
    public static CampaignResult Carry(CampaignQuota quota, GroupBuy group, GroupBuyResult result, CampaignSeat? reserved, MemberId[]? before = null)
    {
        if (!result.IsApplied)
        {
            return new CampaignResult(result, CampaignQuotaRefusal.None, null, []);
        }

        List<CampaignSeat>? seats = null; // made only when an event moves seats beyond the one reserved
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case GroupFormed formed:
                    foreach (var settlement in formed.Settlements)
                    {
                        (seats ??= reserved is null ? [] : [reserved]).Add(Moved(quota.Sell(group.Id, settlement.Member, When(quota, group, settlement.Member, formed.At))));
                    }

                    break;
                case GroupFailed or GroupCancelled:
                    foreach (var member in before ?? [])
                    {
                        (seats ??= reserved is null ? [] : [reserved]).Add(Moved(quota.Release(group.Id, member, When(quota, group, member, e.At))));
                    }

                    break;
                case MemberLeft left:
                    (seats ??= reserved is null ? [] : [reserved]).Add(Moved(quota.Release(group.Id, left.Member, When(quota, group, left.Member, left.At))));
                    break;
                case SeatRefunded refunded:
                    (seats ??= reserved is null ? [] : [reserved]).Add(Moved(quota.Refund(group.Id, refunded.Member, When(quota, group, refunded.Member, refunded.At))));
                    break;
            }
        }

        return new CampaignResult(result, CampaignQuotaRefusal.None, null, seats ?? (reserved is null ? [] : [reserved]));
    }

    // A seat changes at the event's instant, or at its reservation when the host's instants ran backwards (a group takes
    // joins in any order of their instants; a seat never changes before it was reserved).
    private static Instant When(CampaignQuota quota, GroupBuy group, MemberId member, Instant at) =>
        quota.Find(group.Id, member) is { } seat && seat.ReservedAt > at ? seat.ReservedAt : at;

    // Every seat a group event names was reserved in the group's state the event leaves: a refusal here is a broken
    // invariant (or a store that did not load the seat), not an outcome.
    private static CampaignSeat Moved(CampaignQuotaResult step) =>
        step.IsApplied ? step.Seat! : throw new InvalidOperationException($"The campaign's quota did not follow its group: {step.Message}");
}
