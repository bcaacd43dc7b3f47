using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>What one real participant of a formed group pays: charged on joining, final price, and the difference refunded.</summary>
/// <remarks><c>Charged == Price + Refund</c> exactly.</remarks>
/// <param name="Member">The participant.</param>
/// <param name="IsLeader">Whether the participant leads the group (the leader perk applies to its price).</param>
/// <param name="Charged">What the participant was charged on opening or joining.</param>
/// <param name="Price">What the participant finally pays: the tier price, less the perk for the leader.</param>
/// <param name="Refund">What is refunded: <paramref name="Charged"/> − <paramref name="Price"/>.</param>
public readonly record struct ParticipantSettlement(MemberId Member, bool IsLeader, Money Charged, Money Price, Money Refund)
{
    private readonly int _units = 1;

    /// <summary>Gets the units the participant's seat held: the tier price applies to each (the leader perk to one).</summary>
    /// <value>1 unless the seat took more; an event written before units were recorded (no <c>units</c>) reads as 1.</value>
    public int Units
    {
        get => _units;
        init => _units = value == 0 ? 1 : value; // an event stored before units were recorded reads 0 here
    }
}
