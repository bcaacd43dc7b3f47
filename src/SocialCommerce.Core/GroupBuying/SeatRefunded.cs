using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// One participant of a formed group was refunded after formation: the group stays formed (its tier and every other
/// settlement stand); this participant gets back what it finally paid (<see cref="ParticipantSettlement.Price"/>).
/// </summary>
/// <param name="GroupId">The group.</param>
/// <param name="Version">The group's version this event produced.</param>
/// <param name="At">When the seat was refunded.</param>
/// <param name="Member">The participant.</param>
/// <param name="IsLeader">Whether it led the group at formation.</param>
/// <param name="Units">The units its seat held.</param>
/// <param name="Refund">What it is refunded: its settlement's price (the charge less the difference already refunded at formation).</param>
public sealed record SeatRefunded(GroupBuyId GroupId, long Version, Instant At, MemberId Member, bool IsLeader, int Units, Money Refund)
    : GroupBuyEvent(GroupId, Version, At);
