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

namespace SocialCommerce.Invitations;

/// <summary>
/// A thread-safe, in-memory book of invitations (bargains and assists): rules by name, invitations by id, and each
/// helper's helps per day and rule.
/// </summary>
/// <remarks>
/// <para>
/// Each invitation has its own lock, so helps on different invitations run in parallel and concurrent helps on one
/// never exceed its required helps nor take a cut twice: every accepted help is in the invitation with the next cut of
/// its schedule. The book assigns ids 1, 2, 3... in opening order.
/// </para>
/// <para>
/// When a rule limits helps per helper per day, the book counts them itself (days of the rule's
/// <see cref="InvitationRule.DayZone"/>): a help reserves the count before the invitation's lock is taken and gives it
/// back when refused, so two racing helps near the limit may both be refused, but the limit is never exceeded.
/// </para>
/// <para>
/// Compliance applies twice: <see cref="AddRule"/> checks the rule against <see cref="Profile"/> (a paid help, help
/// only for new members, an undisclosed random schedule), and a paid help is refused at run time unless the profile
/// allows paid help or audits only.
/// </para>
/// </remarks>
public sealed class InvitationBook
{
    private readonly ConcurrentDictionary<string, InvitationRule> _rules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<InvitationId, Invitation> _invitations = new();
    private readonly ConcurrentDictionary<(string Rule, MemberId Helper, LocalDate Day), StrongBox<int>> _daily = new();
    private readonly SocialCommerceListener? _listener;
    private long _lastId;
    private readonly Dictionary<string, InvitationId> _openings = new(StringComparer.Ordinal);

    /// <summary>Creates an empty book.</summary>
    /// <param name="profile">The compliance profile rules and paid helps are checked against; none when null.</param>
    /// <param name="listener">Told about every action and compliance decision; none when null.</param>
    public InvitationBook(ComplianceProfile? profile = null, SocialCommerceListener? listener = null)
    {
        Profile = profile;
        _listener = listener;
    }

    /// <summary>Gets the compliance profile, if any.</summary>
    public ComplianceProfile? Profile { get; }

    /// <summary>Gets the rules, in no particular order.</summary>
    public IReadOnlyCollection<InvitationRule> Rules => [.. _rules.Values];

    /// <summary>Adds a rule under its name; adding the same instance again does nothing.</summary>
    /// <param name="rule">The rule.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentException">Another rule with the same name is in the book.</exception>
    /// <exception cref="ComplianceRefusedException">The profile refuses the rule (e.g. <c>SC501</c>, <c>SC502</c>); nothing is added.</exception>
    public void AddRule(InvitationRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (Profile is not null)
        {
            var decision = Profile.CheckInvitationRule(rule.Facts);
            _listener?.OnComplianceDecision(new ComplianceDecisionArguments(decision));
            decision.EnsureAccepted();
        }

        if (!ReferenceEquals(_rules.GetOrAdd(rule.Name, rule), rule))
        {
            throw new ArgumentException($"Another invitation rule named '{rule.Name}' is already in the book.", nameof(rule));
        }
    }

    /// <summary>Returns a rule by name.</summary>
    /// <param name="ruleName">The name.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="UnknownInvitationException">No rule has that name.</exception>
    public InvitationRule GetRule(string ruleName)
    {
        ArgumentNullException.ThrowIfNull(ruleName);
        return _rules.TryGetValue(ruleName, out var rule) ? rule : throw new UnknownInvitationException(ruleName, _rules.Keys.Select(k => "'" + k + "'"));
    }

    /// <summary>Opens an invitation of a rule for its owner; the book assigns the id.</summary>
    /// <param name="ruleName">The rule.</param>
    /// <param name="owner">The owner.</param>
    /// <param name="at">When it opens.</param>
    /// <param name="seed">The host's seed for a random bargain schedule.</param>
    /// <param name="commandId">
    /// The host's id for this opening command (e.g. the request's idempotency key), or <see langword="null"/>: sent again
    /// with the same command id, the opening answers its first outcome (a duplicate carrying the original
    /// <see cref="InvitationOpened"/>, or <see cref="InvitationRefusal.ConflictingDuplicate"/> for another rule or owner).
    /// At most <see cref="Limits.MaxIdLength"/> characters.
    /// </param>
    /// <returns>Accepted with <see cref="InvitationOpened"/>; the new id is <see cref="InvitationResult.InvitationId"/>.</returns>
    /// <exception cref="UnknownInvitationException">No rule has that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported instants; nothing changes.</exception>
    /// <exception cref="ArgumentException"><paramref name="commandId"/> is empty, too long or holds a control character.</exception>
    public InvitationResult Open(string ruleName, MemberId owner, Instant at, long seed = 0, string? commandId = null)
    {
        var rule = GetRule(ruleName);
        Limits.Check(at, nameof(at));
        if (commandId is null)
        {
            return OpenNew(rule, owner, at, seed);
        }

        Limits.CheckId(commandId, nameof(commandId));
        lock (_openings)
        {
            if (_openings.TryGetValue(commandId, out var known))
            {
                var existing = Get(known);
                lock (existing)
                {
                    return Report(rule, existing.OpenAgain(ruleName, owner, seed));
                }
            }

            var result = OpenNew(rule, owner, at, seed);
            _openings.Add(commandId, result.InvitationId);
            return result;
        }
    }

