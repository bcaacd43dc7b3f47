using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Network;
using SocialCommerce.Serialization;

namespace SocialCommerce.Invitations;

/// <summary>
/// One invitation a member opened and shares: a bargain (砍价) whose helpers cut its price to the floor along a
/// schedule fixed at opening, or an assist unlock (助力) whose reward unlocks when enough distinct helpers assisted.
/// </summary>
/// <remarks>
/// <para>
/// Every action validates, changes the invitation only when accepted, and returns the events that happened; a refusal
/// is an <see cref="InvitationResult"/> value and changes nothing. The deadline is exclusive: a help at or after
/// <see cref="Deadline"/> is refused as <see cref="InvitationRefusal.Expired"/>; one tick before is accepted.
/// </para>
/// <para>
/// Not thread-safe: a host loads an invitation (<see cref="FromHistory(InvitationRule, IEnumerable{InvitationEvent})"/>), acts, and appends the events with optimistic
/// concurrency on <see cref="Version"/>. <see cref="InvitationBook"/> is the thread-safe in-memory alternative.
/// </para>
/// </remarks>
public sealed class Invitation
{
    private readonly List<MemberId> _helpers = [];
    private readonly List<Instant> _helpTimes = [];
    private readonly Dictionary<MemberId, int> _helpsBy = [];
    private readonly List<InvitationEvent[]> _helpEvents = [];
    private InvitationOpened? _opened;
    private InvitationExpired? _closed;

    private Invitation(InvitationId id, InvitationRule rule, MemberId owner, Instant openedAt, Instant deadline, int helpsRequired, BargainSchedule? schedule, AssistReward? reward, long seed)
    {
        Id = id;
        Rule = rule;
        Owner = owner;
        OpenedAt = openedAt;
        Deadline = deadline;
        HelpsRequired = helpsRequired;
        Schedule = schedule;
        Reward = reward;
        Seed = seed;
        Price = schedule?.StartPrice;
        Version = 1;
    }

    /// <summary>Gets the invitation's identifier.</summary>
    public InvitationId Id { get; }

    /// <summary>Gets the rule it follows (its terms — deadline, helps, schedule, reward — are those it opened with).</summary>
    public InvitationRule Rule { get; }

    /// <summary>Gets whether it is a bargain or an assist.</summary>
    public InvitationKind Kind => Rule.Kind;

    /// <summary>Gets the member who opened it.</summary>
    public MemberId Owner { get; }

    /// <summary>Gets when it was opened.</summary>
    public Instant OpenedAt { get; }

    /// <summary>Gets the exclusive deadline.</summary>
    public Instant Deadline { get; }

    /// <summary>Gets the helps that complete it.</summary>
    public int HelpsRequired { get; }

    /// <summary>Gets the number of helps accepted.</summary>
    public int HelpsDone => _helpers.Count;

    /// <summary>Gets a bargain's schedule of cuts, fixed at opening; null for an assist.</summary>
    public BargainSchedule? Schedule { get; }

    /// <summary>Gets an assist's reward; null for a bargain.</summary>
    public AssistReward? Reward { get; }

    /// <summary>Gets the seed the bargain's schedule was drawn from; 0 for an assist.</summary>
    public long Seed { get; }

    /// <summary>Gets a bargain's current price; null for an assist.</summary>
    public Money? Price { get; private set; }

    /// <summary>Gets the status.</summary>
    public InvitationStatus Status { get; private set; }

    /// <summary>Gets the version: the number of events produced (1 after opening).</summary>
    public long Version { get; private set; }

    /// <summary>Gets the exact progress: helps done and required, a bargain's price, remaining gap and next cut.</summary>
    public InvitationProgress Progress => new(
        HelpsDone,
        HelpsRequired,
        Price,
        Schedule is null ? null : Price!.Value - Schedule.Floor,
        Schedule is null || HelpsDone >= HelpsRequired ? null : Schedule.Cuts[HelpsDone]);

