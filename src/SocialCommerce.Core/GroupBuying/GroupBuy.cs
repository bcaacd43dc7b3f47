using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// A team-up group (拼团): opened by a leader, joined by members, closed as formed, failed at the
/// deadline (everyone refunded) or cancelled by the host (everyone refunded).
/// </summary>
/// <remarks>
/// <para>
/// Every action validates, changes the group only when accepted, and returns the events that
/// happened; a refusal (group full, expired, already joined...) is a <see cref="GroupBuyResult"/>
/// value and changes nothing. The deadline is exclusive: an action at or after
/// <see cref="Deadline"/> is refused as <see cref="GroupBuyRefusal.Expired"/>; one tick before is accepted.
/// </para>
/// <para>
/// Not thread-safe: a host loads a group, acts, and appends the events with optimistic concurrency on
/// <see cref="Version"/> (each event carries the version it produced). <see cref="GroupBuyBook"/> is
/// the thread-safe in-memory alternative.
/// </para>
/// </remarks>
public sealed class GroupBuy
{
    private const int IndexThreshold = 8;

    private MemberId[] _participants;
    private int[] _units;
    private GroupBuyEvent[]?[] _joins;
    private GroupOpened? _opened;
    private GroupBuyEvent? _settled;
    private int _count;
    private int _simulated;
    private bool _perkLost;
    private HashSet<MemberId>? _index;

    // Members who left (their join's events when they joined, then their leaving's), and seats refunded after
    // formation: the identities a resend may still name.
    private Dictionary<MemberId, (GroupBuyEvent[]? Joined, GroupBuyEvent[] Left)>? _left;
    private Dictionary<MemberId, GroupBuyEvent[]>? _refunded;

    private readonly Money _joinPrice;
    private readonly int _capacity;

    private GroupBuy(GroupBuyId id, GroupBuyRule rule, MemberId leader, Instant openedAt, Instant deadline, Money joinPrice, int capacity)
    {
        Id = id;
        Rule = rule;
        Leader = leader;
        OpenedAt = openedAt;
        Deadline = deadline;
        _joinPrice = joinPrice;
        _capacity = capacity;
        _participants = new MemberId[Math.Min(capacity, 16)];
        _units = new int[_participants.Length];
        _joins = new GroupBuyEvent[]?[_participants.Length];
        _participants[0] = leader;
        _units[0] = 1;
        _count = 1;
        Version = 1;
    }

    /// <summary>Gets the group's identifier.</summary>
    public GroupBuyId Id { get; }

    /// <summary>Gets the rule the group follows.</summary>
    public GroupBuyRule Rule { get; }

    /// <summary>Gets the leader, the group's first participant: the member who opened it, or after it left the next joiner.</summary>
    public MemberId Leader { get; private set; }

    /// <summary>Gets when the group was opened.</summary>
    public Instant OpenedAt { get; }

    /// <summary>
    /// Gets the exclusive deadline: <see cref="OpenedAt"/> plus the rule's time limit, or the hand-over plus the time
    /// limit after the leader left under <see cref="HandOverDeadline.Reset"/>.
    /// </summary>
    public Instant Deadline { get; private set; }

    /// <summary>Gets the group's status.</summary>
    public GroupBuyStatus Status { get; private set; }

    /// <summary>Gets the version: the number of events the group has produced (1 after opening).</summary>
    public long Version { get; private set; }

    /// <summary>Gets the number of real participants, leader included.</summary>
    public int ParticipantCount => _count;

    /// <summary>Gets the units the real participants hold, in all.</summary>
    public int Units
    {
        get
        {
            var units = 0;
            for (var i = 0; i < _count; i++)
            {
                units += _units[i];
            }

            return units;
        }
    }

    /// <summary>Opens a group for a leader, who is charged the rule's join price.</summary>
    /// <param name="id">The host's identifier for the new group.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="leader">The leader.</param>
    /// <param name="at">When the group opens.</param>
    /// <param name="group">The new group, or <see langword="null"/> when refused.</param>
    /// <param name="leaderFacts">What the host knows about the leader (its open groups of this rule).</param>
    /// <param name="units">The units the leader takes; charged the join price for each.</param>
    /// <returns>
    /// Accepted with a <see cref="GroupOpened"/> event, or refused with <see cref="GroupBuyRefusal.TooManyUnits"/> (more
    /// than <see cref="GroupBuyRule.MaxUnitsPerParticipant"/>) or <see cref="GroupBuyRefusal.TooManyOpenGroups"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leaderFacts"/> has a negative open-group count, <paramref name="units"/> is below 1, or <paramref name="at"/> is outside [<see cref="Limits.MinInstant"/>, <see cref="Limits.MaxInstant"/>).</exception>
    public static GroupBuyResult TryOpen(GroupBuyId id, GroupBuyRule rule, MemberId leader, Instant at, out GroupBuy? group, ParticipantFacts leaderFacts = default, int units = 1)
    {
        ArgumentNullException.ThrowIfNull(rule);
        CheckFacts(leaderFacts);
        CheckUnits(units);
        Limits.Check(at, nameof(at));
        group = null;
        if (units > rule.MaxUnitsPerParticipant)
        {
            return GroupBuyResult.Refused(id, leader, GroupBuyRefusal.TooManyUnits);
        }

        if (rule.MaxOpenGroupsPerMember is int max && leaderFacts.OpenGroups >= max)
        {
            return GroupBuyResult.Refused(id, leader, GroupBuyRefusal.TooManyOpenGroups);
        }

        group = new GroupBuy(id, rule, leader, at, at + rule.TimeLimit, rule.JoinPrice, rule.Capacity);
        group._units[0] = units;
        var opened = new GroupOpened(id, 1, at, rule.Name, leader, group.Deadline, rule.JoinPrice * units) { RuleVersion = rule.Version, Capacity = rule.Capacity, Units = units };
        group._opened = opened;
        return GroupBuyResult.Accepted(id, leader, [opened]);
    }

