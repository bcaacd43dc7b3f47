using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>A full refund to one participant of a failed or cancelled group: exactly what was charged.</summary>
/// <param name="Member">The participant.</param>
/// <param name="IsLeader">Whether the participant leads the group.</param>
/// <param name="Amount">The refund, equal to what the participant was charged.</param>
public readonly record struct ParticipantRefund(MemberId Member, bool IsLeader, Money Amount)
{
    private readonly int _units = 1;

    /// <summary>Gets the units the participant's seat held.</summary>
    /// <value>1 unless the seat took more; an event written before units were recorded (no <c>units</c>) reads as 1.</value>
    public int Units
    {
        get => _units;
        init => _units = value == 0 ? 1 : value; // an event stored before units were recorded reads 0 here
    }
}
