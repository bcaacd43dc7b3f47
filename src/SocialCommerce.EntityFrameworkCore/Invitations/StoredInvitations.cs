using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.Invitations;

/// <summary>
/// Invitations (bargains, assists) on the database: each invitation is its event stream plus a head row for listing
/// and the close-due job, and each helper's helps per rule and day are a versioned row. A help or a close takes the
/// head row's lock first, reads the events since the invitation this instance kept (or the whole stream), decides in
/// Core and appends at the version it read, so helps of one invitation from many instances line up and an invitation
/// never takes more helps than it requires, nor a cut twice.
/// Rules come from the registered <see cref="InvitationBook"/> (an invitation keeps the terms and schedule it opened with).
/// </summary>
/// <remarks>Thread-safe. Results are Core's <see cref="InvitationResult"/> with the events to publish.</remarks>
public sealed class StoredInvitations
{
    private const string RuleKind = "invitation-rule";
    private readonly StoreExecutor _store;
    private readonly InvitationBook _rules;
    private readonly RuleVersions _versions;
    private readonly InvitationStream _stream;
    private readonly SocialCommerce.Telemetry.SocialCommerceListener? _listener;

    internal StoredInvitations(StoreExecutor store, InvitationBook rules, RuleVersions versions, SocialCommerce.Telemetry.SocialCommerceListener? listener = null)
    {
        _listener = listener;
        _store = store;
        _rules = rules;
        _stream = new InvitationStream(rules);
        _versions = versions;
    }

