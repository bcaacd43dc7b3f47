using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// A thread-safe, in-memory book of team-up groups: rules (campaigns) by name, open groups by
/// campaign, and joins by group id.
/// </summary>
/// <remarks>
/// <para>
/// Each group has its own lock, so joins on different groups run in parallel and concurrent joins
/// on one group never over-fill it: every accepted join is in the group, and a group never holds
/// more than its rule's capacity. The book assigns group ids 1, 2, 3... in opening order.
/// </para>
/// <para>
/// When a rule limits open groups per member, the book counts them itself: a member's count is
/// reserved before the group's lock is taken and released if the action is refused or when the group
/// closes. Two racing attempts of one member may therefore both be refused near the limit, but the
/// limit is never exceeded.
/// </para>
/// </remarks>
public sealed class GroupBuyBook
{
    private readonly ConcurrentDictionary<string, Campaign> _campaigns = new(StringComparer.Ordinal);
    private const int SegmentBits = 12;
    private const int SegmentSize = 1 << SegmentBits;

    private readonly object _growth = new();
    private Entry?[]?[] _segments = new Entry?[]?[16];
    private long _lastId;
    private readonly Dictionary<string, GroupBuyId> _openings = new(StringComparer.Ordinal);

    /// <summary>Creates an empty book.</summary>
    /// <param name="profile">
    /// The compliance profile every rule added to the book is checked against; <see langword="null"/> for none.
    /// Under <see cref="ComplianceMode.Enforce"/> a rule that allows simulated participants where the profile
    /// forbids them is refused by <see cref="AddRule"/>.
    /// </param>
    /// <param name="listener">Told about every action and compliance decision (metrics, traces, logs); none when null.</param>
    public GroupBuyBook(ComplianceProfile? profile = null, SocialCommerceListener? listener = null)
    {
        Profile = profile;
        _listener = listener;
    }

    private readonly SocialCommerceListener? _listener;

    /// <summary>Gets the compliance profile rules are checked against, if any.</summary>
    public ComplianceProfile? Profile { get; }

    /// <summary>Gets the rules (the campaigns), in no particular order.</summary>
    public IReadOnlyCollection<GroupBuyRule> Rules => [.. _campaigns.Values.Select(c => c.Rule)];

    /// <summary>Adds a rule (a campaign) under its name; adding the same instance again does nothing.</summary>
    /// <param name="rule">The rule.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentException">Another rule with the same name is in the book.</exception>
    /// <exception cref="ComplianceRefusedException">The book's <see cref="Profile"/> refuses the rule (finding <c>SC401</c>); nothing is added.</exception>
    public void AddRule(GroupBuyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (Profile is not null)
        {
            var decision = Profile.CheckGroupBuyRule(rule.Name, rule.AllowsSimulatedParticipants);
            _listener?.OnComplianceDecision(new ComplianceDecisionArguments(decision));
            decision.EnsureAccepted();
        }

        var campaign = _campaigns.GetOrAdd(rule.Name, static (_, r) => new Campaign(r), rule);
        if (!ReferenceEquals(campaign.Rule, rule))
        {
            throw new ArgumentException($"Another group-buy rule named '{rule.Name}' is already in the book.", nameof(rule));
        }
    }

    /// <summary>
    /// Takes in a stored group, rebuilt with <see cref="GroupBuy.FromHistory(GroupBuyRule, IEnumerable{GroupBuyEvent})"/> from its events (O(its events), nothing
    /// re-decided: a formed group stays formed at the tier it formed on). An open group counts again toward its
    /// participants' open-group limits; new groups get ids after the largest restored one.
    /// </summary>
    /// <param name="group">The group; its rule's name must be a rule of the book.</param>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    /// <exception cref="UnknownGroupBuyRuleException">The book has no rule of that name.</exception>
    /// <exception cref="ArgumentException">The book already holds a group with that id; nothing changes.</exception>
    /// <remarks>Meant for start-up, before the book takes commands; safe to call concurrently with other restores.</remarks>
    public void Restore(GroupBuy group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var campaign = CampaignOf(group.Rule.Name);
        if (group.Id.Value < 1)
        {
            throw new ArgumentException($"Group id {group.Id} should be positive.", nameof(group));
        }

        var entry = new Entry(group, campaign);
        lock (_growth)
        {
            if (TryEntryOf(group.Id, out _))
            {
                throw new ArgumentException($"The book already holds group {group.Id}.", nameof(group));
            }

            Store(group.Id, entry);
            if (group.Id.Value > _lastId)
            {
                Volatile.Write(ref _lastId, group.Id.Value);
            }
        }

        if (group.Status == GroupBuyStatus.Open)
        {
            campaign.Open[group.Id] = entry;
            foreach (var member in group.GetParticipants())
            {
                campaign.Reserve(member, out _);
            }
        }
    }

