using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>
/// Group buys on the database: each group is its event stream plus a head row for listing and the close-due job. A
/// group's command takes the head row's lock first, reads the events since the group this instance kept (or the whole
/// stream), decides in Core and appends at the version it read, so joins of one hot group from many instances line up
/// without losing races and a group is never over-filled; joins arriving together in one instance share a commit.
/// Rules come from the registered <see cref="GroupBuyBook"/> (the group keeps the terms it opened with). A campaign's
/// groups run through its <see cref="StoredCampaignBook"/> instead (commands on them here throw).
/// </summary>
/// <remarks>Thread-safe. Results are Core's <see cref="GroupBuyResult"/> with the events to publish.</remarks>
public sealed class StoredGroupBuys
{
    private readonly StoreExecutor _store;
    private readonly GroupBuyBook _rules;
    private readonly GroupRules _allRules;
    private readonly RuleVersions _versions;
    private readonly SocialCommerce.Telemetry.SocialCommerceListener? _listener;
    private readonly GroupStream _stream;
    private readonly KeyedBatches<Joining, GroupBuyResult> _joins = new();

    internal StoredGroupBuys(StoreExecutor store, GroupRules rules, GroupBuyBook book, RuleVersions versions, SocialCommerce.Telemetry.SocialCommerceListener? listener = null)
    {
        _store = store;
        _rules = book;
        _allRules = rules;
        _stream = new GroupStream(rules);
        _versions = versions;
        _listener = listener;
    }

    /// <summary>Opens a group under a registered rule, led by <paramref name="leader"/>, who takes one unit.</summary>
    /// <param name="id">The group's id, chosen by the host (unique).</param>
    /// <param name="ruleName">The rule's name.</param>
    /// <param name="leader">The leader.</param>
    /// <param name="at">When it opens.</param>
    /// <param name="isNewMember">Whether the leader is a new member (for new-member-only rules).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>As <see cref="OpenAsync(GroupBuyId, string, MemberId, Instant, int, bool, CancellationToken)"/>.</returns>
    /// <exception cref="UnknownGroupBuyRuleException">No rule has that name.</exception>
    public Task<GroupBuyResult> OpenAsync(GroupBuyId id, string ruleName, MemberId leader, Instant at, bool isNewMember = false, CancellationToken cancellationToken = default) =>
        OpenAsync(id, ruleName, leader, at, 1, isNewMember, cancellationToken);

