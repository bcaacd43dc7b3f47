using System.Text.Json.Serialization;
using NodaTime;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// Something that happened to a team-up group, to be persisted by the host.
/// </summary>
/// <remarks>
/// <see cref="Version"/> is the group's version after the event: the opening is version 1 and
/// each later event adds 1, so a host that appends events with "expected version = first event's
/// version − 1" gets optimistic concurrency (see docs/group-buying.md).
/// </remarks>
/// <param name="GroupId">The group.</param>
/// <param name="Version">The group's version this event produced (1 for the opening).</param>
/// <param name="At">When it happened, as passed by the host.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(GroupOpened), "group.opened")]
[JsonDerivedType(typeof(MemberJoined), "group.member-joined")]
[JsonDerivedType(typeof(GroupFormed), "group.formed")]
[JsonDerivedType(typeof(GroupFailed), "group.failed")]
[JsonDerivedType(typeof(GroupCancelled), "group.cancelled")]
[JsonDerivedType(typeof(MemberLeft), "group.member-left")]
[JsonDerivedType(typeof(SeatRefunded), "group.seat-refunded")]
public abstract record GroupBuyEvent(GroupBuyId GroupId, long Version, Instant At);
