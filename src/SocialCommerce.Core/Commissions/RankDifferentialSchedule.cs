using System.Collections.Generic;

namespace SocialCommerce.Commissions;

/// <summary>
/// The rank-differential (级差) mode of a plan: each upline earns its rank's rate minus the rate already earned
/// below it in the chain, never negative.
/// </summary>
/// <remarks>
/// Ranks come from the host's <see cref="IMemberRanks"/>. The engine walks the upline from level 1 to
/// <see cref="Depth"/>; the highest rate earned so far is the "rate already earned below". The total paid from a
/// line therefore never exceeds the highest rank rate. Immutable.
/// </remarks>
public sealed class RankDifferentialSchedule
{
    internal RankDifferentialSchedule(int depth, Rate[] rankRates)
    {
        Depth = depth;
        RankRates = rankRates;
    }

    /// <summary>Gets the highest upline level that can earn (the plan's paid depth).</summary>
    public int Depth { get; }

    /// <summary>Gets the rate of each rank; index 0 is the lowest rank.</summary>
    public IReadOnlyList<Rate> RankRates { get; }
}
