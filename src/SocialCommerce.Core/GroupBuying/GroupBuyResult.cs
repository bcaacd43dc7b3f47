using System;
using System.Collections.Generic;
using System.Globalization;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// The outcome of an action on a team-up group: accepted with the events that happened, or refused
/// with a reason (and no events: nothing was applied).
/// </summary>
public readonly struct GroupBuyResult : IEquatable<GroupBuyResult>
{
    private readonly GroupBuyEvent[]? _events;
    private readonly MemberId _member;

    private GroupBuyResult(GroupBuyId groupId, GroupBuyRefusal refusal, MemberId member, GroupBuyEvent[]? events, bool isDuplicate = false)
    {
        GroupId = groupId;
        Refusal = refusal;
        _member = member;
        _events = events;
        IsDuplicate = isDuplicate;
    }

    /// <summary>Gets the group acted on.</summary>
    public GroupBuyId GroupId { get; }

    /// <summary>Gets why the action was refused; <see cref="GroupBuyRefusal.None"/> when accepted.</summary>
    public GroupBuyRefusal Refusal { get; }

    /// <summary>Gets a value indicating whether the action was accepted (now, or the first time when <see cref="IsDuplicate"/>).</summary>
    public bool IsAccepted => Refusal == GroupBuyRefusal.None;

    /// <summary>
    /// Gets a value indicating whether the command was seen before (a resend, a retry on another instance): nothing
    /// changed now, and <see cref="Events"/> are the events of its first, accepted, outcome.
    /// </summary>
    public bool IsDuplicate { get; }

    /// <summary>
    /// Gets a value indicating whether the command changed something now: accepted and not a duplicate (the events are
    /// new and are what a store appends and a host publishes).
    /// </summary>
    public bool IsApplied => IsAccepted && !IsDuplicate;

    /// <summary>Gets the events that happened, in order; empty when refused.</summary>
    public IReadOnlyList<GroupBuyEvent> Events => _events ?? [];

    /// <summary>Gets a message naming the group, the member and the reason, or <see langword="null"/> when accepted.</summary>
    public string? Message => IsAccepted
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"Group {GroupId} refused member {_member}: {Refusal}.");

    /// <summary>Compares two results by group, refusal and event list identity.</summary>
    public static bool operator ==(GroupBuyResult left, GroupBuyResult right) => left.Equals(right);

    /// <summary>Compares two results by group, refusal and event list identity.</summary>
    public static bool operator !=(GroupBuyResult left, GroupBuyResult right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(GroupBuyResult other) =>
        GroupId == other.GroupId && Refusal == other.Refusal && IsDuplicate == other.IsDuplicate && _member == other._member && ReferenceEquals(_events, other._events);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GroupBuyResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GroupId, Refusal, _member);

    /// <summary>Describes the result.</summary>
    /// <returns>"accepted (n events)" or the refusal message.</returns>
    public override string ToString() =>
        IsAccepted ? string.Create(CultureInfo.InvariantCulture, $"Group {GroupId}: {(IsDuplicate ? "duplicate of an accepted command" : "accepted")} ({Events.Count} events)") : Message!;

    internal static GroupBuyResult Accepted(GroupBuyId groupId, MemberId member, GroupBuyEvent[] events) => new(groupId, GroupBuyRefusal.None, member, events);

    internal static GroupBuyResult Duplicate(GroupBuyId groupId, MemberId member, GroupBuyEvent[] events) => new(groupId, GroupBuyRefusal.None, member, events, isDuplicate: true);

    internal static GroupBuyResult Refused(GroupBuyId groupId, MemberId member, GroupBuyRefusal refusal) => new(groupId, refusal, member, null);
}