    /// <summary>Opens an invitation under a registered rule; a bargain's schedule is fixed now from <paramref name="seed"/> and stored with it.</summary>
    /// <param name="id">The invitation's id, chosen by the host (unique).</param>
    /// <param name="ruleName">The rule's name.</param>
    /// <param name="owner">The owner.</param>
    /// <param name="at">When it opens.</param>
    /// <param name="seed">The host's seed for a random bargain schedule (e.g. from <c>RandomNumberGenerator</c>).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>
    /// Accepted with <see cref="InvitationOpened"/>; for an id already opened (a resend, the same request on another
    /// instance) a duplicate carrying the original event, or <see cref="InvitationRefusal.ConflictingDuplicate"/> when it
    /// was opened for another rule or owner.
    /// </returns>
    /// <exception cref="UnknownInvitationException">No rule has that name.</exception>
    public Task<InvitationResult> OpenAsync(InvitationId id, string ruleName, MemberId owner, Instant at, long seed, CancellationToken cancellationToken = default)
    {
        var rule = _rules.GetRule(ruleName);
        Instants.Check(at, nameof(at));
        return ReportedAsync(() => rule, _store.RunAsync($"open invitation {id}", Keys.Invitation(id.Value), async (db, attempt, ct) =>
        {
            // The id is the opening's identity: seen again (the first attempt's insert met the row), the stored invitation
            // answers it — a duplicate of the same opening, or ConflictingDuplicate.
            if (attempt > 1 && await _stream.ReadAsync(db, id.Value, ct).ConfigureAwait(false) is { } existing)
            {
                return existing.OpenAgain(ruleName, owner, seed);
            }

            var result = Invitation.Open(id, rule, owner, at, seed, out var invitation);
            db.Add(new InvitationRow { InvitationId = id.Value, RuleName = rule.Name, OwnerId = owner.Value, Status = (int)invitation.Status, Deadline = StoredJson.Ticks(invitation.Deadline), Version = invitation.Version });
            InvitationStream.AddEvents(db, result.Events);
            await _versions.RecordAsync(db, RuleKind, rule.Name, rule.Version, rule.ToString(), at, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            _versions.Committed(RuleKind, rule.Name, rule.Version);
            _stream.Keep(id.Value, invitation);
            return result;
        }, cancellationToken));
    }

    /// <summary>A member helps, as <see cref="Invitation.Help"/> decides against the latest stored events and the helper's helps that day.</summary>
    /// <param name="id">The invitation.</param>
    /// <param name="helper">The helper.</param>
    /// <param name="at">When.</param>
    /// <param name="isNewMember">Whether the helper is new (for rules open to new members only).</param>
    /// <param name="isPaid">Whether the help was bought (refused unless the rule allows paid help; a book under an enforcing profile only holds such a rule when the profile allows it).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted with <see cref="InvitationHelped"/> (and <see cref="InvitationCompleted"/> on the last help), or the refusal.</returns>
    /// <exception cref="UnknownInvitationException">No invitation has that id.</exception>
    /// <exception cref="StoreConflictException">The invitation's version moved under every attempt (helps line up on the invitation's lock, so only a writer that bypasses the store can cause this).</exception>
    public Task<InvitationResult> HelpAsync(InvitationId id, MemberId helper, Instant at, bool isNewMember = false, bool isPaid = false, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        InvitationRule? decidedBy = null;
        return ReportedAsync(() => decidedBy, _store.RunAsync($"help invitation {id} by member {helper}", Keys.Invitation(id.Value), (db, _, ct) => _stream.DecideAsync(db, id.Value, async invitation =>
        {
            decidedBy = invitation.Rule;
            var rule = invitation.Rule;
            HelperDayRow? day = null;
            if (rule.HelpsPerHelperPerDay is not null && at >= invitation.OpenedAt)
            {
                var key = DayNumber(rule, at);
                day = await db.Set<HelperDayRow>().FirstOrDefaultAsync(d => d.RuleName == rule.Name && d.HelperId == helper.Value && d.Day == key, ct).ConfigureAwait(false);
                if (day is null)
                {
                    day = new HelperDayRow { RuleName = rule.Name, HelperId = helper.Value, Day = key };
                    db.Add(day);
                }
            }

            var result = invitation.Help(helper, at, new HelperFacts(isNewMember, day?.Helps ?? 0, isPaid));
            if (!result.IsApplied)
            {
                return (result, (IReadOnlyList<InvitationEvent>)[]);
            }

            if (day is not null)
            {
                day.Helps++;
                day.Version++;
            }

            return (result, result.Events);
        }, ct), cancellationToken));
    }

    /// <summary>Closes an unfinished invitation at or after its deadline (see <see cref="Invitation.Close"/>).</summary>
    /// <param name="id">The invitation.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted with <see cref="InvitationExpired"/>; a duplicate carrying it when the invitation was closed already (a resend); or the refusal (completed, before the deadline).</returns>
    /// <exception cref="UnknownInvitationException">No invitation has that id.</exception>
    public Task<InvitationResult> CloseAsync(InvitationId id, Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        InvitationRule? decidedBy = null;
        return ReportedAsync(() => decidedBy, _store.RunAsync($"close invitation {id}", Keys.Invitation(id.Value), (db, _, ct) => _stream.DecideAsync(db, id.Value, invitation =>
        {
            decidedBy = invitation.Rule;
            var result = invitation.Close(at);
            return Task.FromResult((result, result.IsApplied ? result.Events : (IReadOnlyList<InvitationEvent>)[]));
        }, ct), cancellationToken));
    }

    /// <summary>
    /// Closes every open invitation whose deadline is at or before <paramref name="at"/> (the deadline job; safe on
    /// several instances at once), then deletes the per-helper daily counts of days no help can fall on any more
    /// (<see cref="InvitationRule.FirstCountedHelperDay"/>), so the table keeps only the days that can still decide.
    /// </summary>
    /// <param name="at">The instant the job runs for.</param>
    /// <param name="cancellationToken">Cancels the job (closed invitations stay closed).</param>
    /// <returns>The closing of each invitation this call closed.</returns>
    public async Task<IReadOnlyList<InvitationResult>> CloseDueAsync(Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        var ticks = StoredJson.Ticks(at);
        var closed = await DueItems.SettleAsync<InvitationRow, long, long, InvitationResult>(
            _store, $"invitations due at {at}", i => i.Status == (int)InvitationStatus.Open && i.Deadline <= ticks, i => i.Deadline, i => i.InvitationId,
            (id, ct) => CloseAsync(new InvitationId(id), at, ct), static r => r.IsApplied, cancellationToken).ConfigureAwait(false);
        await ForgetHelperDaysAsync(at, cancellationToken).ConfigureAwait(false);
        return closed;
    }

    // The helper-day rows of days no help can fall on any more (the rule decides which: InvitationRule.FirstCountedHelperDay,
    // from the opening of the rule's earliest open invitation — its first event's instant), deleted per rule.
    private Task<int> ForgetHelperDaysAsync(Instant at, CancellationToken cancellationToken)
    {
        var rules = _rules.Rules.Where(static r => r.HelpsPerHelperPerDay is not null).ToArray();
        return rules.Length == 0 ? Task.FromResult(0) : _store.RunAsync($"forget the helper days past at {at}", async (db, _, ct) =>
        {
            var forgotten = 0;
            foreach (var rule in rules)
            {
                var name = rule.Name;
                var earliest = await (
                    from invitation in db.Set<InvitationRow>()
                    where invitation.RuleName == name && invitation.Status == (int)InvitationStatus.Open
                    join opened in db.Set<InvitationEventRow>() on invitation.InvitationId equals opened.InvitationId
                    where opened.Version == 1
                    select (long?)opened.At).MinAsync(ct).ConfigureAwait(false);
                var first = Period.DaysBetween(Epoch, rule.FirstCountedHelperDay(at, earliest is { } t ? StoredJson.Instant(t) : null));
                forgotten += await db.Set<HelperDayRow>().Where(d => d.RuleName == name && d.Day < first).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            }

            return forgotten;
        }, cancellationToken);
    }

    /// <summary>Reads an invitation as its stored events make it (its progress, schedule and helpers).</summary>
    /// <param name="id">The invitation.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The invitation, or <see langword="null"/> when no invitation has that id.</returns>
    public Task<Invitation?> GetAsync(InvitationId id, CancellationToken cancellationToken = default) =>
        _store.RunAsync($"read invitation {id}", (db, _, ct) => _stream.ReadAsync(db, id.Value, ct), cancellationToken);

    /// <summary>Lists a member's invitations (newest deadline first), optionally of one status.</summary>
    /// <param name="owner">The owner.</param>
    /// <param name="status">The status, or <see langword="null"/> for every status.</param>
    /// <param name="limit">At most this many (1–10,000).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The invitations' ids.</returns>
    public Task<IReadOnlyList<InvitationId>> GetInvitationsAsync(MemberId owner, InvitationStatus? status = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        return _store.RunAsync<IReadOnlyList<InvitationId>>($"list invitations of member {owner}", async (db, _, ct) =>
        {
            var query = db.Set<InvitationRow>().AsNoTracking().Where(i => i.OwnerId == owner.Value);
            if (status is { } s)
            {
                query = query.Where(i => i.Status == (int)s);
            }

            var ids = await query.OrderByDescending(i => i.Deadline).ThenBy(i => i.InvitationId).Take(limit).Select(i => i.InvitationId).ToListAsync(ct).ConfigureAwait(false);
            return ids.ConvertAll(static v => new InvitationId(v));
        }, cancellationToken);
    }

    private static readonly LocalDate Epoch = new(1970, 1, 1);

    private static int DayNumber(InvitationRule rule, Instant at) => Period.DaysBetween(Epoch, rule.DayOf(at));

    private async Task<InvitationResult> ReportedAsync(Func<InvitationRule?> rule, Task<InvitationResult> command)
    {
        var result = await command.ConfigureAwait(false);
        if (rule() is { } decidedBy)
        {
            SocialCommerce.Telemetry.CommittedReport.To(_listener, static (l, a) => l.OnInvitation(a), new SocialCommerce.Telemetry.InvitationArguments(decidedBy.Name, decidedBy.Kind, result));
        }

        return result;
    }
}
