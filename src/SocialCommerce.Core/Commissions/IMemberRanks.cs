using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// Gives the commission engine each member's rank, for rank-differential (级差) plans.
/// </summary>
/// <remarks>
/// Ranks are indices into <see cref="RankDifferentialSchedule.RankRates"/> (0 is the lowest rank).
/// Called on the quoting hot path: implementations should be fast, allocation-free and safe for concurrent reads.
/// </remarks>
public interface IMemberRanks
{
    /// <summary>Returns the member's rank: 0 for the lowest, up to the plan's highest rank.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The rank index.</returns>
    int GetRank(MemberId member);
}