    private InvitationResult OpenNew(InvitationRule rule, MemberId owner, Instant at, long seed)
    {
        var id = new InvitationId(Interlocked.Increment(ref _lastId));
        var result = Invitation.Open(id, rule, owner, at, seed, out var invitation);
        _invitations[id] = invitation;
        return Report(rule, result);
    }

    /// <summary>Takes in a stored invitation rebuilt with <see cref="Invitation.FromHistory(InvitationRule, IEnumerable{InvitationEvent})"/>; new ids follow the largest restored one.</summary>
    /// <param name="invitation">The invitation; its rule must be the book's rule of that name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="invitation"/> is null.</exception>
    /// <exception cref="UnknownInvitationException">The book has no rule of that name.</exception>
    /// <exception cref="ArgumentException">The id is not positive, or the book already holds it; nothing changes.</exception>
    public void Restore(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var rule = GetRule(invitation.Rule.Name);
        if (invitation.Id.Value < 1)
        {
            throw new ArgumentException($"Invitation id {invitation.Id} should be positive.", nameof(invitation));
        }

        if (!_invitations.TryAdd(invitation.Id, invitation))
        {
            throw new ArgumentException($"The book already holds invitation {invitation.Id}.", nameof(invitation));
        }

        long last;
        while ((last = Volatile.Read(ref _lastId)) < invitation.Id.Value && Interlocked.CompareExchange(ref _lastId, invitation.Id.Value, last) != last)
        {
        }

        if (rule.HelpsPerHelperPerDay is not null)
        {
            var helpers = invitation.GetHelpers();
            for (var i = 0; i < helpers.Length; i++)
            {
                Interlocked.Increment(ref Counter(rule, helpers[i], invitation.HelpTimes[i]).Value);
            }
        }
    }