    /// <summary>Opens an invitation for its owner. For a bargain the whole schedule of cuts is fixed now, from the seed.</summary>
    /// <param name="id">The host's identifier for the invitation.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="owner">The member who opens (and shares) it.</param>
    /// <param name="at">When it opens.</param>
    /// <param name="seed">The host's seed for a random schedule (<see cref="CutCurve.DoubleMean"/>); Core reads no random source.</param>
    /// <param name="invitation">The new invitation.</param>
    /// <returns>Accepted with an <see cref="InvitationOpened"/> event recording the terms (and a bargain's schedule and its hash).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported instants, or its deadline would be.</exception>
    public static InvitationResult Open(InvitationId id, InvitationRule rule, MemberId owner, Instant at, long seed, out Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Limits.Check(at, nameof(at));
        var deadline = at + rule.TimeLimit;
        if (!Limits.IsSupported(deadline))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"The deadline {deadline} of an invitation opened at {at} would be outside the supported instants.");
        }

        var bargain = rule as BargainRule;
        var schedule = bargain?.CreateSchedule(seed);
        var reward = (rule as AssistRule)?.Reward;
        invitation = new Invitation(id, rule, owner, at, deadline, rule.Helpers, schedule, reward, bargain is null ? 0 : seed);
        var opened = new InvitationOpened(id, 1, at, rule.Name, rule.Kind, owner, deadline, rule.Helpers)
        {
            RuleVersion = rule.Version,
            StartPrice = schedule?.StartPrice,
            Floor = schedule?.Floor,
            Cuts = schedule?.Cuts,
            ScheduleHash = schedule?.Hash,
            Seed = invitation.Seed,
            Reward = reward,
        };
        invitation._opened = opened;
        return InvitationResult.Accepted(id, owner, [opened]);
    }

    /// <summary>Rebuilds an invitation from its persisted events, nothing re-decided: the recorded schedule and terms apply.</summary>
    /// <param name="rule">The rule named by the opening event (its current limits on helpers apply to new helps).</param>
    /// <param name="history">The events in order, starting with <see cref="InvitationOpened"/>, versions 1, 2, 3...</param>
    /// <returns>The invitation as the events left it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CorruptStateException">
    /// The history is empty, does not open with this rule's name and kind, opens a bargain whose prices, cuts or schedule
    /// hash are not a schedule, skips a version, mixes invitations, continues after a final event, or records a help the
    /// rule would have refused (outside the invitation's time, beyond its helps, by its owner, a helper once too often, a
    /// paid help the rule forbids) or a cut or price that is not the schedule's; or ends its last help without completing.
    /// The path names the event (<c>$[i]</c>) and its field.
    /// </exception>
    public static Invitation FromHistory(InvitationRule rule, IEnumerable<InvitationEvent> history)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(history);
        var check = new StateCheck("invitation history");
        Invitation? invitation = null;
        var i = -1;
        foreach (var e in history)
        {
            i++;
            var path = string.Create(CultureInfo.InvariantCulture, $"$[{i}]");
            check.Present(e, path);
            if (invitation is null)
            {
                invitation = Opening(check, path, rule, e);
                continue;
            }

            invitation.Next(check, path, e);
        }

        check.That(invitation is not null, "$", "[]", "an invitation's history is not empty.");
        invitation!.CheckEnd(check, i);
        return invitation;
    }

    /// <summary>
    /// Rebuilds an invitation from an earlier state of it and the events stored after that state (by this process or
    /// another writer), checked as <see cref="FromHistory(InvitationRule, IEnumerable{InvitationEvent})"/> checks them: a
    /// store that keeps a loaded invitation reads only the events since, not the whole history.
    /// </summary>
    /// <param name="earlier">The invitation as it was at its <see cref="Version"/>; it is not changed.</param>
    /// <param name="laterEvents">The events after <paramref name="earlier"/>'s version, in order; may be empty.</param>
    /// <returns>A new invitation as the events left it (<paramref name="earlier"/> itself when there are none).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CorruptStateException">
    /// An event does not follow (another invitation's, a skipped version, after a final event) or records what the rule
    /// would have refused, or the last help does not complete; the path names the later event (<c>$[i]</c>) and its field.
    /// </exception>
    public static Invitation FromHistory(Invitation earlier, IEnumerable<InvitationEvent> laterEvents)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(laterEvents);
        var check = new StateCheck("invitation history");
        Invitation? invitation = null;
        var i = -1;
        foreach (var e in laterEvents)
        {
            i++;
            var path = string.Create(CultureInfo.InvariantCulture, $"$[{i}]");
            check.Present(e, path);
            invitation ??= earlier.Copy();
            invitation.Next(check, path, e);
        }

        if (invitation is null)
        {
            return earlier;
        }

        invitation.CheckEnd(check, i);
        return invitation;
    }

    private Invitation Copy()
    {
        var copy = new Invitation(Id, Rule, Owner, OpenedAt, Deadline, HelpsRequired, Schedule, Reward, Seed)
        {
            _opened = _opened,
            _closed = _closed,
            Price = Price,
            Status = Status,
            Version = Version,
        };
        copy._helpers.AddRange(_helpers);
        copy._helpTimes.AddRange(_helpTimes);
        copy._helpEvents.AddRange(_helpEvents);
        foreach (var (helper, helps) in _helpsBy)
        {
            copy._helpsBy.Add(helper, helps);
        }

        return copy;
    }

    private void CheckEnd(StateCheck check, int last) =>
        check.That(Status != InvitationStatus.Open || HelpsDone < HelpsRequired, string.Create(CultureInfo.InvariantCulture, $"$[{last}]"), "(end)", "the last help completes the invitation in the same step; the completion is missing.");

    // One stored event after the opening, checked against the invitation as it stands, then applied.
    private void Next(StateCheck check, string path, InvitationEvent e)
    {
        check.That(e.InvitationId == Id, $"{path}.invitationId", e.InvitationId, $"the history is invitation {Id}'s.");
        check.That(e.Version == Version + 1, $"{path}.version", e.Version, $"the event after version {Version}.");
        check.That(Status == InvitationStatus.Open, $"{path}.type", e.GetType().Name, $"nothing follows the final event of a {Status} invitation.");
        check.That(e.At >= OpenedAt && Limits.IsSupported(e.At), $"{path}.at", e.At, $"at or after the opening at {OpenedAt}.");
        switch (e)
        {
            case InvitationHelped helped:
                Replay(check, path, helped);
                break;
            case InvitationCompleted completed:
                check.That(HelpsDone == HelpsRequired, $"{path}.type", "completed", $"an invitation completes with its last help; {HelpsDone} of {HelpsRequired} were given.");
                check.That(completed.At == _helpTimes[^1], $"{path}.at", completed.At, "an invitation completes at its last help.");
                check.That(completed.Price == Price, $"{path}.price", completed.Price, $"the reached price is {Price}.");
                Status = InvitationStatus.Completed;
                _helpEvents[^1] = [.. _helpEvents[^1], completed];
                break;
            case InvitationExpired expired:
                check.That(expired.At >= Deadline, $"{path}.at", expired.At, $"an invitation closes at or after its deadline {Deadline}.");
                check.That(expired.HelpsDone == HelpsDone, $"{path}.helpsDone", expired.HelpsDone, $"{HelpsDone} helps were given.");
                check.That(!expired.Purchasable || Schedule is not null, $"{path}.purchasable", expired.Purchasable, "only a bargain stays purchasable at its reached price.");
                Status = expired.Purchasable ? InvitationStatus.Expired : InvitationStatus.Failed;
                _closed = expired;
                break;
            default:
                throw check.Fail($"{path}.type", e.GetType().Name, $"cannot follow version {Version} of invitation {Id}.");
        }

        Version = e.Version;
    }

    /// <summary>
    /// Answers an opening command that names this invitation's id again (a resend after a lost acknowledgement, the same
    /// request on another instance): the same rule, owner and (for a bargain) seed is a duplicate carrying the original
    /// <see cref="InvitationOpened"/>; anything else is <see cref="InvitationRefusal.ConflictingDuplicate"/>.
    /// </summary>
    /// <param name="ruleName">The rule the command names.</param>
    /// <param name="owner">The owner the command names.</param>
    /// <param name="seed">The seed the command names (a bargain's schedule depends on it; an assist ignores it).</param>
    /// <returns>The duplicate or the conflict; nothing changes.</returns>
    public InvitationResult OpenAgain(string ruleName, MemberId owner, long seed = 0) =>
        string.Equals(ruleName, Rule.Name, StringComparison.Ordinal) && owner == Owner && (Schedule is null || seed == Seed)
            ? InvitationResult.Duplicate(Id, owner, _opened is null ? [] : [_opened])
            : InvitationResult.Refused(Id, owner, InvitationRefusal.ConflictingDuplicate);

    /// <summary>
    /// A help's identity is the invitation and the helper: a helper who has given every help the rule allows them is a
    /// resend, answered with their last help's events (the completion with it when that help completed the invitation).
    /// </summary>
    internal InvitationResult? HelpAgain(MemberId helper)
    {
        if (HelpsBy(helper) < Rule.HelpsPerHelper)
        {
            return null;
        }

        for (var i = _helpers.Count - 1; i >= 0; i--)
        {
            if (_helpers[i] == helper)
            {
                return InvitationResult.Duplicate(Id, helper, _helpEvents[i]);
            }
        }

        return null;
    }

    /// <summary>Returns how many helps a member gave this invitation.</summary>
    /// <param name="helper">The member.</param>
    /// <returns>The count.</returns>
    public int HelpsBy(MemberId helper) => _helpsBy.TryGetValue(helper, out var count) ? count : 0;

    /// <summary>Returns the helpers, one entry per accepted help, in order.</summary>
    /// <returns>A new array.</returns>
    public MemberId[] GetHelpers() => [.. _helpers];

    /// <summary>A member helps: a bargain's price drops by the next cut of its schedule, an assist counts one more helper.</summary>
    /// <param name="helper">The helper.</param>
    /// <param name="at">When; before <see cref="Deadline"/>.</param>
    /// <param name="facts">What the host knows about the helper (new member, helps today under this rule, paid help).</param>
    /// <returns>
    /// Accepted with <see cref="InvitationHelped"/> (and <see cref="InvitationCompleted"/> on the last required help), or
    /// a duplicate (<see cref="InvitationResult.IsDuplicate"/>, with that help's events) when the helper has already given
    /// every help the rule allows them — decided first, so a resend of the help that completed a bargain is not told
    /// <see cref="InvitationRefusal.Completed"/>; or refused — checked in this order: <see cref="InvitationRefusal.Completed"/>, <see cref="InvitationRefusal.Expired"/>
    /// (closed, or at or after the deadline), <see cref="InvitationRefusal.PaidHelpForbidden"/>,
    /// <see cref="InvitationRefusal.OwnerHelping"/>, <see cref="InvitationRefusal.NotEligible"/>,
    /// <see cref="InvitationRefusal.HelperQuotaReached"/>.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="OpenedAt"/>, or <paramref name="facts"/> has a negative help count.</exception>
    public InvitationResult Help(MemberId helper, Instant at, HelperFacts facts = default)
    {
        CheckTime(at);
        if (HelpAgain(helper) is { } duplicate)
        {
            return duplicate;
        }

        if (facts.HelpsToday < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(facts), facts.HelpsToday, $"HelpsToday should not be negative; was {facts.HelpsToday}.");
        }

        var refusal = Refusal(helper, at, facts);
        if (refusal != InvitationRefusal.None)
        {
            return InvitationResult.Refused(Id, helper, refusal);
        }

        var helpsDone = HelpsDone + 1;
        var helped = new InvitationHelped(Id, Version + 1, at, helper, helpsDone)
        {
            Cut = Schedule?.Cuts[helpsDone - 1],
            Price = Schedule is null ? null : Price!.Value - Schedule.Cuts[helpsDone - 1],
            Paid = facts.IsPaid,
        };
        InvitationEvent[] events = helpsDone == HelpsRequired
            ? [helped, new InvitationCompleted(Id, Version + 2, at) { Price = helped.Price, Reward = Reward }]
            : [helped];
        Replay(helped);
        _helpEvents[^1] = events;
        Version = events[^1].Version;
        if (events.Length == 2)
        {
            Status = InvitationStatus.Completed;
        }

        return InvitationResult.Accepted(Id, helper, events);
    }

    /// <summary>
    /// Closes an unfinished invitation at or after its deadline: a bargain whose rule buys at the reached price leaves
    /// it purchasable (<see cref="InvitationStatus.Expired"/>), anything else fails.
    /// </summary>
    /// <param name="at">When the host closes it.</param>
    /// <returns>
    /// Accepted with <see cref="InvitationExpired"/>; for an invitation already closed (a resend) a duplicate carrying
    /// its <see cref="InvitationExpired"/>; or refused: <see cref="InvitationRefusal.Completed"/>,
    /// <see cref="InvitationRefusal.BeforeDeadline"/>.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="OpenedAt"/>.</exception>
    public InvitationResult Close(Instant at)
    {
        CheckTime(at);

        // A closing's identity is the invitation: closed already, a close seen again answers with that closing.
        if (_closed is not null)
        {
            return InvitationResult.Duplicate(Id, Owner, [_closed]);
        }

        var refusal = Status switch
        {
            InvitationStatus.Completed => InvitationRefusal.Completed,
            InvitationStatus.Open when at < Deadline => InvitationRefusal.BeforeDeadline,
            InvitationStatus.Open => InvitationRefusal.None,
            _ => InvitationRefusal.Expired,
        };
        if (refusal != InvitationRefusal.None)
        {
            return InvitationResult.Refused(Id, Owner, refusal);
        }

        var purchasable = Rule is BargainRule { AtDeadline: DeadlineOutcome.BuyAtReachedPrice } && Kind == InvitationKind.Bargain;
        var expired = new InvitationExpired(Id, Version + 1, at, HelpsDone, purchasable) { Price = Price };
        Status = purchasable ? InvitationStatus.Expired : InvitationStatus.Failed;
        Version = expired.Version;
        _closed = expired;
        return InvitationResult.Accepted(Id, Owner, [expired]);
    }

    /// <summary>Describes the invitation.</summary>
    /// <returns>E.g. <c>"Invitation 3 (bargain 'cut-to-1', owner 7): Open, 2/5 helps, price CNY 61.00"</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Invitation {Id} ({Rule}, owner {Owner}): {Status}, {HelpsDone}/{HelpsRequired} helps{(Price is { } price ? ", price " + price : string.Empty)}");

    internal IReadOnlyList<Instant> HelpTimes => _helpTimes;

    /// <summary>The first two refusals of a help, after its instant is validated: <see cref="InvitationRefusal.Completed"/>, then <see cref="InvitationRefusal.Expired"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="OpenedAt"/> or outside the supported instants.</exception>
    internal InvitationRefusal StateRefusal(Instant at)
    {
        CheckTime(at);
        return Status == InvitationStatus.Completed ? InvitationRefusal.Completed
            : Status != InvitationStatus.Open || at >= Deadline ? InvitationRefusal.Expired
            : InvitationRefusal.None;
    }

    private InvitationRefusal Refusal(MemberId helper, Instant at, HelperFacts facts)
    {
        if (StateRefusal(at) is var state and not InvitationRefusal.None)
        {
            return state;
        }

        if (facts.IsPaid && !Rule.AllowsPaidHelp)
        {
            return InvitationRefusal.PaidHelpForbidden;
        }

        if (helper == Owner && Rule.Eligibility != HelperEligibility.Anyone)
        {
            return InvitationRefusal.OwnerHelping;
        }

        if (Rule.Eligibility == HelperEligibility.NewMembersOnly && !facts.IsNewMember)
        {
            return InvitationRefusal.NotEligible;
        }

        if (HelpsBy(helper) >= Rule.HelpsPerHelper)
        {
            return InvitationRefusal.AlreadyHelped;
        }

        return Rule.HelpsPerHelperPerDay is int perDay && facts.HelpsToday >= perDay ? InvitationRefusal.HelperQuotaReached : InvitationRefusal.None;
    }

    private static Invitation Opening(StateCheck check, string path, InvitationRule rule, InvitationEvent e)
    {
        check.That(e is InvitationOpened, $"{path}.type", e.GetType().Name, "an invitation's history starts with its opening.");
        var opened = (InvitationOpened)e;
        check.That(opened.Version == 1, $"{path}.version", opened.Version, "the opening is version 1.");
        check.That(string.Equals(opened.RuleName, rule.Name, StringComparison.Ordinal), $"{path}.ruleName", opened.RuleName, $"the invitation is restored under rule '{rule.Name}'.");
        check.That(opened.Kind == rule.Kind, $"{path}.kind", opened.Kind, $"rule '{rule.Name}' is a {rule.Kind}.");
        check.That(Limits.IsSupported(opened.At), $"{path}.at", opened.At, "outside the supported instants.");
        check.That(opened.Deadline > opened.At && Limits.IsSupported(opened.Deadline), $"{path}.deadline", opened.Deadline, "the deadline follows the opening, within the supported instants.");
        check.That(opened.HelpsRequired >= 1 && opened.HelpsRequired <= InvitationRule.MaxHelpers, $"{path}.helpsRequired", opened.HelpsRequired, $"from 1 to {InvitationRule.MaxHelpers} helps.");
        BargainSchedule? schedule = null;
        if (rule.Kind == InvitationKind.Bargain)
        {
            var start = opened.StartPrice;
            var floor = opened.Floor;
            check.That(start is { } s && s != default && Limits.IsSupported(s) && s.Amount > 0m, $"{path}.startPrice", start, "a bargain opens at a positive price in whole minor units.");
            check.That(floor is { } f && f != default && f.Currency.Equals(start!.Value.Currency) && Limits.IsSupported(f) && f.Amount >= 0m && f < start.Value, $"{path}.floor", floor, $"a floor of whole minor units of {start!.Value.Currency.Code}, from 0 to below the start price.");
            var cuts = check.Present(opened.Cuts, $"{path}.cuts");
            check.That(cuts.Count == opened.HelpsRequired, $"{path}.cuts", cuts.Count, $"one cut per help ({opened.HelpsRequired}).");
            try
            {
                schedule = BargainSchedule.FromCuts(start!.Value, floor!.Value, cuts);
            }
            catch (ArgumentException ex)
            {
                throw check.Fail($"{path}.cuts", cuts.Count, ex.Message);
            }

            check.That(opened.ScheduleHash is null || string.Equals(opened.ScheduleHash, schedule.Hash, StringComparison.Ordinal), $"{path}.scheduleHash", opened.ScheduleHash, $"the cuts hash to {schedule.Hash}.");
        }
        else
        {
            check.That(opened.Reward is not null, $"{path}.reward", (object?)null, "an assist opens with its reward.");
        }

        return new Invitation(opened.InvitationId, rule, opened.Owner, opened.At, opened.Deadline, opened.HelpsRequired, schedule, opened.Reward, opened.Seed) { _opened = opened };
    }

    private void Replay(StateCheck check, string path, InvitationHelped helped)
    {
        var k = _helpers.Count;
        check.That(k < HelpsRequired, $"{path}.type", "helped", $"all {HelpsRequired} helps were given.");
        check.That(helped.HelpsDone == k + 1, $"{path}.helpsDone", helped.HelpsDone, $"this is help {k + 1}.");
        check.That(helped.At < Deadline, $"{path}.at", helped.At, $"a help comes before the deadline {Deadline}.");
        check.That(helped.Helper != Owner || Rule.Eligibility == HelperEligibility.Anyone, $"{path}.helper", helped.Helper, "the owner does not help their own invitation under this rule.");
        check.That(HelpsBy(helped.Helper) < Rule.HelpsPerHelper, $"{path}.helper", helped.Helper, $"a helper helps at most {Rule.HelpsPerHelper} time(s) under this rule.");
        check.That(!helped.Paid || Rule.AllowsPaidHelp, $"{path}.paid", helped.Paid, "the rule does not allow paid help.");
        if (Schedule is not null)
        {
            var price = Price!.Value - Schedule.Cuts[k];
            check.That(helped.Cut == Schedule.Cuts[k], $"{path}.cut", helped.Cut, $"the schedule's help {k + 1} cuts {Schedule.Cuts[k]}.");
            check.That(helped.Price == price, $"{path}.price", helped.Price, $"the schedule's help {k + 1} brings the price to {price}.");
        }

        Replay(helped);
    }

    /// <summary>Applies an accepted help: the helper counted, the price cut by the schedule's next cut.</summary>
    private void Replay(InvitationHelped helped)
    {
        if (Schedule is not null)
        {
            Price = Price!.Value - Schedule.Cuts[_helpers.Count];
        }

        _helpers.Add(helped.Helper);
        _helpTimes.Add(helped.At);
        _helpEvents.Add([helped]);
        _helpsBy[helped.Helper] = HelpsBy(helped.Helper) + 1;
    }


    private void CheckTime(Instant at)
    {
        if (at < OpenedAt || !Limits.IsSupported(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"Invitation {Id} was opened at {OpenedAt}; an action at {at} is before it or outside the supported instants.");
        }
    }
}
