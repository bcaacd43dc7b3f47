using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Invitations;

/// <summary>A helper helped: a bargain's price dropped by the next cut of its schedule, an assist counted one more helper.</summary>
/// <param name="InvitationId">The invitation.</param>
/// <param name="Version">The invitation's version this event produced.</param>
/// <param name="At">When the helper helped.</param>
/// <param name="Helper">The helper.</param>
/// <param name="HelpsDone">Helps accepted so far, this one included.</param>
public sealed record InvitationHelped(InvitationId InvitationId, long Version, Instant At, MemberId Helper, int HelpsDone)
    : InvitationEvent(InvitationId, Version, At)
{
    /// <summary>Gets the cut this help took (a bargain); null for an assist.</summary>
    public Money? Cut { get; init; }

    /// <summary>Gets a bargain's price after this help; null for an assist.</summary>
    public Money? Price { get; init; }

    /// <summary>Gets whether the help was bought (a paid help the rule and the profile allowed).</summary>
    public bool Paid { get; init; }
}
