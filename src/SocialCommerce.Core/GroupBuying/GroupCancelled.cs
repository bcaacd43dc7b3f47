using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.GroupBuying;

/// <summary>The host cancelled an open group; every participant, leader included, is refunded what it was charged.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Version">The group's version this event produced.</param>
/// <param name="At">When the group was cancelled.</param>
/// <param name="Refunds">One refund per participant, the leader first.</param>
public sealed record GroupCancelled(GroupBuyId GroupId, long Version, Instant At, IReadOnlyList<ParticipantRefund> Refunds)
    : GroupBuyEvent(GroupId, Version, At);
