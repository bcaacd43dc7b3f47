using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// A group-buy campaign's groups and quota together, in memory and thread-safe: a join reserves the seat's units from
/// the SKU's quota within the campaign's limits, the group's formation sells every seat, its failure or cancellation and
/// a member's leaving release them, a refund after formation returns them or not by the campaign's rule. The quota is
/// never oversold, whatever the concurrency; every command is answered exactly once.
/// </summary>
/// <remarks>
/// <para>
/// Groups are <see cref="GroupBuy"/> aggregates under the campaign's rule priced per SKU
/// (<see cref="GroupBuyCampaign.RuleFor"/>); the quota is a <see cref="CampaignQuota"/>. One lock serialises the
/// campaign's commands (a join decides from the SKU's units left, shared by every group of the campaign), so a
/// command's group and quota change together or not at all.
/// </para>
/// <para>
/// A join is checked by the group first when the group is no longer open (formed, failed, cancelled), then by the
/// campaign (window, SKU, units per order, units per member, groups per member, quota left), then by the group
/// (deadline, seats, units per seat, new members, open groups). A command seen again answers its first outcome before
/// any check.
/// </para>
/// </remarks>
public sealed class CampaignBook
{
    private readonly object _gate = new();
    private CampaignQuota _quota;
    private readonly Dictionary<GroupBuyId, GroupBuy> _groups = [];
    private readonly SortedDictionary<long, GroupBuy> _open = [];
    private readonly Dictionary<MemberId, int> _openGroups = [];
    private readonly Dictionary<string, GroupBuyId> _openings = new(StringComparer.Ordinal);
    private readonly SocialCommerceListener? _listener;
    private readonly Action<MemberId, int> _countOpenGroup;
    private long _lastId;

    /// <summary>Creates a campaign's book, with no groups yet.</summary>
    /// <param name="campaign">The campaign; it must have a group rule (<see cref="GroupBuyCampaignOptions.Rule"/>).</param>
    /// <param name="profile">The compliance profile the SKUs' rules are checked against (simulated participants, <c>SC401</c>); none when null.</param>
    /// <param name="listener">Told about every group command (metrics, logs); none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="campaign"/> is null.</exception>
    /// <exception cref="ArgumentException">The campaign has no group rule.</exception>
    /// <exception cref="ComplianceRefusedException">The profile refuses the campaign's rule.</exception>
    public CampaignBook(GroupBuyCampaign campaign, ComplianceProfile? profile = null, SocialCommerceListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var rule = campaign.Rule ?? throw new ArgumentException($"Campaign '{campaign.Name}' has no group rule (GroupBuyCampaignOptions.Rule); a campaign book runs its groups.", nameof(campaign));
        if (profile is not null)
        {
            var decision = profile.CheckGroupBuyRule(campaign.Name, rule.AllowsSimulatedParticipants);
            listener?.OnComplianceDecision(new ComplianceDecisionArguments(decision));
            decision.EnsureAccepted();
        }

        Campaign = campaign;
        _quota = new CampaignQuota(campaign);
        _listener = listener;
        _countOpenGroup = (member, change) => _openGroups[member] = _openGroups.GetValueOrDefault(member) + change;
    }

    /// <summary>
    /// Rebuilds a campaign's book from what a host stored: the quota's snapshot (<see cref="GetQuotaSnapshot"/>) and its
    /// groups rebuilt from their events (<see cref="GroupBuy.FromHistory(GroupBuyRule, IEnumerable{GroupBuyEvent})"/> under
    /// <see cref="GroupBuyCampaign.FindRule"/>). Nothing is re-decided; new groups get ids after the largest one.
    /// </summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="quota">The quota's snapshot.</param>
    /// <param name="groups">The campaign's groups.</param>
    /// <param name="profile">As for the constructor.</param>
    /// <param name="listener">As for the constructor.</param>
    /// <returns>The book, continuing where the stored one stopped.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A group is not under one of the campaign's SKU rules, or is given twice.</exception>
    /// <exception cref="CorruptStateException">The snapshot is not the campaign's, or a participant of a group holds no seat of it.</exception>
    public static CampaignBook Restore(GroupBuyCampaign campaign, CampaignQuotaSnapshot quota, IEnumerable<GroupBuy> groups, ComplianceProfile? profile = null, SocialCommerceListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(groups);
        var book = new CampaignBook(campaign, profile, listener);
        var restored = CampaignQuota.FromSnapshot(quota, campaign);
        book._quota = restored;
        foreach (var group in groups)
        {
            ArgumentNullException.ThrowIfNull(group, nameof(groups));
            if (campaign.FindRule(group.Rule.Name)?.Version != group.Rule.Version)
            {
                throw new ArgumentException($"Group {group.Id} follows rule '{group.Rule.Name}', not one of campaign '{campaign.Name}''s SKU rules.", nameof(groups));
            }

            if (!book._groups.TryAdd(group.Id, group))
            {
                throw new ArgumentException($"Group {group.Id} is given twice.", nameof(groups));
            }

            foreach (var member in group.GetParticipants())
            {
                if (!restored.Holds(group.Id, member))
                {
                    throw new CorruptStateException("campaign book", "$.seats", $"{group.Id}/{member}", "every participant of a group holds a seat of the quota.");
                }
            }

            book._lastId = Math.Max(book._lastId, group.Id.Value);
            if (group.Status == GroupBuyStatus.Open)
            {
                book._open[group.Id.Value] = group;
                foreach (var member in group.GetParticipants())
                {
                    book._openGroups[member] = book._openGroups.GetValueOrDefault(member) + 1;
                }
            }
        }

        return book;
    }