    /// <summary>Rebuilds a group from its persisted events.</summary>
    /// <param name="rule">The rule named by the opening event.</param>
    /// <param name="history">The events, in order, starting with <see cref="GroupOpened"/>, versions 1, 2, 3...</param>
    /// <returns>The group as the events left it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> or <paramref name="history"/> is null.</exception>
    /// <exception cref="CorruptStateException">
    /// The history is empty, does not start with an opening of this rule, skips a version, mixes groups, continues after
    /// a final event, joins more members than the group's seats, joins a member twice, joins outside the group's time,
    /// counts participants other than its joins, or forms with counts or settlements that are not its participants'.
    /// The path names the event (<c>$[i]</c>) and its field.
    /// </exception>
    public static GroupBuy FromHistory(GroupBuyRule rule, IEnumerable<GroupBuyEvent> history)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(history);
        var check = new Serialization.StateCheck("group-buy history");
        GroupBuy? group = null;
        var i = -1;
        foreach (var e in history)
        {
            i++;
            var path = string.Create(CultureInfo.InvariantCulture, $"$[{i}]");
            check.Present(e, path);
            if (group is null)
            {
                check.That(e is GroupOpened, $"{path}.type", e.GetType().Name, "a group's history starts with its opening.");
                var opened = (GroupOpened)e;
                check.That(opened.Version == 1, $"{path}.version", opened.Version, "the opening is version 1.");
                check.That(string.Equals(opened.RuleName, rule.Name, StringComparison.Ordinal), $"{path}.ruleName", opened.RuleName, $"the group is restored under rule '{rule.Name}'.");
                check.That(Limits.IsSupported(opened.At), $"{path}.at", opened.At, "outside the supported instants.");
                check.That(opened.Deadline > opened.At && Limits.IsSupported(opened.Deadline), $"{path}.deadline", opened.Deadline, "the deadline is after the opening, within the supported instants.");
                check.That(opened.Charged != default && opened.Charged.Currency.Equals(rule.Currency) && !opened.Charged.IsNegative && Limits.IsSupported(opened.Charged), $"{path}.charged", opened.Charged, $"a price is whole minor units of {rule.Currency.Code}, not negative.");
                check.That(opened.Units is >= 1 and <= GroupBuyRuleBuilder.MaxUnitsLimit, $"{path}.units", opened.Units, $"a seat holds from 1 to {GroupBuyRuleBuilder.MaxUnitsLimit} units.");
                check.That(opened.Capacity is 0 or >= 2, $"{path}.capacity", opened.Capacity, "a number of seats (at least 2: the leader and one member), or 0 for the rule's.");

                // The group keeps the terms it opened with (deadline, price, seats), whatever the rule says today.
                var joinPrice = new Money(opened.Charged.Amount / opened.Units, opened.Charged.Currency);
                check.That(joinPrice.IsWholeMinorUnits, $"{path}.charged", opened.Charged, $"a charge is the join price, in whole minor units, for each of the seat's {opened.Units} units.");
                group = new GroupBuy(opened.GroupId, rule, opened.Leader, opened.At, opened.Deadline, joinPrice, opened.Capacity > 0 ? opened.Capacity : rule.Capacity) { _opened = opened };
                group._units[0] = opened.Units;
                continue;
            }

            group.Replay(e, check, path);
        }

