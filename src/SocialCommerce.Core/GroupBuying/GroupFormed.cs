using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// A group formed: the tier for the final count applies to everyone, the leader perk to the leader.
/// </summary>
/// <remarks>
/// Simulated participants (when the rule allows them) count towards the tier but are not people:
/// they appear only in <see cref="SimulatedParticipants"/>, so a host can disclose them.
/// </remarks>
/// <param name="GroupId">The group.</param>
/// <param name="Version">The group's version this event produced.</param>
/// <param name="At">When the group closed.</param>
/// <param name="RealParticipants">How many real participants (leader included) the group holds.</param>
/// <param name="SimulatedParticipants">How many simulated participants completed the group (0 unless the rule allows them).</param>
/// <param name="Tier">The tier for the final count (<paramref name="RealParticipants"/> + <paramref name="SimulatedParticipants"/>).</param>
/// <param name="LeaderPerk">The perk applied to the leader's price.</param>
/// <param name="Settlements">One settlement per real participant, the leader first, then in joining order.</param>
public sealed record GroupFormed(
    GroupBuyId GroupId,
    long Version,
    Instant At,
    int RealParticipants,
    int SimulatedParticipants,
    PriceTier Tier,
    LeaderPerk LeaderPerk,
    IReadOnlyList<ParticipantSettlement> Settlements)
    : GroupBuyEvent(GroupId, Version, At)
{
    /// <summary>Gets the final participant count, simulated participants included.</summary>
    public int FinalParticipants => RealParticipants + SimulatedParticipants;

    /// <summary>Gets a value indicating whether simulated participants completed the group (to disclose).</summary>
    public bool HasSimulatedParticipants => SimulatedParticipants > 0;

    /// <summary>Gets what decided <see cref="Tier"/>: the final participants, or the units (real units plus one per simulated participant).</summary>
    public GroupBuyTierBasis TierBasis { get; init; }

    /// <summary>Gets the units the real participants took, in all.</summary>
    /// <value>The real participant count unless a seat took more than one unit; 0 in events written before units were recorded.</value>
    public int Units { get; init; }

    /// <summary>
    /// Gets the disclosed threshold that let simulated participants complete the group: the real participants it needed
    /// (<see cref="GroupBuyRule.MinimumRealParticipants"/>); 0 when none completed it.
    /// </summary>
    public int SimulationThreshold { get; init; }

    /// <summary>Gets the threshold as the share of the required seats the rule stated, when it stated one and simulated participants completed the group; otherwise null.</summary>
    public Rate? SimulationShare { get; init; }
}
