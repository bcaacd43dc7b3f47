using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// A participant left an open group before it formed (its seat cancelled) and is refunded what it was charged. When the
/// leader leaves, the next joiner leads (<see cref="NewLeader"/>) and the deadline follows the rule
/// (<see cref="GroupBuyRule.HandOverDeadline"/>); when the last participant leaves, a <see cref="GroupCancelled"/> follows.
/// </summary>
/// <param name="GroupId">The group.</param>
/// <param name="Version">The group's version this event produced.</param>
/// <param name="At">When the participant left.</param>
/// <param name="Member">The participant who left.</param>
/// <param name="Refund">What it is refunded: exactly what it was charged.</param>
/// <param name="Participants">The group's real participant count after it left.</param>
public sealed record MemberLeft(GroupBuyId GroupId, long Version, Instant At, MemberId Member, Money Refund, int Participants)
    : GroupBuyEvent(GroupId, Version, At)
{
    /// <summary>Gets the units the seat held.</summary>
    /// <value>1 unless the seat took more.</value>
    public int Units { get; init; } = 1;

    /// <summary>Gets the new leader when the leader left and another participant remains; otherwise null.</summary>
    public MemberId? NewLeader { get; init; }

    /// <summary>Gets the group's deadline after the event: the same, or reset from <see cref="GroupBuyEvent.At"/> on a hand-over under <see cref="HandOverDeadline.Reset"/>.</summary>
    public Instant Deadline { get; init; }

    /// <summary>Gets a value indicating whether the leader perk went to <see cref="NewLeader"/> (false when nobody gets it any more, or no hand-over happened).</summary>
    public bool PerkMoved { get; init; }
}
