using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>
/// A group-buy campaign's groups and quota on the database: the stored <see cref="CampaignBook"/>. Each group is a
/// stored group (its events in <c>sc_group_events</c>, its head in <c>sc_groups</c>); the campaign's seats, its per-SKU
/// counts and its members' holdings are rows that every command moves with the group's events in one transaction. A
/// command takes the group's lock, then the SKU's, reads the group's seats and the holdings concerned, and lets Core
/// decide exactly as the in-memory book does — so the quota is never oversold, nor a member's limit passed, whatever the
/// concurrency across instances, and a command sent again (a lost acknowledgement, another instance) answers its first
/// outcome. Resolve it keyed by the campaign's name (<c>[FromKeyedServices("double-12")] StoredCampaignBook</c>).
/// </summary>
/// <remarks>
/// Thread-safe. Every join of one SKU lines up on the SKU's row (a quota is one count); joins of different SKUs, and
/// reads, do not wait for each other. Commands on a campaign's group through <see cref="StoredGroupBuys"/> throw:
/// they would move the group without its seats.
/// </remarks>
public sealed class StoredCampaignBook
{
    private readonly StoreExecutor _store;
    private readonly GroupStream _stream;
    private readonly GroupRules _rules;
    private readonly RuleVersions _versions;
    private readonly SocialCommerceListener? _listener;

    internal StoredCampaignBook(StoreExecutor store, GroupBuyCampaign campaign, GroupRules rules, RuleVersions versions, SocialCommerceListener? listener)
    {
        _store = store;
        Campaign = campaign;
        _rules = rules;
        _stream = new GroupStream(rules);
        _versions = versions;
        _listener = listener;
    }

    /// <summary>Gets the campaign.</summary>
    public GroupBuyCampaign Campaign { get; }

    /// <summary>A leader opens group <paramref name="id"/> for a SKU, taking <paramref name="units"/> units (<see cref="CampaignBook.Open"/>).</summary>
    /// <param name="id">The group's id, chosen by the host and unique among every stored group: the opening's identity.</param>
    /// <param name="skuId">The SKU the group buys.</param>
    /// <param name="leader">The leader.</param>
    /// <param name="units">The units the leader takes.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command (nothing is stored unless it committed).</param>
    /// <returns>
    /// Accepted with <see cref="GroupOpened"/> and the reserved seat; refused by the campaign (window, SKU, a limit, the
    /// quota: <see cref="CampaignResult.QuotaRefusal"/>) or the group; for an id already opened a duplicate carrying the
    /// original event, or <see cref="GroupBuyRefusal.ConflictingDuplicate"/> when it was opened for another SKU or leader.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="units"/>, <paramref name="at"/> or <paramref name="skuId"/> is out of its range.</exception>
    /// <exception cref="StoreConflictException">Other instances moved the same rows first, every attempt.</exception>
    public Task<CampaignResult> OpenAsync(GroupBuyId id, string skuId, MemberId leader, int units, Instant at, CancellationToken cancellationToken = default)
    {
        Limits.CheckId(skuId, nameof(skuId));
        Instants.Check(at, nameof(at));
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(units, CampaignSku.MaxQuota);
        return ReportedAsync(Campaign.FindSku(skuId) is null ? Campaign.Name : Campaign.RuleFor(skuId).Name, _store.RunAsync($"open campaign '{Campaign.Name}' group {id}", Keys.Group(id.Value), async (db, attempt, ct) =>
        {
            // The id is the opening's identity: met again (the first attempt's insert met the row, or a resend), the
            // stored group answers it before any limit is checked.
            if ((attempt > 1 || Campaign.FindSku(skuId) is null) && await _stream.ReadAsync(db, id.Value, ct).ConfigureAwait(false) is { } existing)
            {
                return OpenAgain(existing, skuId, leader);
            }

            if (Campaign.FindSku(skuId) is null)
            {
                return CampaignDecision.Open(new CampaignQuota(Campaign), id, skuId, leader, units, at, 0, out _); // the window, then the SKU
            }

            var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var rule = Campaign.RuleFor(skuId);
                var rows = await CampaignRows.LoadAsync(db, Campaign, skuId, id, [leader], ct).ConfigureAwait(false);
                var slots = await GroupSlots.LoadAsync(db, rule, [leader], ct, Campaign.Name).ConfigureAwait(false);
                var result = CampaignDecision.Open(rows.Quota, id, skuId, leader, units, at, slots.OpenGroups(leader), out var group);
                if (group is null)
                {
                    // A refusal is never the answer to an opening that already happened.
                    return await _stream.ReadAsync(db, id.Value, ct).ConfigureAwait(false) is { } opened ? OpenAgain(opened, skuId, leader) : result;
                }

                GroupStream.AddOpened(db, group, result.Events);
                slots.Track(group, result.Events);
                rows.Write(result.Seats);
                await _versions.RecordAsync(db, "group-buy-rule", rule.Name, rule.Version, rule.ToString() ?? rule.Name, at, ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                _versions.Committed("group-buy-rule", rule.Name, rule.Version);
                _stream.Keep(id.Value, group);
                return result;
            }
        }, cancellationToken));
    }

