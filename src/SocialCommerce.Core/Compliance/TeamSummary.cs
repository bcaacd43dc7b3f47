using System.Globalization;
using SocialCommerce.Network;

namespace SocialCommerce.Compliance;

/// <summary>
/// A team: a member and its whole downline, counted both in referral links and in team levels.
/// </summary>
/// <param name="Top">The team's top member (team level 1).</param>
/// <param name="Participants">The members of the team, the top member included.</param>
/// <param name="Links">The longest chain below the top, in referral links (0 for a member without recruits).</param>
/// <remarks>
/// Team levels are counted as Chinese case law counts them: the top member is level 1, its direct recruits
/// level 2, and so on, so <see cref="Levels"/> is always <see cref="Links"/> + 1.
/// </remarks>
public readonly record struct TeamSummary(MemberId Top, int Participants, int Links)
{
    /// <summary>Gets the team's levels, the top member counting as level 1: <see cref="Links"/> + 1.</summary>
    public int Levels => Links + 1;

    /// <summary>Formats as <c>"team of 1042: 31 participants, 3 team levels (2 links)"</c>.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "team of {0}: {1} participants, {2} team levels ({3} links)", Top, Participants, Levels, Links);
}
