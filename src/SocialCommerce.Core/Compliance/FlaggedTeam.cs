namespace SocialCommerce.Compliance;

/// <summary>
/// A team that trips the profile's team thresholds and is not part of a larger flagged team (a maximal flagged team).
/// </summary>
/// <param name="Team">The team, headed by the top of its referral tree.</param>
/// <param name="MembersTripping">How many members of the team head a team (their own downline) that trips the thresholds, the top included.</param>
/// <param name="CoreTeams">How many smallest flagged teams (see <see cref="NetworkAnalysis.CoreTeams"/>) lie inside it.</param>
/// <param name="Case">Which legal case the team's finding belongs to.</param>
public sealed record FlaggedTeam(TeamSummary Team, int MembersTripping, int CoreTeams, TeamCase Case);
