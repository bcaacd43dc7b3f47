using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>A member joined a group and was charged the rule's join price.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Version">The group's version this event produced.</param>
/// <param name="At">When the member joined.</param>
/// <param name="Member">The member.</param>
/// <param name="Charged">What the member was charged: the rule's join price for each unit taken.</param>
/// <param name="Participants">The group's real participant count after the join, leader included.</param>
public sealed record MemberJoined(GroupBuyId GroupId, long Version, Instant At, MemberId Member, Money Charged, int Participants)
    : GroupBuyEvent(GroupId, Version, At)
{
    private readonly int _units = 1;

    /// <summary>Gets the units the member took (its seat's quantity); <see cref="Charged"/> is the join price times it.</summary>
    /// <value>1 unless the member took more; an event written before units were recorded (no <c>units</c>) reads as 1.</value>
    public int Units
    {
        get => _units;
        init => _units = value == 0 ? 1 : value; // an event stored before units were recorded reads 0 here
    }
}
