namespace SocialCommerce.Compliance;

/// <summary>
/// A referral tree whose longest chain has more team levels than the profile's <see cref="ComplianceProfile.FlagChainLevels"/>.
/// </summary>
/// <param name="Team">The whole tree, headed by its top member (a member without referrer).</param>
/// <param name="MembersBeyondLimit">How many members of the tree sit at a team level above the limit.</param>
public sealed record ChainSummary(TeamSummary Team, int MembersBeyondLimit);