    /// <summary>A member helps an invitation; safe to call from many threads at once.</summary>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="helper">The helper.</param>
    /// <param name="at">When.</param>
    /// <param name="isNewMember">Whether the helper counts as new (for rules open to new members only).</param>
    /// <param name="isPaid">Whether the help was bought (refused unless the rule and the profile allow paid help).</param>
    /// <returns>See <see cref="Invitation.Help"/>; the book supplies the helper's helps today.</returns>
    /// <exception cref="UnknownInvitationException">The book does not hold the invitation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the invitation was opened.</exception>
    public InvitationResult Help(InvitationId invitationId, MemberId helper, Instant at, bool isNewMember = false, bool isPaid = false)
    {
        var invitation = Get(invitationId);
        var rule = invitation.Rule;
        if (isPaid && Profile is { AllowsPaidHelp: false, Mode: ComplianceMode.Enforce })
        {
            // The profile's refusal takes its place in the documented order: after the instant is validated and after
            // Completed and Expired, before the rule's own checks.
            InvitationRefusal state;
            lock (invitation)
            {
                state = invitation.StateRefusal(at);
                if (invitation.HelpAgain(helper) is { } duplicate)
                {
                    return Report(rule, duplicate); // "I already did this" comes before every refusal
                }
            }

            if (state != InvitationRefusal.None)
            {
                return Report(rule, InvitationResult.Refused(invitationId, helper, state));
            }

            var decision = Profile.CheckInvitationRule(rule.Facts with { AllowsPaidHelp = true });
            _listener?.OnComplianceDecision(new ComplianceDecisionArguments(decision));
            return Report(rule, InvitationResult.Refused(invitationId, helper, InvitationRefusal.PaidHelpForbidden));
        }

        StrongBox<int>? counter = null;
        var today = 0;
        if (rule.HelpsPerHelperPerDay is int perDay && at >= invitation.OpenedAt && Limits.IsSupported(at))
        {
            var box = Counter(rule, helper, at);
            while (true)
            {
                today = Volatile.Read(ref box.Value);
                if (today >= perDay)
                {
                    break;
                }

                if (Interlocked.CompareExchange(ref box.Value, today + 1, today) == today)
                {
                    counter = box;
                    break;
                }
            }
        }

        InvitationResult result;
        try
        {
            lock (invitation)
            {
                result = invitation.Help(helper, at, new HelperFacts(isNewMember, today, isPaid));
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

        return Report(rule, result);
    }

    /// <summary>Closes an unfinished invitation at or after its deadline (see <see cref="Invitation.Close"/>).</summary>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="at">When.</param>
    /// <returns>See <see cref="Invitation.Close"/>.</returns>
    /// <exception cref="UnknownInvitationException">The book does not hold the invitation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the invitation was opened.</exception>
    public InvitationResult Close(InvitationId invitationId, Instant at)
    {
        var invitation = Get(invitationId);
        InvitationResult result;
        lock (invitation)
        {
            result = invitation.Close(at);
        }

        return Report(invitation.Rule, result);
    }

    /// <summary>
    /// Closes every open invitation whose deadline is at or before <paramref name="at"/> (the deadline job), and forgets
    /// the per-helper daily counts of days no open invitation can take a help on any more (before the day the earliest
    /// open invitation of the rule opened), so a long-running book keeps only the counts it may still need.
    /// </summary>
    /// <param name="at">Now.</param>
    /// <returns>The accepted closings, in id order.</returns>
    public IReadOnlyList<InvitationResult> CloseDue(Instant at)
    {
        var closed = new List<InvitationResult>();
        var earliestOpen = new Dictionary<string, Instant>(StringComparer.Ordinal);
        foreach (var invitation in _invitations.Values.OrderBy(i => i.Id.Value))
        {
            if (invitation.Status == InvitationStatus.Open && invitation.Deadline <= at && at >= invitation.OpenedAt)
            {
                var result = Close(invitation.Id, at);
                if (result.IsAccepted)
                {
                    closed.Add(result);
                }
            }

            if (invitation.Status == InvitationStatus.Open
                && (!earliestOpen.TryGetValue(invitation.Rule.Name, out var earliest) || invitation.OpenedAt < earliest))
            {
                earliestOpen[invitation.Rule.Name] = invitation.OpenedAt;
            }
        }

        PruneDailyCounts(earliestOpen, at);
        return closed;
    }

    /// <summary>Gets how many per-helper daily counts the book keeps (for tests of the pruning).</summary>
    internal int DailyCountEntries => _daily.Count;

    // The rule decides which days can never be counted again (InvitationRule.FirstCountedHelperDay).
    private void PruneDailyCounts(Dictionary<string, Instant> earliestOpen, Instant at)
    {
        if (_daily.IsEmpty || !Limits.IsSupported(at))
        {
            return;
        }

        foreach (var key in _daily.Keys)
        {
            if (!_rules.TryGetValue(key.Rule, out var rule))
            {
                continue;
            }

            if (key.Day < rule.FirstCountedHelperDay(at, earliestOpen.TryGetValue(key.Rule, out var opened) ? opened : null))
            {
                _daily.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Returns a consistent view of an invitation.</summary>
    /// <param name="invitationId">The invitation.</param>
    /// <returns>The view, taken under the invitation's lock.</returns>
    /// <exception cref="UnknownInvitationException">The book does not hold the invitation.</exception>
    public InvitationSnapshot GetSnapshot(InvitationId invitationId)
    {
        var invitation = Get(invitationId);
        lock (invitation)
        {
            return new InvitationSnapshot(invitation.Id, invitation.Rule.Name, invitation.Kind, invitation.Owner, invitation.Status, invitation.Deadline, invitation.Version, invitation.Progress, invitation.GetHelpers());
        }
    }

    /// <summary>Returns a bargain's schedule (for disclosure); null for an assist.</summary>
    /// <param name="invitationId">The invitation.</param>
    /// <returns>The schedule fixed at opening.</returns>
    /// <exception cref="UnknownInvitationException">The book does not hold the invitation.</exception>
    public BargainSchedule? GetSchedule(InvitationId invitationId) => Get(invitationId).Schedule;

    private Invitation Get(InvitationId id) => _invitations.TryGetValue(id, out var invitation) ? invitation : throw new UnknownInvitationException(id);

    private StrongBox<int> Counter(InvitationRule rule, MemberId helper, Instant at) =>
        _daily.GetOrAdd((rule.Name, helper, rule.DayOf(at)), static _ => new StrongBox<int>());

    private static void Release(StrongBox<int>? counter)
    {
        if (counter is not null)
        {
            Interlocked.Decrement(ref counter.Value);
        }
    }

    private InvitationResult Report(InvitationRule rule, InvitationResult result)
    {
        CommittedReport.To(_listener, static (l, a) => l.OnInvitation(a), new InvitationArguments(rule.Name, rule.Kind, result));

        return result;
    }
}