    /// <summary>A member joins a group of the campaign, taking <paramref name="units"/> units of its SKU (<see cref="CampaignBook.Join"/>).</summary>
    /// <param name="id">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="units">The units.</param>
    /// <param name="at">When.</param>
    /// <param name="isNewMember">Whether the member counts as new (for new-member-only rules).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted with <see cref="MemberJoined"/> (and <see cref="GroupFormed"/> when it completes the group: every seat sold) and the seats; a duplicate; or refused, in the book's order.</returns>
    /// <exception cref="UnknownGroupBuyException">No group has that id.</exception>
    /// <exception cref="InvalidOperationException">The group is not one of this campaign's.</exception>
    public Task<CampaignResult> JoinAsync(GroupBuyId id, MemberId member, int units, Instant at, bool isNewMember = false, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(units, CampaignSku.MaxQuota);
        return ChangeAsync($"join member {member} to campaign '{Campaign.Name}' group {id}", id, [member], (group, quota, slots) =>
            CampaignDecision.Join(quota, group, member, units, at, new ParticipantFacts(isNewMember, slots.OpenGroups(member))), cancellationToken);
    }

    /// <summary>A participant leaves an open group before it forms; its units go back to the quota (<see cref="CampaignBook.Leave"/>).</summary>
    /// <param name="id">The group.</param>
    /// <param name="member">The participant.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted with <see cref="MemberLeft"/> (and <see cref="GroupCancelled"/> when nobody is left) and the released seat; a duplicate; or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">No group has that id.</exception>
    /// <exception cref="InvalidOperationException">The group is not one of this campaign's.</exception>
    public Task<CampaignResult> LeaveAsync(GroupBuyId id, MemberId member, Instant at, CancellationToken cancellationToken = default) =>
        ChangeAsync($"member {member} leaves campaign '{Campaign.Name}' group {id}", id, [member], (group, quota, _) => CampaignDecision.Carry(quota, group, group.Leave(member, at), null), cancellationToken);

    /// <summary>Refunds a participant of a formed group after formation; the group stays formed; the units return to the quota or not, by the campaign's rule (<see cref="CampaignBook.RefundSeat"/>).</summary>
    /// <param name="id">The group.</param>
    /// <param name="member">The participant.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted with <see cref="SeatRefunded"/> and the refunded seat; a duplicate; or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">No group has that id.</exception>
    /// <exception cref="InvalidOperationException">The group is not one of this campaign's.</exception>
    public Task<CampaignResult> RefundSeatAsync(GroupBuyId id, MemberId member, Instant at, CancellationToken cancellationToken = default) =>
        ChangeAsync($"refund member {member}'s seat in campaign '{Campaign.Name}' group {id}", id, [], (group, quota, _) => CampaignDecision.Carry(quota, group, group.RefundSeat(member, at), null), cancellationToken);

    /// <summary>Cancels an open group; everyone is refunded and every seat released (<see cref="CampaignBook.Cancel"/>).</summary>
    /// <param name="id">The group.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted with <see cref="GroupCancelled"/> and the released seats; a duplicate; or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">No group has that id.</exception>
    /// <exception cref="InvalidOperationException">The group is not one of this campaign's.</exception>
    public Task<CampaignResult> CancelAsync(GroupBuyId id, Instant at, CancellationToken cancellationToken = default) =>
        ChangeAsync($"cancel campaign '{Campaign.Name}' group {id}", id, [], (group, quota, _) =>
        {
            var before = group.GetParticipants();
            return CampaignDecision.Carry(quota, group, group.Cancel(at), null, before);
        }, cancellationToken);

    /// <summary>Closes a group at its deadline: formed (every seat sold) or failed (every seat released) (<see cref="CampaignBook.CloseAtDeadline"/>).</summary>
    /// <param name="id">The group.</param>
    /// <param name="at">When; at or after the deadline.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted with the settlement and the seats; a duplicate; or refused.</returns>
    /// <exception cref="UnknownGroupBuyException">No group has that id.</exception>
    /// <exception cref="InvalidOperationException">The group is not one of this campaign's.</exception>
    public Task<CampaignResult> CloseAtDeadlineAsync(GroupBuyId id, Instant at, CancellationToken cancellationToken = default) =>
        ChangeAsync($"close campaign '{Campaign.Name}' group {id}", id, [], (group, quota, _) =>
        {
            var before = group.GetParticipants();
            return CampaignDecision.Carry(quota, group, group.CloseAtDeadline(at), null, before);
        }, cancellationToken);

