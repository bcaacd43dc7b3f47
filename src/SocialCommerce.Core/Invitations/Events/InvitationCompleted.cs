using NodaTime;

namespace SocialCommerce.Invitations;

/// <summary>The last required help arrived: a bargain is at its floor, an assist's reward is unlocked for the owner.</summary>
/// <param name="InvitationId">The invitation.</param>
/// <param name="Version">The invitation's version this event produced.</param>
/// <param name="At">When the last help arrived.</param>
public sealed record InvitationCompleted(InvitationId InvitationId, long Version, Instant At)
    : InvitationEvent(InvitationId, Version, At)
{
    /// <summary>Gets a bargain's final price, its floor exactly; null for an assist.</summary>
    public Money? Price { get; init; }

    /// <summary>Gets an assist's unlocked reward; null for a bargain.</summary>
    public AssistReward? Reward { get; init; }
}