    /// <summary>Opens a group under a registered rule, led by <paramref name="leader"/>, who takes <paramref name="units"/> units.</summary>
    /// <param name="id">The group's id, chosen by the host (unique).</param>
    /// <param name="ruleName">The rule's name.</param>
    /// <param name="leader">The leader.</param>
    /// <param name="at">When it opens.</param>
    /// <param name="isNewMember">Whether the leader is a new member (for new-member-only rules).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <param name="units">The units the leader takes (see <see cref="GroupBuyRule.MaxUnitsPerParticipant"/>).</param>
    /// <returns>
    /// Accepted with <see cref="GroupOpened"/>, or refused (too many units, too many open groups); for an id already opened (a resend,
    /// the same request on another instance) a duplicate carrying the original event, or
    /// <see cref="GroupBuyRefusal.ConflictingDuplicate"/> when it was opened for another rule or leader.
    /// </returns>
    /// <exception cref="UnknownGroupBuyRuleException">No rule has that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is below 1.</exception>
    public Task<GroupBuyResult> OpenAsync(GroupBuyId id, string ruleName, MemberId leader, Instant at, int units, bool isNewMember = false, CancellationToken cancellationToken = default)
    {
        var rule = _rules.GetRule(ruleName);
        Instants.Check(at, nameof(at));
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        return ReportedAsync(rule.Name, _store.RunAsync($"open group {id}", Keys.Group(id.Value), async (db, attempt, ct) =>
        {
            // The id is the opening's identity: seen again (the first attempt's insert met the row), the stored group
            // answers it — a duplicate of the same opening, or ConflictingDuplicate — before any limit is checked.
            if (attempt > 1 && await _stream.ReadAsync(db, id.Value, ct).ConfigureAwait(false) is { } existing)
            {
                return existing.OpenAgain(ruleName, leader);
            }

            var slots = await GroupSlots.LoadAsync(db, rule, [leader], ct).ConfigureAwait(false);
            var result = GroupBuy.TryOpen(id, rule, leader, at, out var group, new ParticipantFacts(isNewMember, slots.OpenGroups(leader)), units);
            if (!result.IsAccepted)
            {
                // A refusal is never the answer to an opening that already happened (its own group counts as open).
                return await _stream.ReadAsync(db, id.Value, ct).ConfigureAwait(false) is { } opened ? opened.OpenAgain(ruleName, leader) : result;
            }

            GroupStream.AddOpened(db, group!, result.Events); // accepted: the opening made the group
            slots.Track(group!, result.Events);
            await _versions.RecordAsync(db, "group-buy-rule", rule.Name, rule.Version, rule.ToString() ?? rule.Name, at, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            _versions.Committed("group-buy-rule", rule.Name, rule.Version);
            _stream.Keep(id.Value, group!);
            return result;
        }, cancellationToken));
    }

    private async Task<GroupBuyResult> ReportedAsync(string ruleName, Task<GroupBuyResult> command)
    {
        var result = await command.ConfigureAwait(false);
        SocialCommerce.Telemetry.CommittedReport.To(_listener, static (l, a) => l.OnGroupBuy(a), new SocialCommerce.Telemetry.GroupBuyArguments(ruleName, result));
        return result;
    }

    /// <summary>Joins a member to a group for one unit, as <see cref="GroupBuy.Join"/> decides against the latest stored events.</summary>
    /// <param name="id">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When.</param>
    /// <param name="isNewMember">Whether the member is new (for new-member-only rules).</param>
    /// <param name="cancellationToken">Stops waiting for the reply; a join already queued may still be stored (resend it: a join seen again answers its first outcome).</param>
    /// <returns>As <see cref="JoinAsync(GroupBuyId, MemberId, Instant, int, bool, CancellationToken)"/>.</returns>
    /// <exception cref="UnknownGroupBuyException">No group has that id.</exception>
    public Task<GroupBuyResult> JoinAsync(GroupBuyId id, MemberId member, Instant at, bool isNewMember = false, CancellationToken cancellationToken = default) =>
        JoinAsync(id, member, at, 1, isNewMember, cancellationToken);

    /// <summary>Joins a member to a group for <paramref name="units"/> units, as <see cref="GroupBuy.Join"/> decides against the latest stored events.</summary>
    /// <param name="id">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When.</param>
    /// <param name="isNewMember">Whether the member is new (for new-member-only rules).</param>
    /// <param name="cancellationToken">Stops waiting for the reply; a join already queued may still be stored (resend it: a join seen again answers its first outcome).</param>
    /// <param name="units">The units the member takes (see <see cref="GroupBuyRule.MaxUnitsPerParticipant"/>).</param>
    /// <returns>Accepted with <see cref="MemberJoined"/> (and <see cref="GroupFormed"/> when it completes the group), or the refusal.</returns>
    /// <exception cref="UnknownGroupBuyException">No group has that id.</exception>
    /// <exception cref="StoreConflictException">The group's version moved under every attempt (joins line up on the group's lock, so only a writer that bypasses the store can cause this).</exception>
    /// <remarks>
    /// Joins of one group that arrive in this process while an earlier join of it is being stored go together as the next
    /// batch: decided one after another in arrival order, exactly as one at a time, and stored in one transaction.
    /// </remarks>
    public Task<GroupBuyResult> JoinAsync(GroupBuyId id, MemberId member, Instant at, int units, bool isNewMember = false, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        return _joins.RunAsync(Keys.Group(id.Value), new Joining(member, at, isNewMember, units), batch => ChangeAsync(
            batch.Count == 1 ? $"join member {batch[0].Member} to group {id}" : $"join {batch.Count} members to group {id}",
            id,
            batch.Select(j => new Decision([j.Member], (group, slots) => group.Join(j.Member, j.At, new ParticipantFacts(j.IsNewMember, slots.OpenGroups(j.Member)), j.Units))).ToList(),
            CancellationToken.None), cancellationToken);
    }

    /// <summary>Settles a group whose deadline has passed: formed (with simulated participants if its rule allows) or failed.</summary>
    /// <param name="id">The group.</param>
    /// <param name="at">When (at or after the deadline).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted with the settling event; a duplicate carrying it when a close already settled the group (a resend); or the refusal (not yet due, formed by its last join, cancelled).</returns>
    public Task<GroupBuyResult> CloseAtDeadlineAsync(GroupBuyId id, Instant at, CancellationToken cancellationToken = default) =>
        ChangeAsync($"close group {id}", id, [], (group, _) => group.CloseAtDeadline(at), cancellationToken);

    /// <summary>Cancels an open group (every participant is refunded).</summary>
    /// <param name="id">The group.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted with <see cref="GroupCancelled"/>; a duplicate carrying it when the group was cancelled already (a resend); or the refusal.</returns>
    public Task<GroupBuyResult> CancelAsync(GroupBuyId id, Instant at, CancellationToken cancellationToken = default) =>
        ChangeAsync($"cancel group {id}", id, [], (group, _) => group.Cancel(at), cancellationToken);

    /// <summary>A participant leaves an open group before it forms, as <see cref="GroupBuy.Leave"/> decides against the latest stored events.</summary>
    /// <param name="id">The group.</param>
    /// <param name="member">The participant.</param>
    /// <param name="at">When it leaves.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted with <see cref="MemberLeft"/> (and <see cref="GroupCancelled"/> when nobody is left); a duplicate carrying them when the member left already (a resend); or the refusal.</returns>
    /// <exception cref="UnknownGroupBuyException">No group has that id.</exception>
    public Task<GroupBuyResult> LeaveAsync(GroupBuyId id, MemberId member, Instant at, CancellationToken cancellationToken = default) =>
        ChangeAsync($"member {member} leaves group {id}", id, [member], (group, _) => group.Leave(member, at), cancellationToken);

    /// <summary>Refunds one participant of a formed group after formation (the group stays formed), as <see cref="GroupBuy.RefundSeat"/> decides.</summary>
    /// <param name="id">The group.</param>
    /// <param name="member">The participant.</param>
    /// <param name="at">When the refund is made.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted with <see cref="SeatRefunded"/>; a duplicate carrying it when the seat was refunded already (a resend); or the refusal.</returns>
    /// <exception cref="UnknownGroupBuyException">No group has that id.</exception>
    public Task<GroupBuyResult> RefundSeatAsync(GroupBuyId id, MemberId member, Instant at, CancellationToken cancellationToken = default) =>
        ChangeAsync($"refund member {member}'s seat in group {id}", id, [], (group, _) => group.RefundSeat(member, at), cancellationToken);

    /// <summary>Settles every open group whose deadline is at or before <paramref name="at"/> (the batch job; safe on several instances at once).</summary>
    /// <param name="at">The instant the job runs for.</param>
    /// <param name="cancellationToken">Cancels the job (settled groups stay settled).</param>
    /// <returns>The settlement of each group this call settled.</returns>
    public Task<IReadOnlyList<GroupBuyResult>> CloseDueAsync(Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        var ticks = StoredJson.Ticks(at);
        var campaignRules = _allRules.CampaignRuleNames; // a campaign's groups close through its StoredCampaignBook (seats move with them)
        return DueItems.SettleAsync<GroupRow, long, long, GroupBuyResult>(
            _store, $"groups due at {at}", g => g.Status == (int)GroupBuyStatus.Open && g.Deadline <= ticks && !campaignRules.Contains(g.RuleName), g => g.Deadline, g => g.GroupId,
            (id, ct) => CloseAtDeadlineAsync(new GroupBuyId(id), at, ct), static r => r.IsApplied, cancellationToken);
    }

    /// <summary>Reads a group as its stored events make it.</summary>
    /// <param name="id">The group.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The group, or <see langword="null"/> when no group has that id.</returns>
    public Task<GroupBuy?> GetAsync(GroupBuyId id, CancellationToken cancellationToken = default) =>
        _store.RunAsync($"read group {id}", (db, _, ct) => _stream.ReadAsync(db, id.Value, ct), cancellationToken);

    /// <summary>Lists the open groups of a rule (oldest deadline first).</summary>
    /// <param name="ruleName">The rule.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The open groups' ids.</returns>
    public Task<IReadOnlyList<GroupBuyId>> GetOpenGroupsAsync(string ruleName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleName);
        return _store.RunAsync<IReadOnlyList<GroupBuyId>>($"list open groups of '{ruleName}'", async (db, _, ct) =>
        {
            var ids = await db.Set<GroupRow>().AsNoTracking().Where(g => g.RuleName == ruleName && g.Status == (int)GroupBuyStatus.Open).OrderBy(g => g.Deadline).Select(g => g.GroupId).ToListAsync(ct).ConfigureAwait(false);
            return ids.ConvertAll(static v => new GroupBuyId(v));
        }, cancellationToken);
    }

