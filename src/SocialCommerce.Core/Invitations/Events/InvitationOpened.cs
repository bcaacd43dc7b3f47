using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Invitations;

/// <summary>
/// A member opened an invitation. The event records the terms the invitation keeps whatever the rule says later:
/// the deadline, the helps required and, for a bargain, the start price, the floor and the whole schedule of cuts.
/// </summary>
/// <param name="InvitationId">The invitation.</param>
/// <param name="Version">Always 1.</param>
/// <param name="At">When it was opened.</param>
/// <param name="RuleName">The rule's name.</param>
/// <param name="Kind">Bargain or assist.</param>
/// <param name="Owner">The member who opened it (and shares it).</param>
/// <param name="Deadline">The exclusive deadline: <paramref name="At"/> plus the rule's time limit.</param>
/// <param name="HelpsRequired">The helps that complete it (the bargain's N, the assist's K).</param>
public sealed record InvitationOpened(InvitationId InvitationId, long Version, Instant At, string RuleName, InvitationKind Kind, MemberId Owner, Instant Deadline, int HelpsRequired)
    : InvitationEvent(InvitationId, Version, At)
{
    /// <summary>Gets the version of the rule the invitation opened under (<see cref="InvitationRule.Version"/>).</summary>
    public string? RuleVersion { get; init; }

    /// <summary>Gets a bargain's start price; null for an assist.</summary>
    public Money? StartPrice { get; init; }

    /// <summary>Gets a bargain's floor, the price after the last help; null for an assist.</summary>
    public Money? Floor { get; init; }

    /// <summary>Gets a bargain's schedule of cuts in help order (they sum to start − floor exactly); null for an assist.</summary>
    public IReadOnlyList<Money>? Cuts { get; init; }

    /// <summary>Gets the seed the host passed (a bargain's schedule is derived from it); 0 for an assist.</summary>
    public long Seed { get; init; }

    /// <summary>Gets a bargain's schedule hash (<see cref="BargainSchedule.Hash"/>), for disclosure; null for an assist.</summary>
    public string? ScheduleHash { get; init; }

    /// <summary>Gets an assist's reward; null for a bargain.</summary>
    public AssistReward? Reward { get; init; }
}
