using System;

namespace SocialCommerce.Compliance;

/// <summary>
/// Names the profile thresholds that a source states as "more than" rather than "at least" (see
/// <see cref="ComplianceProfile.StrictThresholds"/>). Thresholds not named are inclusive.
/// </summary>
[Flags]
public enum ComplianceThresholds
{
    /// <summary>Every threshold is inclusive ("at least", "not below").</summary>
    None = 0,

    /// <summary>A team is flagged only with <em>more</em> team levels than <see cref="ComplianceProfile.FlagTeamLevels"/>.</summary>
    TeamLevels = 1,

    /// <summary>A team is flagged only with <em>more</em> participants than <see cref="ComplianceProfile.FlagTeamParticipants"/>.</summary>
    TeamParticipants = 2,

    /// <summary>Customers must buy <em>more</em> than <see cref="ComplianceProfile.MinCustomerShare"/>; a share equal to it is flagged.</summary>
    CustomerShare = 4,
}