    /// <summary>
    /// Reads a page of groups, earliest deadline first (then by id), in two round trips whatever the page's size: the
    /// page's head rows, then all their events. For listings a host shows: page them, never read every group.
    /// </summary>
    /// <param name="skip">How many groups to skip (0 or more).</param>
    /// <param name="take">How many to read (1–1,000).</param>
    /// <param name="status">Only groups of this status, or <see langword="null"/> for every status.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page's groups, as stored.</returns>
    public Task<IReadOnlyList<GroupBuy>> GetGroupPageAsync(int skip, int take, GroupBuyStatus? status = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, 1_000);
        return _store.RunAsync<IReadOnlyList<GroupBuy>>("read a page of groups", async (db, _, ct) =>
        {
            var query = db.Set<GroupRow>().AsNoTracking();
            if (status is { } s)
            {
                query = query.Where(g => g.Status == (int)s);
            }

            var heads = await query.OrderBy(g => g.Deadline).ThenBy(g => g.GroupId).Skip(skip).Take(take).ToListAsync(ct).ConfigureAwait(false);
            var ids = heads.ConvertAll(static h => h.GroupId);
            var rows = await db.Set<GroupEventRow>().AsNoTracking().Where(e => ids.Contains(e.GroupId)).OrderBy(e => e.GroupId).ThenBy(e => e.Version).ToListAsync(ct).ConfigureAwait(false);
            var byGroup = rows.GroupBy(r => r.GroupId).ToDictionary(g => g.Key, g => g.ToList());
            var groups = new List<GroupBuy>(heads.Count);
            foreach (var head in heads)
            {
                groups.Add(_stream.Restore(head, byGroup.TryGetValue(head.GroupId, out var list) ? GroupStream.Events(list) : []));
            }

            return groups;
        }, cancellationToken);
    }

    /// <summary>Lists groups (for a host's admin pages), earliest deadline first, optionally of one rule and one status.</summary>
    /// <param name="ruleName">The rule, or <see langword="null"/> for every rule.</param>
    /// <param name="status">The status, or <see langword="null"/> for every status.</param>
    /// <param name="limit">At most this many (1–10,000).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The groups' ids.</returns>
    public Task<IReadOnlyList<GroupBuyId>> GetGroupsAsync(string? ruleName = null, GroupBuyStatus? status = null, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        return _store.RunAsync<IReadOnlyList<GroupBuyId>>("list groups", async (db, _, ct) =>
        {
            var query = db.Set<GroupRow>().AsNoTracking();
            if (ruleName is not null)
            {
                query = query.Where(g => g.RuleName == ruleName);
            }

            if (status is { } s)
            {
                query = query.Where(g => g.Status == (int)s);
            }

            var ids = await query.OrderBy(g => g.Deadline).ThenBy(g => g.GroupId).Take(limit).Select(g => g.GroupId).ToListAsync(ct).ConfigureAwait(false);
            return ids.ConvertAll(static v => new GroupBuyId(v));
        }, cancellationToken);
    }

    // One command; the members whose open-group counts it may change beyond the group's participants are loaded with it.
    private async Task<GroupBuyResult> ChangeAsync(string command, GroupBuyId id, MemberId[] counted, Func<GroupBuy, GroupSlots, GroupBuyResult> decide, CancellationToken cancellationToken)
    {
        var (result, error) = (await ChangeAsync(command, id, [new Decision(counted, decide)], cancellationToken).ConfigureAwait(false))[0];
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return result;
    }

    // Decides each command in order against the latest stored group (a refusal or a duplicate changes nothing; a
    // command whose arguments the group refuses throws for that command alone), then stores what was accepted in one
    // transaction under the version the first decision saw.
    private async Task<(GroupBuyResult Result, Exception? Error)[]> ChangeAsync(string command, GroupBuyId id, List<Decision> decisions, CancellationToken cancellationToken)
    {
        var ruleName = "";
        var replies = await _store.RunAsync(command, Keys.Group(id.Value), (db, _, ct) => _stream.DecideAsync(db, id.Value, async group =>
        {
            ruleName = group.Rule.Name;
            if (_allRules.CampaignOf(ruleName) is { } campaign)
            {
                throw new InvalidOperationException($"Group {id} belongs to campaign '{campaign.Name}': run it through the campaign's StoredCampaignBook, which moves the campaign's quota with the group.");
            }

            var slots = await GroupSlots.LoadAsync(db, group.Rule, group.Status == GroupBuyStatus.Open ? decisions.SelectMany(d => d.Joining).ToList() : [], ct).ConfigureAwait(false);
            var replies = new (GroupBuyResult Result, Exception? Error)[decisions.Count];
            var events = new List<GroupBuyEvent>();
            for (var i = 0; i < decisions.Count; i++)
            {
                var wasOpen = group.Status == GroupBuyStatus.Open;
                try
                {
                    replies[i] = (decisions[i].Decide(group, slots), null);
                }
                catch (ArgumentException ex)
                {
                    replies[i] = (default, ex); // the group is unchanged: Core checks before it changes anything
                    continue;
                }

                if (!replies[i].Result.IsApplied)
                {
                    continue;
                }

                if (wasOpen && group.Status != GroupBuyStatus.Open)
                {
                    await slots.LoadMoreAsync(group.GetParticipants(), ct).ConfigureAwait(false);
                }

                events.AddRange(replies[i].Result.Events);
                slots.Track(group, replies[i].Result.Events);
            }

            return (replies, (IReadOnlyList<GroupBuyEvent>)events);
        }, ct), cancellationToken).ConfigureAwait(false);
        foreach (var (result, error) in replies)
        {
            if (error is null)
            {
                SocialCommerce.Telemetry.CommittedReport.To(_listener, static (l, a) => l.OnGroupBuy(a), new SocialCommerce.Telemetry.GroupBuyArguments(ruleName, result));
            }
        }

        return replies;
    }

    private readonly record struct Joining(MemberId Member, Instant At, bool IsNewMember, int Units);

    private readonly record struct Decision(MemberId[] Joining, Func<GroupBuy, GroupSlots, GroupBuyResult> Decide);
}
