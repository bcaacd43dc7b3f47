using System.Text.Json.Serialization;
using NodaTime;

namespace SocialCommerce.Invitations;

/// <summary>Something that happened to an invitation (a bargain or an assist), to be persisted by the host.</summary>
/// <remarks>
/// <see cref="Version"/> is the invitation's version after the event: the opening is version 1 and each later event
/// adds 1, so a host that appends events with "expected version = first event's version − 1" gets optimistic
/// concurrency, as for group buys (see docs/invitations.md).
/// </remarks>
/// <param name="InvitationId">The invitation.</param>
/// <param name="Version">The invitation's version this event produced (1 for the opening).</param>
/// <param name="At">When it happened, as passed by the host.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(InvitationOpened), "invitation.opened")]
[JsonDerivedType(typeof(InvitationHelped), "invitation.helped")]
[JsonDerivedType(typeof(InvitationCompleted), "invitation.completed")]
[JsonDerivedType(typeof(InvitationExpired), "invitation.expired")]
public abstract record InvitationEvent(InvitationId InvitationId, long Version, Instant At);
