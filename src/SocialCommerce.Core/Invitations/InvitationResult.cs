using System;
using System.Collections.Generic;
using System.Globalization;
using SocialCommerce.Network;

namespace SocialCommerce.Invitations;

/// <summary>
/// The outcome of an action on an invitation: accepted with the events that happened, or refused with a reason (and
/// no events: nothing was applied).
/// </summary>
public readonly struct InvitationResult : IEquatable<InvitationResult>
{
    private readonly InvitationEvent[]? _events;

    private InvitationResult(InvitationId invitationId, MemberId member, InvitationRefusal refusal, InvitationEvent[]? events, bool isDuplicate = false)
    {
        InvitationId = invitationId;
        Member = member;
        Refusal = refusal;
        _events = events;
        IsDuplicate = isDuplicate;
    }

    /// <summary>Gets the invitation acted on.</summary>
    public InvitationId InvitationId { get; }

    /// <summary>Gets the member who acted (the owner for opening and closing, the helper for a help).</summary>
    public MemberId Member { get; }

    /// <summary>Gets why the action was refused; <see cref="InvitationRefusal.None"/> when accepted.</summary>
    public InvitationRefusal Refusal { get; }

    /// <summary>Gets a value indicating whether the action was accepted.</summary>
    public bool IsAccepted => Refusal == InvitationRefusal.None;

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
    public IReadOnlyList<InvitationEvent> Events => _events ?? [];

    /// <summary>Gets a message naming the invitation, the member and the reason, or <see langword="null"/> when accepted.</summary>
    public string? Message => IsAccepted
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"Invitation {InvitationId} refused member {Member}: {Refusal}.");

    /// <summary>Compares two results by invitation, member, refusal and event list identity.</summary>
    public static bool operator ==(InvitationResult left, InvitationResult right) => left.Equals(right);

    /// <summary>Compares two results by invitation, member, refusal and event list identity.</summary>
    public static bool operator !=(InvitationResult left, InvitationResult right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(InvitationResult other) =>
        InvitationId == other.InvitationId && Member == other.Member && Refusal == other.Refusal && IsDuplicate == other.IsDuplicate && ReferenceEquals(_events, other._events);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is InvitationResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(InvitationId, Member, Refusal);

    /// <summary>Describes the result.</summary>
    /// <returns>"accepted (n events)" or the refusal message.</returns>
    public override string ToString() =>
        IsAccepted ? string.Create(CultureInfo.InvariantCulture, $"Invitation {InvitationId}: accepted ({Events.Count} events)") : Message!;

    internal static InvitationResult Accepted(InvitationId id, MemberId member, InvitationEvent[] events) => new(id, member, InvitationRefusal.None, events);

    internal static InvitationResult Duplicate(InvitationId id, MemberId member, InvitationEvent[] events) => new(id, member, InvitationRefusal.None, events, isDuplicate: true);

    internal static InvitationResult Refused(InvitationId id, MemberId member, InvitationRefusal refusal) => new(id, member, refusal, null);
}
