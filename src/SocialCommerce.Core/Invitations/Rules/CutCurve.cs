namespace SocialCommerce.Invitations;

/// <summary>How a bargain's total cut (start − floor) is spread over its helps. Every cut is at least the minimum cut.</summary>
public enum CutCurve
{
    /// <summary>Equal cuts; the minor units that do not divide evenly go one each to the first helps. Ignores the seed.</summary>
    Even = 0,

    /// <summary>
    /// "Double mean" random (the red-packet algorithm): each cut above the minimum is drawn uniformly between zero and
    /// twice the mean of what is left, the last help takes the rest. Drawn from the host's seed, so it replays exactly.
    /// </summary>
    DoubleMean = 1,

    /// <summary>Decaying: cut k above the minimum is proportional to N − k (large first cuts, small last ones). Ignores the seed.</summary>
    Decaying = 2,
}
