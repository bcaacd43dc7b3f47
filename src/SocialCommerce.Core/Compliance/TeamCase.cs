namespace SocialCommerce.Compliance;

/// <summary>
/// Which case of Chinese pyramid-selling law a flagged team belongs to, decided from the plan that pays the network.
/// </summary>
/// <remarks>
/// Any upline reward from a downline's sales is team compensation (团队计酬, Regulations on Prohibition of Pyramid
/// Selling art. 7(3)); without entry fee and head-count rewards it is an administrative matter. The criminal
/// threshold of the 2013 opinion (at least 30 participants and at least 3 team levels) concerns schemes that charge
/// an entry fee (入门费) or reward head-count (拉人头).
/// </remarks>
public enum TeamCase
{
    /// <summary>No plan was given to the audit: which case applies depends on facts the SDK was not told.</summary>
    Undetermined = 0,

    /// <summary>The plan pays nobody for a downline's sales (paid depth 0 or 1), charges no fee and pays no head-count reward.</summary>
    NoTeamCompensation = 1,

    /// <summary>Team compensation (paid depth 2 or more) without entry fee or head-count reward: the administrative case.</summary>
    Administrative = 2,

    /// <summary>The plan requires an entry fee or a qualifying purchase, or rewards head-count: the team is at the criminal threshold.</summary>
    CriminalThreshold = 3,
}
