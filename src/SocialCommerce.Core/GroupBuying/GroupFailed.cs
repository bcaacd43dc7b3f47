using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.GroupBuying;

/// <summary>A group failed at its deadline; every participant, leader included, is refunded what it was charged.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Version">The group's version this event produced.</param>
/// <param name="At">When the failure was evaluated (at or after the deadline).</param>
/// <param name="Refunds">One refund per participant, the leader first.</param>
public sealed record GroupFailed(GroupBuyId GroupId, long Version, Instant At, IReadOnlyList<ParticipantRefund> Refunds)
    : GroupBuyEvent(GroupId, Version, At);