        return group ?? throw check.Fail("$", "[]", "a group's history is not empty.");
    }

    /// <summary>
    /// Rebuilds a group from an earlier state of it and the events stored after that state (by this process or another
    /// writer), checked as <see cref="FromHistory(GroupBuyRule, IEnumerable{GroupBuyEvent})"/> checks them: a store that
    /// keeps a loaded group reads only the events since, not the whole history.
    /// </summary>
    /// <param name="earlier">The group as it was at its <see cref="Version"/>; it is not changed.</param>
    /// <param name="laterEvents">The events after <paramref name="earlier"/>'s version, in order (versions Version + 1, + 2...); may be empty.</param>
    /// <returns>A new group as the events left it (<paramref name="earlier"/> itself when there are none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="earlier"/> or <paramref name="laterEvents"/> is null.</exception>
    /// <exception cref="CorruptStateException">
    /// An event does not follow: another group's, a skipped version, after a final event, or any finding of
    /// <see cref="FromHistory(GroupBuyRule, IEnumerable{GroupBuyEvent})"/>. The path names the later event (<c>$[i]</c>) and its field.
    /// </exception>
    public static GroupBuy FromHistory(GroupBuy earlier, IEnumerable<GroupBuyEvent> laterEvents)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(laterEvents);
        var check = new Serialization.StateCheck("group-buy history");
        GroupBuy? group = null;
        var i = -1;
        foreach (var e in laterEvents)
        {
            i++;
            var path = string.Create(CultureInfo.InvariantCulture, $"$[{i}]");
            check.Present(e, path);
            group ??= earlier.Copy();
            group.Replay(e, check, path);
        }

        return group ?? earlier;
    }

    private GroupBuy Copy() => new(Id, Rule, Leader, OpenedAt, Deadline, _joinPrice, _capacity)
    {
        _participants = (MemberId[])_participants.Clone(),
        _units = (int[])_units.Clone(),
        _joins = (GroupBuyEvent[]?[])_joins.Clone(),
        _opened = _opened,
        _settled = _settled,
        _count = _count,
        _simulated = _simulated,
        _perkLost = _perkLost,
        _index = _index is null ? null : new HashSet<MemberId>(_index),
        _left = _left is null ? null : new(_left),
        _refunded = _refunded is null ? null : new(_refunded),
        Status = Status,
        Version = Version,
    };

    // One stored event after the opening, checked against the group as it stands, then applied.
    private void Replay(GroupBuyEvent e, Serialization.StateCheck check, string path)
    {
        check.That(e.GroupId == Id, $"{path}.groupId", e.GroupId, $"the history is group {Id}'s.");
        check.That(e.Version == Version + 1, $"{path}.version", e.Version, $"the event after version {Version}.");
        check.That(Status == GroupBuyStatus.Open || (Status == GroupBuyStatus.Formed && e is SeatRefunded), $"{path}.type", e.GetType().Name, $"nothing but a seat's refund follows a {Status} group's final event.");
        check.That(e.At >= OpenedAt && Limits.IsSupported(e.At), $"{path}.at", e.At, $"at or after the opening at {OpenedAt}.");
        check.That(_count > 0 || e is GroupCancelled, $"{path}.type", e.GetType().Name, "a group its last participant left is cancelled next.");
        switch (e)
        {
            case MemberJoined joined:
                check.That(_count < _capacity, path, joined.Member, $"joins beyond the group's {_capacity} seats.");
                check.That(!Contains(joined.Member) && _left?.ContainsKey(joined.Member) != true, $"{path}.member", joined.Member, "a member holds one seat, and does not take one again after leaving.");
                check.That(joined.At < Deadline, $"{path}.at", joined.At, $"a join comes before the deadline {Deadline}.");
                check.That(joined.Units is >= 1 and <= GroupBuyRuleBuilder.MaxUnitsLimit, $"{path}.units", joined.Units, $"a seat holds from 1 to {GroupBuyRuleBuilder.MaxUnitsLimit} units.");
                check.That(joined.Charged == _joinPrice * joined.Units, $"{path}.charged", joined.Charged, $"a join is charged the price the group opened with, {_joinPrice}, for each of its {joined.Units} units.");
                check.That(joined.Participants == _count + 1, $"{path}.participants", joined.Participants, $"the join makes {_count + 1} participants.");
                Add(joined.Member, joined.Units);
                _joins[_count - 1] = [joined];
                break;
            case MemberLeft left:
                var seat = IndexOf(left.Member);
                check.That(seat >= 0, $"{path}.member", left.Member, "a participant of the group leaves it.");
                check.That(left.At < Deadline, $"{path}.at", left.At, $"a participant leaves before the deadline {Deadline}.");
                check.That(left.Units == _units[seat] && left.Refund == _joinPrice * _units[seat], $"{path}.refund", left.Refund, $"the refund is what the seat was charged, {_joinPrice * _units[seat]}.");
                check.That(left.Participants == _count - 1, $"{path}.participants", left.Participants, $"leaving leaves {_count - 1} participants.");
                var handOver = seat == 0 && _count > 1;
                check.That(left.NewLeader == (handOver ? _participants[1] : null), $"{path}.newLeader", left.NewLeader, handOver ? $"the next joiner, {_participants[1]}, leads." : "no hand-over happens.");
                var deadline = handOver && Rule.HandOverDeadline == HandOverDeadline.Reset ? left.At + Rule.TimeLimit : Deadline;
                check.That(left.Deadline == deadline, $"{path}.deadline", left.Deadline, $"the rule makes the deadline {deadline}.");
                var perkMoves = handOver && Rule.PerkMovesToNewLeader && !_perkLost && Rule.LeaderPerk.Kind != LeaderPerkKind.None;
                check.That(left.PerkMoved == perkMoves, $"{path}.perkMoved", left.PerkMoved, $"the rule makes it {perkMoves}.");
                RemoveSeat(seat, left, [left]);
                break;
            case SeatRefunded refunded:
                check.That(Status == GroupBuyStatus.Formed, $"{path}.type", e.GetType().Name, "a seat is refunded this way only after the group formed.");
                var settlements = ((GroupFormed)_settled!).Settlements;
                var k = IndexOf(refunded.Member);
                check.That(k >= 0 && _refunded?.ContainsKey(refunded.Member) != true, $"{path}.member", refunded.Member, "a participant of the formed group, refunded once.");
                check.That(refunded.Refund == settlements[k].Price && refunded.IsLeader == settlements[k].IsLeader && refunded.Units == _units[k], $"{path}.refund", refunded.Refund, $"the seat's settlement: {settlements[k].Price} for {_units[k]} units.");
                (_refunded ??= [])[refunded.Member] = [refunded];
                break;
            case GroupFormed formed:
                check.That(formed.RealParticipants == _count, $"{path}.realParticipants", formed.RealParticipants, $"the group holds {_count} participants.");
                check.That(formed.SimulatedParticipants >= 0 && (long)formed.SimulatedParticipants + _count <= _capacity, $"{path}.simulatedParticipants", formed.SimulatedParticipants, $"from 0 to the {_capacity - _count} empty seats.");
                check.That(formed.SimulatedParticipants == 0 || formed.At >= Deadline, $"{path}.at", formed.At, $"simulated participants complete a group only at its deadline {Deadline}.");
                check.That(formed.At >= Deadline || _count == _capacity, $"{path}.at", formed.At, $"a group forms before its deadline {Deadline} only when full.");
                var formedSettlements = check.Present(formed.Settlements, $"{path}.settlements");
                check.That(formedSettlements.Count == _count, $"{path}.settlements", formedSettlements.Count, $"one settlement per participant ({_count}).");
                for (var i = 0; i < formedSettlements.Count; i++)
                {
                    check.That(formedSettlements[i].Member == _participants[i], string.Create(CultureInfo.InvariantCulture, $"{path}.settlements[{i}].member"), formedSettlements[i].Member, $"the participants in joining order: {_participants[i]}.");
                    check.That(formedSettlements[i].Units == _units[i], string.Create(CultureInfo.InvariantCulture, $"{path}.settlements[{i}].units"), formedSettlements[i].Units, $"the seat's units: {_units[i]}.");
                }

                Status = GroupBuyStatus.Formed;
                _settled = formed;
                _simulated = formed.SimulatedParticipants;
                if (_count > 1 && _joins[_count - 1] is [MemberJoined last] && last.Version == formed.Version - 1 && last.At == formed.At && formed.SimulatedParticipants == 0 && _count == _capacity)
                {
                    _joins[_count - 1] = [last, formed]; // the join that took the last seat formed the group
                }

                break;
            case GroupFailed failed:
                check.That(failed.At >= Deadline, $"{path}.at", failed.At, $"a group fails at or after its deadline {Deadline}.");
                Status = GroupBuyStatus.Failed;
                _settled = failed;
                break;
            case GroupCancelled cancelled:
                Status = GroupBuyStatus.Cancelled;
                _settled = cancelled;
                if (_count == 0 && _left is not null)
                {
                    // The last participant's leaving cancelled the group: a resend of that leaving answers both events.
                    foreach (var (member, record) in _left)
                    {
                        if (record.Left is [MemberLeft l] && l.Version == cancelled.Version - 1 && l.Participants == 0)
                        {
                            _left[member] = (record.Joined, [l, cancelled]);
                            break;
                        }
                    }
                }

                break;
            default:
                throw check.Fail($"{path}.type", e.GetType().Name, "cannot follow an opening.");
        }

        Version = e.Version;
    }

    /// <summary>
    /// Answers an opening command that names this group's id again — a resend after a lost acknowledgement, the same
    /// request on another instance: the same rule and leader is a duplicate carrying the original
    /// <see cref="GroupOpened"/>; anything else is <see cref="GroupBuyRefusal.ConflictingDuplicate"/>. Decided before any
    /// state check, so a resend is never told <see cref="GroupBuyRefusal.TooManyOpenGroups"/>.
    /// </summary>
    /// <param name="ruleName">The rule the command names.</param>
    /// <param name="leader">The leader the command names.</param>
    /// <returns>The duplicate or the conflict; nothing changes.</returns>
    public GroupBuyResult OpenAgain(string ruleName, MemberId leader) =>
        string.Equals(ruleName, Rule.Name, StringComparison.Ordinal) && leader == (_opened?.Leader ?? Leader)
            ? GroupBuyResult.Duplicate(Id, leader, _opened is null ? [] : [_opened])
            : GroupBuyResult.Refused(Id, leader, GroupBuyRefusal.ConflictingDuplicate);

    /// <summary>Returns whether a member is a real participant (the leader included).</summary>
    /// <param name="member">The member.</param>
    /// <returns><see langword="true"/> when the member holds a seat.</returns>
    public bool Contains(MemberId member) => _index?.Contains(member) ?? IndexOf(member) >= 0;

    /// <summary>
    /// Reports how the events of one accepted command of this group change its members' open-group counts (the
    /// <see cref="ParticipantFacts.OpenGroups"/> that <see cref="GroupBuyRule.MaxOpenGroupsPerMember"/> limits): +1 for
    /// the leader who opened it and for each member who joined, then −1 for every participant when the group stopped
    /// being open (formed, failed or cancelled). A store keeps its per-member counts with it; call it on the group as
    /// the command left it.
    /// </summary>
    /// <param name="events">The events of the command (<see cref="GroupBuyResult.Events"/> of an applied result).</param>
    /// <param name="change">Receives each member and its change.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void CountOpenGroups(IReadOnlyList<GroupBuyEvent> events, Action<MemberId, int> change)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(change);
        for (var i = 0; i < events.Count; i++)
        {
            switch (events[i])
            {
                case GroupOpened opened:
                    change(opened.Leader, +1);
                    break;
                case MemberJoined joined:
                    change(joined.Member, +1);
                    break;
                case MemberLeft left:
                    change(left.Member, -1);
                    break;
                case GroupFormed or GroupFailed or GroupCancelled:
                    for (var p = 0; p < _count; p++)
                    {
                        change(_participants[p], -1);
                    }

                    break;
            }
        }
    }

    /// <summary>Returns the real participants, the leader first, then in joining order.</summary>
    /// <returns>A new array.</returns>
    public MemberId[] GetParticipants() => _participants.AsSpan(0, _count).ToArray();

    /// <summary>Returns the units a participant's seat holds.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The seat's units, or 0 when the member holds no seat.</returns>
    public int UnitsOf(MemberId member) => IndexOf(member) is var seat and >= 0 ? _units[seat] : 0;

    /// <summary>Returns whether a participant of the formed group was refunded after formation (<see cref="RefundSeat"/>).</summary>
    /// <param name="member">The member.</param>
    /// <returns><see langword="true"/> when its seat was refunded.</returns>
    public bool IsRefunded(MemberId member) => _refunded?.ContainsKey(member) == true;

    /// <summary>
    /// A member joins; the member is charged the rule's join price. Reaching the rule's capacity forms the group at once.
    /// </summary>
    /// <param name="member">The member.</param>
    /// <param name="at">When the member joins; before <see cref="Deadline"/>.</param>
    /// <param name="facts">What the host knows about the member (new or not, open groups of this rule).</param>
    /// <param name="units">The units the member takes (its seat's quantity); charged the join price for each.</param>
    /// <returns>
    /// Accepted with <see cref="MemberJoined"/> (and <see cref="GroupFormed"/> when the group became full); a duplicate
    /// (<see cref="GroupBuyResult.IsDuplicate"/>, with the first join's events) when the member already joined — even if it
    /// left since — decided first, so a resend of the join that took the last seat is not told the group is full
    /// (<see cref="GroupBuyRefusal.ConflictingDuplicate"/> when the resend names other units); or refused —
    /// checked in this order: <see cref="GroupBuyRefusal.GroupFull"/> (formed with its capacity reached) or
    /// <see cref="GroupBuyRefusal.AlreadyFormed"/> (formed below it, at the deadline), <see cref="GroupBuyRefusal.Failed"/>,
    /// <see cref="GroupBuyRefusal.Cancelled"/>, <see cref="GroupBuyRefusal.Expired"/>,
    /// <see cref="GroupBuyRefusal.LeaderJoiningOwnGroup"/>, <see cref="GroupBuyRefusal.LeftGroup"/> (a leader who handed
    /// the group over), <see cref="GroupBuyRefusal.GroupFull"/>, <see cref="GroupBuyRefusal.TooManyUnits"/>,
    /// <see cref="GroupBuyRefusal.MemberNotNew"/>, <see cref="GroupBuyRefusal.TooManyOpenGroups"/>.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="OpenedAt"/>, <paramref name="facts"/> has a negative open-group count, or <paramref name="units"/> is below 1.</exception>
    public GroupBuyResult Join(MemberId member, Instant at, ParticipantFacts facts = default, int units = 1)
    {
        CheckTime(at);
        CheckFacts(facts);
        CheckUnits(units);

        // A join's identity is the group and the member: seen again, it answers its first outcome before any state check.
        var first = IndexOf(member) is var seat and >= 0 ? _joins[seat] : _left?.GetValueOrDefault(member).Joined;
        if (first is [MemberJoined joinedBefore, ..])
        {
            return joinedBefore.Units == units
                ? GroupBuyResult.Duplicate(Id, member, first)
                : GroupBuyResult.Refused(Id, member, GroupBuyRefusal.ConflictingDuplicate);
        }

        var refusal = Final();
        if (refusal == GroupBuyRefusal.AlreadyFormed && _count + _simulated >= _capacity)
        {
            refusal = GroupBuyRefusal.GroupFull;
        }

        if (refusal == GroupBuyRefusal.None)
        {
            if (at >= Deadline)
            {
                refusal = GroupBuyRefusal.Expired;
            }
            else if (member == Leader)
            {
                refusal = GroupBuyRefusal.LeaderJoiningOwnGroup;
            }
            else if (_left?.ContainsKey(member) == true)
            {
                refusal = GroupBuyRefusal.LeftGroup;
            }
            else if (_count >= _capacity)
            {
                refusal = GroupBuyRefusal.GroupFull;
            }
            else if (units > Rule.MaxUnitsPerParticipant)
            {
                refusal = GroupBuyRefusal.TooManyUnits;
            }
            else if (Rule.NewMembersOnly && !facts.IsNewMember)
            {
                refusal = GroupBuyRefusal.MemberNotNew;
            }
            else if (Rule.MaxOpenGroupsPerMember is int max && facts.OpenGroups >= max)
            {
                refusal = GroupBuyRefusal.TooManyOpenGroups;
            }
        }

        if (refusal != GroupBuyRefusal.None)
        {
            return GroupBuyResult.Refused(Id, member, refusal);
        }

        Add(member, units);
        Version++;
        var joined = new MemberJoined(Id, Version, at, member, _joinPrice * units, _count) { Units = units };
        GroupBuyEvent[] events = _count < _capacity ? [joined] : [joined, Form(at, 0)];
        _joins[_count - 1] = events;
        return GroupBuyResult.Accepted(Id, member, events);
    }

    /// <summary>
    /// Closes the group at its deadline: formed when it holds the required count; otherwise completed
    /// with simulated participants when the rule allows it and enough real ones joined; otherwise
    /// formed at a lower tier when the tiers allow the count; otherwise failed with full refunds.
    /// </summary>
    /// <param name="at">The instant of evaluation; at or after <see cref="Deadline"/>.</param>
    /// <returns>
    /// Accepted with <see cref="GroupFormed"/> or <see cref="GroupFailed"/>; for a group a close already settled at its
    /// deadline (a resend), a duplicate carrying that settlement; refused with <see cref="GroupBuyRefusal.NotYetDue"/>
    /// before the deadline, or with the final status' reason (formed by its last join, cancelled).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="OpenedAt"/>.</exception>
    public GroupBuyResult CloseAtDeadline(Instant at)
    {
        CheckTime(at);

        // A closing's identity is the group: settled at its deadline already (failed, or formed there), a close seen
        // again answers with that settlement before any state check.
        if (_settled is GroupFailed || _settled is GroupFormed formed && formed.At >= Deadline)
        {
            return GroupBuyResult.Duplicate(Id, Leader, [_settled]);
        }

        var refusal = Final();
        if (refusal == GroupBuyRefusal.None && at < Deadline)
        {
            refusal = GroupBuyRefusal.NotYetDue;
        }

        if (refusal != GroupBuyRefusal.None)
        {
            return GroupBuyResult.Refused(Id, Leader, refusal);
        }

        if (_count >= Rule.RequiredParticipants)
        {
            return GroupBuyResult.Accepted(Id, Leader, [Form(at, 0)]);
        }

        if (Rule.AllowsSimulatedParticipants && _count >= Rule.MinimumRealParticipants)
        {
            return GroupBuyResult.Accepted(Id, Leader, [Form(at, Rule.RequiredParticipants - _count)]);
        }

        if (_count >= Rule.MinimumToForm)
        {
            return GroupBuyResult.Accepted(Id, Leader, [Form(at, 0)]);
        }

        Status = GroupBuyStatus.Failed;
        Version++;
        var failed = new GroupFailed(Id, Version, at, Refunds());
        _settled = failed;
        return GroupBuyResult.Accepted(Id, Leader, [failed]);
    }

    /// <summary>The host cancels an open group (before or after its deadline); everyone is refunded what they were charged.</summary>
    /// <param name="at">When the group is cancelled.</param>
    /// <returns>Accepted with <see cref="GroupCancelled"/>; for a cancelled group (a resend) a duplicate carrying its <see cref="GroupCancelled"/>; or refused with the final status' reason.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="OpenedAt"/>.</exception>
    public GroupBuyResult Cancel(Instant at)
    {
        CheckTime(at);

        // A cancellation's identity is the group: cancelled already, a cancel seen again answers with that cancellation.
        if (_settled is GroupCancelled)
        {
            return GroupBuyResult.Duplicate(Id, Leader, [_settled]);
        }

        var refusal = Final();
        if (refusal != GroupBuyRefusal.None)
        {
            return GroupBuyResult.Refused(Id, Leader, refusal);
        }

        Status = GroupBuyStatus.Cancelled;
        Version++;
        var cancelled = new GroupCancelled(Id, Version, at, Refunds());
        _settled = cancelled;
        return GroupBuyResult.Accepted(Id, Leader, [cancelled]);
    }

    /// <summary>
    /// A participant leaves the open group before it forms (its seat cancelled) and is refunded what it was charged. When
    /// the leader leaves, the next joiner leads; the deadline is kept or reset and the leader perk moves or is dropped, by
    /// the rule (<see cref="GroupBuyRule.HandOverDeadline"/>, <see cref="GroupBuyRule.PerkMovesToNewLeader"/>). When the
    /// last participant leaves, the group is cancelled. A member who left does not take a seat in the group again.
    /// </summary>
    /// <param name="member">The participant.</param>
    /// <param name="at">When it leaves; before <see cref="Deadline"/>.</param>
    /// <returns>
    /// Accepted with <see cref="MemberLeft"/> (and <see cref="GroupCancelled"/> when nobody is left); a duplicate carrying
    /// those events when the member left already (a resend), decided first; or refused, in this order:
    /// <see cref="GroupBuyRefusal.AlreadyFormed"/> (refund the seat after formation with <see cref="RefundSeat"/>),
    /// <see cref="GroupBuyRefusal.Failed"/>, <see cref="GroupBuyRefusal.Cancelled"/>, <see cref="GroupBuyRefusal.Expired"/>
    /// (close the group instead), <see cref="GroupBuyRefusal.NotParticipant"/>.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="OpenedAt"/>.</exception>
    public GroupBuyResult Leave(MemberId member, Instant at)
    {
        CheckTime(at);

        // A leaving's identity is the group and the member: seen again, it answers its first outcome.
        if (_left?.TryGetValue(member, out var record) == true)
        {
            return GroupBuyResult.Duplicate(Id, member, record.Left);
        }

        var refusal = Final();
        if (refusal == GroupBuyRefusal.None)
        {
            refusal = at >= Deadline ? GroupBuyRefusal.Expired : IndexOf(member) < 0 ? GroupBuyRefusal.NotParticipant : GroupBuyRefusal.None;
        }

        if (refusal != GroupBuyRefusal.None)
        {
            return GroupBuyResult.Refused(Id, member, refusal);
        }

        var seat = IndexOf(member);
        var handOver = seat == 0 && _count > 1;
        Version++;
        var left = new MemberLeft(Id, Version, at, member, _joinPrice * _units[seat], _count - 1)
        {
            Units = _units[seat],
            NewLeader = handOver ? _participants[1] : null,
            Deadline = handOver && Rule.HandOverDeadline == HandOverDeadline.Reset ? at + Rule.TimeLimit : Deadline,
            PerkMoved = handOver && Rule.PerkMovesToNewLeader && !_perkLost && Rule.LeaderPerk.Kind != LeaderPerkKind.None,
        };
        if (_count > 1)
        {
            RemoveSeat(seat, left, [left]);
            return GroupBuyResult.Accepted(Id, member, [left]);
        }

        Version++;
        var cancelled = new GroupCancelled(Id, Version, at, []);
        GroupBuyEvent[] events = [left, cancelled];
        RemoveSeat(seat, left, events);
        Status = GroupBuyStatus.Cancelled;
        _settled = cancelled;
        return GroupBuyResult.Accepted(Id, member, events);
    }

    /// <summary>
    /// Refunds one participant of the formed group after formation: the group stays formed — its tier and every other
    /// settlement stand — and the participant gets back what it finally paid (its <see cref="ParticipantSettlement.Price"/>).
    /// Commissions on that sale reverse through the ledger as for any refund; a campaign's quota returns or not by its rule.
    /// </summary>
    /// <param name="member">The participant.</param>
    /// <param name="at">When the refund is made.</param>
    /// <returns>
    /// Accepted with <see cref="SeatRefunded"/>; a duplicate carrying it when the seat was refunded already (a resend),
    /// decided first; or refused, in this order: <see cref="GroupBuyRefusal.NotFormed"/> (an open group: the participant
    /// leaves instead), <see cref="GroupBuyRefusal.Failed"/> or <see cref="GroupBuyRefusal.Cancelled"/> (everyone was
    /// refunded then), <see cref="GroupBuyRefusal.NotParticipant"/>.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="OpenedAt"/>.</exception>
    public GroupBuyResult RefundSeat(MemberId member, Instant at)
    {
        CheckTime(at);

        // A refund's identity is the group and the member: seen again, it answers its first outcome.
        if (_refunded?.TryGetValue(member, out var first) == true)
        {
            return GroupBuyResult.Duplicate(Id, member, first);
        }

        var refusal = Status switch
        {
            GroupBuyStatus.Open => GroupBuyRefusal.NotFormed,
            GroupBuyStatus.Formed => IndexOf(member) < 0 ? GroupBuyRefusal.NotParticipant : GroupBuyRefusal.None,
            _ => Final(),
        };
        if (refusal != GroupBuyRefusal.None)
        {
            return GroupBuyResult.Refused(Id, member, refusal);
        }

        var seat = IndexOf(member);
        var settlement = ((GroupFormed)_settled!).Settlements[seat];
        Version++;
        var refunded = new SeatRefunded(Id, Version, at, member, settlement.IsLeader, _units[seat], settlement.Price);
        GroupBuyEvent[] events = [refunded];
        (_refunded ??= [])[member] = events;
        return GroupBuyResult.Accepted(Id, member, events);
    }

    /// <summary>Describes the group.</summary>
    /// <returns>Identifier, rule, status and count.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Group {Id} ({Rule.Name}): {Status}, {_count} participants, version {Version}");

    private static void CheckFacts(ParticipantFacts facts)
    {
        if (facts.OpenGroups < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(facts), facts.OpenGroups, $"ParticipantFacts.OpenGroups should not be negative; was {facts.OpenGroups}.");
        }
    }

    private void CheckTime(Instant at)
    {
        if (at < OpenedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"Instant {at} is before group {Id} was opened ({OpenedAt}).");
        }
    }

    private GroupBuyRefusal Final() => Status switch
    {
        GroupBuyStatus.Formed => GroupBuyRefusal.AlreadyFormed,
        GroupBuyStatus.Failed => GroupBuyRefusal.Failed,
        GroupBuyStatus.Cancelled => GroupBuyRefusal.Cancelled,
        _ => GroupBuyRefusal.None,
    };

    private int IndexOf(MemberId member)
    {
        if (_index is not null && !_index.Contains(member))
        {
            return -1;
        }

        return Array.IndexOf(_participants, member, 0, _count);
    }

    private static void CheckUnits(int units)
    {
        if (units < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, $"A seat takes at least 1 unit; units was {units}.");
        }
    }

    private void Add(MemberId member, int units)
    {
        if (_count == _participants.Length)
        {
            Array.Resize(ref _participants, Math.Min(_capacity, checked(_participants.Length * 2)));
            Array.Resize(ref _units, _participants.Length);
            Array.Resize(ref _joins, _participants.Length);
        }

        _units[_count] = units;
        _participants[_count++] = member;
        if (_index is not null)
        {
            _index.Add(member);
        }
        else if (_count > IndexThreshold)
        {
            _index = new HashSet<MemberId>(_participants.AsSpan(0, _count).ToArray());
        }
    }

    // Removes a participant's seat (the leader's hands the group to the next joiner) and keeps its identity for resends.
    private void RemoveSeat(int seat, MemberLeft left, GroupBuyEvent[] events)
    {
        var member = _participants[seat];
        (_left ??= [])[member] = (_joins[seat], events);
        var rest = _count - seat - 1;
        Array.Copy(_participants, seat + 1, _participants, seat, rest);
        Array.Copy(_units, seat + 1, _units, seat, rest);
        Array.Copy(_joins, seat + 1, _joins, seat, rest);
        _count--;
        _participants[_count] = default;
        _units[_count] = 0;
        _joins[_count] = null;
        _index?.Remove(member);
        if (left.NewLeader is MemberId leader)
        {
            Leader = leader;
            Deadline = left.Deadline;
            _perkLost |= !left.PerkMoved;
        }
    }

    private GroupFormed Form(Instant at, int simulated)
    {
        var units = Units;
        var tier = Rule.TierFor(Rule.TierBasis == GroupBuyTierBasis.Units ? units + simulated : _count + simulated);
        var perk = _perkLost ? LeaderPerk.None : Rule.LeaderPerk;
        var settlements = new ParticipantSettlement[_count];
        for (var i = 0; i < _count; i++)
        {
            var charged = _joinPrice * _units[i];
            var price = tier.UnitPrice * _units[i];
            if (i == 0)
            {
                price = perk.LeaderPrice(tier.UnitPrice) + (tier.UnitPrice * (_units[i] - 1)); // the perk applies to the leader's seat, one unit
            }

            settlements[i] = new ParticipantSettlement(_participants[i], i == 0, charged, price, charged - price) { Units = _units[i] };
        }

        Status = GroupBuyStatus.Formed;
        _simulated = simulated;
        Version++;
        var formed = new GroupFormed(Id, Version, at, _count, simulated, tier, perk, settlements)
        {
            TierBasis = Rule.TierBasis,
            Units = units,
            SimulationThreshold = simulated > 0 ? Rule.MinimumRealParticipants : 0,
            SimulationShare = simulated > 0 ? Rule.MinimumRealShare : null,
        };
        _settled = formed;
        return formed;
    }

    private ParticipantRefund[] Refunds()
    {
        var refunds = new ParticipantRefund[_count];
        for (var i = 0; i < _count; i++)
        {
            refunds[i] = new ParticipantRefund(_participants[i], i == 0, _joinPrice * _units[i]) { Units = _units[i] };
        }

        return refunds;
    }
}
