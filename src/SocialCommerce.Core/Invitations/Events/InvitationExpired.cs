using NodaTime;

namespace SocialCommerce.Invitations;

/// <summary>The deadline passed before every help arrived; the invitation is closed.</summary>
/// <param name="InvitationId">The invitation.</param>
/// <param name="Version">The invitation's version this event produced.</param>
/// <param name="At">When the host closed it (at or after the deadline).</param>
/// <param name="HelpsDone">Helps accepted before the deadline.</param>
/// <param name="Purchasable">
/// Whether the owner may buy at <see cref="Price"/> (a bargain whose rule buys at the reached price); false when it failed.
/// </param>
public sealed record InvitationExpired(InvitationId InvitationId, long Version, Instant At, int HelpsDone, bool Purchasable)
    : InvitationEvent(InvitationId, Version, At)
{
    /// <summary>Gets a bargain's price reached at the deadline; null for an assist.</summary>
    public Money? Price { get; init; }
}
