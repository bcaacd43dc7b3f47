using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Invitations;

/// <summary>A consistent view of one invitation of an <see cref="InvitationBook"/>, taken under the invitation's lock.</summary>
/// <param name="Id">The invitation.</param>
/// <param name="RuleName">Its rule.</param>
/// <param name="Kind">Bargain or assist.</param>
/// <param name="Owner">The member who opened it.</param>
/// <param name="Status">Its status.</param>
/// <param name="Deadline">Its exclusive deadline.</param>
/// <param name="Version">Its version (number of events produced).</param>
/// <param name="Progress">Its exact progress.</param>
/// <param name="Helpers">Its helpers, one entry per accepted help, in order.</param>
public sealed record InvitationSnapshot(InvitationId Id, string RuleName, InvitationKind Kind, MemberId Owner, InvitationStatus Status, Instant Deadline, long Version, InvitationProgress Progress, IReadOnlyList<MemberId> Helpers);