    /// <summary>Returns the rule of a campaign.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="UnknownGroupBuyRuleException">No rule has that name.</exception>
    public GroupBuyRule GetRule(string ruleName) => CampaignOf(ruleName).Rule;

    /// <summary>Opens a group of a campaign for a leader.</summary>
    /// <param name="ruleName">The rule (campaign) name.</param>
    /// <param name="leader">The leader.</param>
    /// <param name="at">When the group opens.</param>
    /// <param name="commandId">
    /// The host's id for this opening command (e.g. the request's idempotency key), or <see langword="null"/>: an
    /// opening sent again with the same command id answers its first outcome (a duplicate carrying the original
    /// <see cref="GroupOpened"/>, or <see cref="GroupBuyRefusal.ConflictingDuplicate"/> for another rule or leader)
    /// before any state check. At most <see cref="Limits.MaxIdLength"/> characters.
    /// </param>
    /// <param name="units">The units the leader takes (see <see cref="GroupBuyRule.MaxUnitsPerParticipant"/>).</param>
    /// <returns>Accepted with <see cref="GroupOpened"/> (the new id is <see cref="GroupBuyResult.GroupId"/>), a duplicate, or refused with <see cref="GroupBuyRefusal.TooManyUnits"/> or <see cref="GroupBuyRefusal.TooManyOpenGroups"/>.</returns>
    /// <exception cref="UnknownGroupBuyRuleException">No rule has that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside [<see cref="Limits.MinInstant"/>, <see cref="Limits.MaxInstant"/>), or <paramref name="units"/> is below 1; nothing changes.</exception>
    /// <exception cref="ArgumentException"><paramref name="commandId"/> is empty, too long or holds a control character.</exception>
    public GroupBuyResult Open(string ruleName, MemberId leader, Instant at, string? commandId = null, int units = 1)
    {
        var campaign = CampaignOf(ruleName);
        Limits.Check(at, nameof(at));
        if (units < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, $"A seat takes at least 1 unit; units was {units}.");
        }

        if (commandId is not null)
        {
            Limits.CheckId(commandId, nameof(commandId));
            lock (_openings)
            {
                if (_openings.TryGetValue(commandId, out var known))
                {
                    var existing = EntryOf(known);
                    lock (existing)
                    {
                        return Report(campaign.Rule.Name, existing.Group.OpenAgain(ruleName, leader));
                    }
                }

                var opened = OpenNew(campaign, leader, at, units);
                if (opened.IsAccepted)
                {
                    _openings.Add(commandId, opened.GroupId);
                }

                return opened;
            }
        }