    /// <summary>Gets the campaign.</summary>
    public GroupBuyCampaign Campaign { get; }

    /// <summary>Returns the units of a SKU still to take.</summary>
    /// <param name="skuId">The SKU.</param>
    /// <returns>The quota less what is reserved, sold and withheld.</returns>
    /// <exception cref="ArgumentException">The campaign does not sell the SKU.</exception>
    public int Left(string skuId)
    {
        lock (_gate)
        {
            return _quota.Left(skuId);
        }
    }

    /// <summary>Returns what a member holds in the campaign: units and groups with a reserved or sold seat.</summary>
    /// <param name="member">The member.</param>
    /// <returns>Its units and groups.</returns>
    public (int Units, int Groups) HeldBy(MemberId member)
    {
        lock (_gate)
        {
            return _quota.HeldBy(member);
        }
    }

    /// <summary>Returns a member's seat in a group, or null.</summary>
    /// <param name="group">The group.</param>
    /// <param name="member">The member.</param>
    /// <returns>The seat as it stands.</returns>
    public CampaignSeat? FindSeat(GroupBuyId group, MemberId member)
    {
        lock (_gate)
        {
            return _quota.Find(group, member);
        }
    }

    /// <summary>Returns a consistent view of a group.</summary>
    /// <param name="groupId">The group.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    public GroupBuySnapshot GetSnapshot(GroupBuyId groupId)
    {
        lock (_gate)
        {
            var g = GroupOf(groupId);
            return new GroupBuySnapshot(g.Id, g.Rule.Name, g.Leader, g.Status, g.GetParticipants(), g.Deadline, g.Version);
        }
    }

    /// <summary>Returns the quota's seats, for a snapshot a host stores (restore with <see cref="CampaignQuota.FromSnapshot"/>).</summary>
    /// <returns>The snapshot, taken under the book's lock.</returns>
    public CampaignQuotaSnapshot GetQuotaSnapshot()
    {
        lock (_gate)
        {
            return _quota.ToSnapshot();
        }
    }

    /// <summary>A leader opens a group for a SKU, taking <paramref name="units"/> units; the group gets the next id.</summary>
    /// <param name="skuId">The SKU the group buys.</param>
    /// <param name="leader">The leader.</param>
    /// <param name="units">The units the leader takes.</param>
    /// <param name="at">When.</param>
    /// <param name="commandId">The host's id for the opening (an idempotency key): sent again it answers its first outcome; or null.</param>
    /// <returns>Accepted with <see cref="GroupOpened"/> and the reserved seat; a duplicate; or refused by the campaign or the group.</returns>
    /// <exception cref="ArgumentException"><paramref name="units"/>, <paramref name="at"/> or <paramref name="commandId"/> is out of its range; nothing changes.</exception>
    public CampaignResult Open(string skuId, MemberId leader, int units, Instant at, string? commandId = null)
    {
        Limits.CheckId(skuId, nameof(skuId));
        if (commandId is not null)
        {
            Limits.CheckId(commandId, nameof(commandId));
        }

        lock (_gate)
        {
            if (commandId is not null && _openings.TryGetValue(commandId, out var known))
            {
                var opened = _groups[known];
                var again = opened.OpenAgain(Campaign.FindSku(skuId) is null ? skuId : Campaign.RuleFor(skuId).Name, leader);
                return Report(opened.Rule.Name, new CampaignResult(again, CampaignQuotaRefusal.None, null, []));
            }

            var id = new GroupBuyId(_lastId + 1);
            var result = CampaignDecision.Open(_quota, id, skuId, leader, units, at, _openGroups.GetValueOrDefault(leader), out var group);
            if (group is null)
            {
                return Report(Campaign.FindSku(skuId) is null ? Campaign.Name : Campaign.RuleFor(skuId).Name, result); // every refusal is reported, the campaign's as a join's
            }

            _lastId = id.Value;
            _groups[id] = group;
            _open[id.Value] = group;
            if (commandId is not null)
            {
                _openings[commandId] = id;
            }

            return Counted(group, result);
        }
    }