    /// <summary>Closes every open group of the campaign whose deadline is at or before <paramref name="at"/> (the background job's work; safe on several instances at once).</summary>
    /// <param name="at">The instant the job runs for.</param>
    /// <param name="cancellationToken">Cancels the job (closed groups stay closed).</param>
    /// <returns>The groups this call closed, earliest deadline first.</returns>
    public Task<IReadOnlyList<CampaignResult>> CloseDueAsync(Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        var ticks = StoredJson.Ticks(at);
        var rules = GroupRules.RuleNamesOf(Campaign);
        return DueItems.SettleAsync<GroupRow, long, long, CampaignResult>(
            _store, $"campaign '{Campaign.Name}' groups due at {at}", g => g.Status == (int)GroupBuyStatus.Open && g.Deadline <= ticks && rules.Contains(g.RuleName), g => g.Deadline, g => g.GroupId,
            (id, ct) => CloseAtDeadlineAsync(new GroupBuyId(id), at, ct), static r => r.IsApplied, cancellationToken);
    }

    /// <summary>Reads how many units of a SKU are left to take, as committed.</summary>
    /// <param name="skuId">The SKU.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The SKU's quota less what is reserved, sold and withheld.</returns>
    /// <exception cref="ArgumentException">The campaign does not sell the SKU.</exception>
    public Task<int> GetLeftAsync(string skuId, CancellationToken cancellationToken = default)
    {
        var sku = Campaign.FindSku(skuId) ?? throw new ArgumentException($"Campaign '{Campaign.Name}' does not sell SKU '{skuId}'.", nameof(skuId));
        var name = Campaign.Name;
        return _store.RunAsync($"read campaign '{name}' SKU '{skuId}' left", async (db, _, ct) =>
        {
            var row = await db.Set<CampaignSkuRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Campaign == name && r.SkuId == skuId, ct).ConfigureAwait(false);
            return sku.Quota - (row is null ? 0 : row.Reserved + row.Sold + row.Withheld);
        }, cancellationToken);
    }

    /// <summary>Reads what a member holds in the campaign, as committed: units and groups with a reserved or sold seat.</summary>
    /// <param name="member">The member.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Its units and groups.</returns>
    public Task<(int Units, int Groups)> GetHeldByAsync(MemberId member, CancellationToken cancellationToken = default)
    {
        var name = Campaign.Name;
        return _store.RunAsync($"read member {member}'s holdings in campaign '{name}'", async (db, _, ct) =>
        {
            var row = await db.Set<CampaignMemberRow>().AsNoTracking().FirstOrDefaultAsync(r => r.MemberId == member.Value && r.Campaign == name, ct).ConfigureAwait(false);
            return row is null ? (0, 0) : (row.Units, row.Groups);
        }, cancellationToken);
    }

    /// <summary>Reads a member's seat in a group, or null.</summary>
    /// <param name="id">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The seat as committed.</returns>
    public Task<CampaignSeat?> FindSeatAsync(GroupBuyId id, MemberId member, CancellationToken cancellationToken = default) =>
        _store.RunAsync($"read member {member}'s seat in group {id}", async (db, _, ct) =>
        {
            var row = await db.Set<CampaignSeatRow>().AsNoTracking().FirstOrDefaultAsync(r => r.GroupId == id.Value && r.MemberId == member.Value && r.Campaign == Campaign.Name, ct).ConfigureAwait(false);
            return row is null ? null : CampaignRows.Load(Campaign, row);
        }, cancellationToken);

    /// <summary>Reads a group of the campaign as its stored events make it.</summary>
    /// <param name="id">The group.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The group, or null when no group of the campaign has that id.</returns>
    public Task<GroupBuy?> GetAsync(GroupBuyId id, CancellationToken cancellationToken = default) =>
        _store.RunAsync($"read campaign group {id}", async (db, _, ct) =>
        {
            var group = await _stream.ReadAsync(db, id.Value, ct).ConfigureAwait(false);
            return group is not null && _rules.CampaignOf(group.Rule.Name) == Campaign ? group : null;
        }, cancellationToken);

    /// <summary>Lists the campaign's open groups (earliest deadline first).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The open groups' ids.</returns>
    public Task<IReadOnlyList<GroupBuyId>> GetOpenGroupsAsync(CancellationToken cancellationToken = default)
    {
        var rules = GroupRules.RuleNamesOf(Campaign);
        return _store.RunAsync<IReadOnlyList<GroupBuyId>>($"list campaign '{Campaign.Name}' open groups", async (db, _, ct) =>
        {
            var ids = await db.Set<GroupRow>().AsNoTracking().Where(g => rules.Contains(g.RuleName) && g.Status == (int)GroupBuyStatus.Open).OrderBy(g => g.Deadline).ThenBy(g => g.GroupId).Select(g => g.GroupId).ToListAsync(ct).ConfigureAwait(false);
            return ids.ConvertAll(static v => new GroupBuyId(v));
        }, cancellationToken);
    }

    /// <summary>
    /// Reads every seat of the campaign as a quota snapshot (restore an in-memory book with
    /// <see cref="CampaignBook.Restore"/>, or audit it with <see cref="CampaignQuota.FromSnapshot"/>). It reads the whole
    /// campaign: for exports and audits, not for a request path.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, as committed.</returns>
    public Task<CampaignQuotaSnapshot> GetQuotaSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var name = Campaign.Name;
        return _store.RunAsync($"read campaign '{name}' seats", async (db, _, ct) =>
        {
            var rows = await db.Set<CampaignSeatRow>().AsNoTracking().Where(r => r.Campaign == name).OrderBy(r => r.GroupId).ThenBy(r => r.MemberId).ToListAsync(ct).ConfigureAwait(false);
            return new CampaignQuotaSnapshot(SocialCommerce.Serialization.SocialCommerceJson.SchemaVersion, name, rows.ConvertAll(r => CampaignRows.Load(Campaign, r)));
        }, cancellationToken);
    }

    private CampaignResult OpenAgain(GroupBuy existing, string skuId, MemberId leader) =>
        new(existing.OpenAgain(Campaign.FindSku(skuId) is null ? skuId : Campaign.RuleFor(skuId).Name, leader), CampaignQuotaRefusal.None, null, []);

    // Reported as the in-memory book reports: under the group's rule ("{campaign}/{sku}"), once the command's outcome is final.
    private async Task<CampaignResult> ReportedAsync(string ruleName, Task<CampaignResult> command)
    {
        var result = await command.ConfigureAwait(false);
        Report(ruleName, result);
        return result;
    }

    private void Report(string ruleName, CampaignResult result) =>
        CommittedReport.To(_listener, static (l, a) => l.OnGroupBuy(a), new GroupBuyArguments(ruleName, result.Group));

    // One command on a stored group of the campaign: the group's lock and events (EventStream), then the SKU's lock, the
    // group's seats and the holdings of its members and of those the command adds; Core decides (CampaignDecision) and
    // the rows it moved are saved with the group's events, or nothing is (a refusal, a duplicate).
    private async Task<CampaignResult> ChangeAsync(string command, GroupBuyId id, MemberId[] joining, Func<GroupBuy, CampaignQuota, GroupSlots, CampaignResult> decide, CancellationToken cancellationToken)
    {
        var ruleName = Campaign.Name;
        var changed = await _store.RunAsync(command, Keys.Group(id.Value), (db, _, ct) => _stream.DecideAsync(db, id.Value, async group =>
        {
            if (_rules.CampaignOf(group.Rule.Name) != Campaign)
            {
                throw new InvalidOperationException($"Group {id} follows rule '{group.Rule.Name}', not one of campaign '{Campaign.Name}''s: run it through its own store.");
            }

            ruleName = group.Rule.Name;

            var wasOpen = group.Status == GroupBuyStatus.Open;
            var rows = await CampaignRows.LoadAsync(db, Campaign, Campaign.SkuOf(group.Rule.Name), id, joining, ct).ConfigureAwait(false);
            var slots = await GroupSlots.LoadAsync(db, group.Rule, wasOpen ? joining : [], ct, Campaign.Name).ConfigureAwait(false);
            var result = decide(group, rows.Quota, slots);
            if (!result.IsApplied)
            {
                return (result, (IReadOnlyList<GroupBuyEvent>)[]);
            }

            if (wasOpen && group.Status != GroupBuyStatus.Open)
            {
                await slots.LoadMoreAsync(group.GetParticipants(), ct).ConfigureAwait(false);
            }

            slots.Track(group, result.Events);
            rows.Write(result.Seats);
            return (result, result.Events);
        }, ct), cancellationToken).ConfigureAwait(false);
        Report(ruleName, changed);
        return changed;
    }
}