        return OpenNew(campaign, leader, at, units);
    }

    private GroupBuyResult OpenNew(Campaign campaign, MemberId leader, Instant at, int units)
    {
        var id = new GroupBuyId(Interlocked.Increment(ref _lastId));
        var counter = campaign.Reserve(leader, out var openGroups);
        GroupBuyResult result;
        GroupBuy? group;
        try
        {
            result = GroupBuy.TryOpen(id, campaign.Rule, leader, at, out group, new ParticipantFacts(false, openGroups), units);
        }
        catch
        {
            Release(counter);
            throw;
        }

        if (group is null)
        {
            Release(counter);
            return Report(campaign.Rule.Name, result);
        }

        var entry = new Entry(group, campaign);
        Store(id, entry);
        campaign.Open[id] = entry;
        return Report(campaign.Rule.Name, result);
    }

    /// <summary>A member joins a group; safe to call from many threads at once.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When the member joins.</param>
    /// <param name="isNewMember">Whether the member counts as new (for new-member-only rules).</param>
    /// <param name="units">The units the member takes (see <see cref="GroupBuyRule.MaxUnitsPerParticipant"/>).</param>
    /// <returns>See <see cref="GroupBuy.Join"/>.</returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the group was opened, or <paramref name="units"/> is below 1.</exception>
    public GroupBuyResult Join(GroupBuyId groupId, MemberId member, Instant at, bool isNewMember = false, int units = 1)
    {
        var entry = EntryOf(groupId);
        var counter = entry.Campaign.Reserve(member, out var openGroups);
        GroupBuyResult result;
        try
        {
            lock (entry)
            {
                result = entry.Group.Join(member, at, new ParticipantFacts(isNewMember, openGroups), units);
                if (result.IsApplied && entry.Group.Status != GroupBuyStatus.Open)
                {
                    Closed(entry);
                }
            }
        }
        catch
        {
            Release(counter);
            throw;
        }

        if (!result.IsApplied)
        {
            Release(counter);
        }

        return Report(entry.Campaign.Rule.Name, result);
    }

    /// <summary>Closes a group at its deadline; see <see cref="GroupBuy.CloseAtDeadline"/>.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="at">The instant of evaluation.</param>
    /// <returns>Accepted with <see cref="GroupFormed"/> or <see cref="GroupFailed"/>, or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the group was opened.</exception>
    public GroupBuyResult CloseAtDeadline(GroupBuyId groupId, Instant at)
    {
        var entry = EntryOf(groupId);
        lock (entry)
        {
            var result = entry.Group.CloseAtDeadline(at);
            if (result.IsApplied)
            {
                Closed(entry);
            }

            return Report(entry.Campaign.Rule.Name, result);
        }
    }

    /// <summary>Closes every open group whose deadline is at or before <paramref name="at"/>.</summary>
    /// <param name="at">The instant of evaluation.</param>
    /// <returns>One accepted result per group closed, by ascending group id.</returns>
    public IReadOnlyList<GroupBuyResult> CloseDue(Instant at)
    {
        var due = new List<Entry>();
        foreach (var campaign in _campaigns.Values)
        {
            foreach (var pair in campaign.Open)
            {
                // Read without the group's lock, only to pick candidates: a hand-over may move the deadline meanwhile, and
                // the close under the lock decides (a group not yet due is refused NotYetDue and skipped).
                if (pair.Value.Group.Deadline <= at)
                {
                    due.Add(pair.Value);
                }
            }
        }

        due.Sort(static (a, b) => a.Group.Id.Value.CompareTo(b.Group.Id.Value));
        var results = new List<GroupBuyResult>(due.Count);
        foreach (var entry in due)
        {
            lock (entry)
            {
                if (entry.Group.Status != GroupBuyStatus.Open || at < entry.Group.OpenedAt)
                {
                    continue;
                }

                var result = entry.Group.CloseAtDeadline(at);
                if (result.IsApplied)
                {
                    Closed(entry);
                    results.Add(Report(entry.Campaign.Rule.Name, result));
                }
            }
        }

        return results;
    }

    /// <summary>The host cancels an open group; see <see cref="GroupBuy.Cancel"/>.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="at">When the group is cancelled.</param>
    /// <returns>Accepted with <see cref="GroupCancelled"/>, or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the group was opened.</exception>
    public GroupBuyResult Cancel(GroupBuyId groupId, Instant at)
    {
        var entry = EntryOf(groupId);
        lock (entry)
        {
            var result = entry.Group.Cancel(at);
            if (result.IsApplied)
            {
                Closed(entry);
            }

            return Report(entry.Campaign.Rule.Name, result);
        }
    }

    /// <summary>A participant leaves an open group before it forms; see <see cref="GroupBuy.Leave"/>.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="member">The participant.</param>
    /// <param name="at">When it leaves.</param>
    /// <returns>Accepted with <see cref="MemberLeft"/> (and <see cref="GroupCancelled"/> when nobody is left), a duplicate, or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the group was opened.</exception>
    public GroupBuyResult Leave(GroupBuyId groupId, MemberId member, Instant at)
    {
        var entry = EntryOf(groupId);
        lock (entry)
        {
            var result = entry.Group.Leave(member, at);
            if (result.IsApplied)
            {
                if (entry.Campaign.OpenCounts is { } counts && counts.TryGetValue(member, out var counter))
                {
                    Interlocked.Decrement(ref counter.Value);
                }

                if (entry.Group.Status != GroupBuyStatus.Open)
                {
                    Closed(entry);
                }
            }

            return Report(entry.Campaign.Rule.Name, result);
        }
    }

    /// <summary>Refunds one participant of a formed group after formation; the group stays formed. See <see cref="GroupBuy.RefundSeat"/>.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="member">The participant.</param>
    /// <param name="at">When the refund is made.</param>
    /// <returns>Accepted with <see cref="SeatRefunded"/>, a duplicate, or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the group was opened.</exception>
    public GroupBuyResult RefundSeat(GroupBuyId groupId, MemberId member, Instant at)
    {
        var entry = EntryOf(groupId);
        lock (entry)
        {
            return Report(entry.Campaign.Rule.Name, entry.Group.RefundSeat(member, at));
        }
    }

    private GroupBuyResult Report(string ruleName, GroupBuyResult result)
    {
        CommittedReport.To(_listener, static (l, a) => l.OnGroupBuy(a), new GroupBuyArguments(ruleName, result));

        return result;
    }

    /// <summary>Returns the open groups of a campaign.</summary>
    /// <param name="ruleName">The rule (campaign) name.</param>
    /// <returns>The ids of its open groups, ascending.</returns>
    /// <exception cref="UnknownGroupBuyRuleException">No rule has that name.</exception>
    public IReadOnlyList<GroupBuyId> GetOpenGroups(string ruleName)
    {
        var campaign = CampaignOf(ruleName);
        var ids = new List<GroupBuyId>();
        foreach (var pair in campaign.Open)
        {
            ids.Add(pair.Key);
        }

        ids.Sort(static (a, b) => a.Value.CompareTo(b.Value));
        return ids;
    }

    /// <summary>Returns a consistent view of a group.</summary>
    /// <param name="groupId">The group.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="UnknownGroupBuyException">The book does not hold the group.</exception>
    public GroupBuySnapshot GetSnapshot(GroupBuyId groupId)
    {
        var entry = EntryOf(groupId);
        lock (entry)
        {
            var g = entry.Group;
            return new GroupBuySnapshot(g.Id, g.Rule.Name, g.Leader, g.Status, g.GetParticipants(), g.Deadline, g.Version);
        }
    }

    private static void Release(StrongBox<int>? counter)
    {
        if (counter is not null)
        {
            Interlocked.Decrement(ref counter.Value);
        }
    }

    private static void Closed(Entry entry)
    {
        entry.Campaign.Open.TryRemove(entry.Group.Id, out _);
        if (entry.Campaign.OpenCounts is { } counts)
        {
            foreach (var member in entry.Group.GetParticipants())
            {
                if (counts.TryGetValue(member, out var counter))
                {
                    Interlocked.Decrement(ref counter.Value);
                }
            }
        }
    }

    private Campaign CampaignOf(string ruleName)
    {
        ArgumentNullException.ThrowIfNull(ruleName);
        return _campaigns.TryGetValue(ruleName, out var campaign) ? campaign : throw new UnknownGroupBuyRuleException(ruleName);
    }

    // Groups live in a dense, segmented array indexed by id - 1: lookups on the join path take no lock.
    private Entry EntryOf(GroupBuyId groupId) => TryEntryOf(groupId, out var entry) ? entry : throw new UnknownGroupBuyException(groupId);

    private bool TryEntryOf(GroupBuyId groupId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Entry? found)
    {
        var index = groupId.Value - 1;
        if (index >= 0 && index < Volatile.Read(ref _lastId))
        {
            var segments = Volatile.Read(ref _segments);
            var s = index >> SegmentBits;
            if (s < segments.Length && Volatile.Read(ref segments[s]) is { } segment
                && Volatile.Read(ref segment[index & (SegmentSize - 1)]) is { } entry)
            {
                found = entry;
                return true;
            }
        }

        found = null;
        return false;
    }

    private void Store(GroupBuyId groupId, Entry entry)
    {
        var index = groupId.Value - 1;
        var s = checked((int)(index >> SegmentBits));
        lock (_growth)
        {
            var segments = _segments;
            if (s >= segments.Length)
            {
                var grown = new Entry?[]?[Math.Max(segments.Length * 2, s + 1)];
                Array.Copy(segments, grown, segments.Length);
                Volatile.Write(ref _segments, grown);
                segments = grown;
            }

            var segment = segments[s];
            if (segment is null)
            {
                segment = new Entry?[SegmentSize];
                Volatile.Write(ref segments[s], segment);
            }

            Volatile.Write(ref segment[index & (SegmentSize - 1)], entry);
        }
    }

    private sealed class Campaign(GroupBuyRule rule)
    {
        public GroupBuyRule Rule { get; } = rule;

        public ConcurrentDictionary<GroupBuyId, Entry> Open { get; } = new();

        public ConcurrentDictionary<MemberId, StrongBox<int>>? OpenCounts { get; } =
            rule.MaxOpenGroupsPerMember.HasValue ? new() : null;

        // Reserves one open-group slot for the member; openGroups is the count before the reservation.
        public StrongBox<int>? Reserve(MemberId member, out int openGroups)
        {
            if (OpenCounts is null)
            {
                openGroups = 0;
                return null;
            }

            var counter = OpenCounts.GetOrAdd(member, static _ => new StrongBox<int>());
            openGroups = Interlocked.Increment(ref counter.Value) - 1;
            return counter;
        }
    }

    private sealed class Entry(GroupBuy group, Campaign campaign)
    {
        public GroupBuy Group { get; } = group;

        public Campaign Campaign { get; } = campaign;
    }
}