    /// <summary>A member joins a group, taking <paramref name="units"/> units of its SKU.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="units">The units.</param>
    /// <param name="at">When.</param>
    /// <param name="isNewMember">Whether the member counts as new (for new-member-only rules).</param>
    /// <returns>
    /// Accepted with <see cref="MemberJoined"/> (and <see cref="GroupFormed"/> when it completes the group: every seat sold)
    /// and the seats; a duplicate (the same join again, even after the member left); or refused — see the remarks of
    /// <see cref="CampaignBook"/> for the order.
    /// </returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    /// <exception cref="ArgumentException"><paramref name="units"/> or <paramref name="at"/> is out of its range; nothing changes.</exception>
    public CampaignResult Join(GroupBuyId groupId, MemberId member, int units, Instant at, bool isNewMember = false)
    {
        lock (_gate)
        {
            var group = GroupOf(groupId);
            var result = CampaignDecision.Join(_quota, group, member, units, at, new ParticipantFacts(isNewMember, _openGroups.GetValueOrDefault(member)));
            return result.IsApplied ? Counted(group, result) : Report(group.Rule.Name, result);
        }
    }

    /// <summary>A participant leaves an open group before it forms; its units go back to the quota. See <see cref="GroupBuy.Leave"/>.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="member">The participant.</param>
    /// <param name="at">When.</param>
    /// <returns>Accepted with <see cref="MemberLeft"/> (and <see cref="GroupCancelled"/> when nobody is left) and the released seat; a duplicate; or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    public CampaignResult Leave(GroupBuyId groupId, MemberId member, Instant at)
    {
        lock (_gate)
        {
            var group = GroupOf(groupId);
            return Applied(group, group.Leave(member, at));
        }
    }

    /// <summary>Refunds a participant of a formed group after formation; the group stays formed; the units return to the quota or not, by the campaign's rule.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="member">The participant.</param>
    /// <param name="at">When.</param>
    /// <returns>Accepted with <see cref="SeatRefunded"/> and the refunded seat; a duplicate; or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    public CampaignResult RefundSeat(GroupBuyId groupId, MemberId member, Instant at)
    {
        lock (_gate)
        {
            var group = GroupOf(groupId);
            return Applied(group, group.RefundSeat(member, at));
        }
    }

    /// <summary>Cancels an open group; everyone is refunded and every seat released.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="at">When.</param>
    /// <returns>Accepted with <see cref="GroupCancelled"/> and the released seats; a duplicate; or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    public CampaignResult Cancel(GroupBuyId groupId, Instant at)
    {
        lock (_gate)
        {
            var group = GroupOf(groupId);
            var participants = group.GetParticipants();
            return Applied(group, group.Cancel(at), participants);
        }
    }

    /// <summary>Closes a group at its deadline: formed (every seat sold) or failed (every seat released).</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="at">When; at or after the deadline.</param>
    /// <returns>Accepted with the settlement and the seats; a duplicate; or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    public CampaignResult CloseAtDeadline(GroupBuyId groupId, Instant at)
    {
        lock (_gate)
        {
            var group = GroupOf(groupId);
            var participants = group.GetParticipants();
            return Applied(group, group.CloseAtDeadline(at), participants);
        }
    }

    /// <summary>Closes every open group whose deadline is at or before <paramref name="at"/> (the background job's work).</summary>
    /// <param name="at">The instant the job runs for.</param>
    /// <returns>One applied result per group closed, by ascending id.</returns>
    public IReadOnlyList<CampaignResult> CloseDue(Instant at)
    {
        lock (_gate)
        {
            var due = new List<GroupBuy>();
            foreach (var group in _open.Values)
            {
                if (group.Deadline <= at && at >= group.OpenedAt)
                {
                    due.Add(group);
                }
            }

            var results = new List<CampaignResult>(due.Count);
            foreach (var group in due)
            {
                var participants = group.GetParticipants();
                results.Add(Applied(group, group.CloseAtDeadline(at), participants));
            }

            return results;
        }
    }

    /// <summary>Returns the ids of the open groups, ascending.</summary>
    /// <returns>A new list.</returns>
    public IReadOnlyList<GroupBuyId> GetOpenGroups()
    {
        lock (_gate)
        {
            var ids = new List<GroupBuyId>(_open.Count);
            foreach (var id in _open.Keys)
            {
                ids.Add(new GroupBuyId(id));
            }

            return ids;
        }
    }

    private GroupBuy GroupOf(GroupBuyId groupId) => _groups.TryGetValue(groupId, out var group) ? group : throw new UnknownGroupBuyException(groupId);

    // Carries an accepted group command into the quota (CampaignDecision.Carry), then the open-group counts.
    private CampaignResult Applied(GroupBuy group, GroupBuyResult result, MemberId[]? before = null)
    {
        var carried = CampaignDecision.Carry(_quota, group, result, null, before);
        return carried.IsApplied ? Counted(group, carried) : Report(group.Rule.Name, carried);
    }

    // An applied command's effect on the open-group counts and the open list, then its report.
    private CampaignResult Counted(GroupBuy group, CampaignResult result)
    {
        if (group.Rule.MaxOpenGroupsPerMember.HasValue)
        {
            group.CountOpenGroups(result.Events, _countOpenGroup);
        }

        if (group.Status != GroupBuyStatus.Open)
        {
            _open.Remove(group.Id.Value);
        }

        return Report(group.Rule.Name, result);
    }

    private CampaignResult Report(string ruleName, CampaignResult result)
    {
        CommittedReport.To(_listener, static (l, a) => l.OnGroupBuy(a), new GroupBuyArguments(ruleName, result.Group));
        return result;
    }
}
