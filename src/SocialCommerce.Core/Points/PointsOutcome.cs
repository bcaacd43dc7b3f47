namespace SocialCommerce.Points;

/// <summary>What a wallet command did.</summary>
public enum PointsOutcome
{
    /// <summary>Applied: the wallet changed.</summary>
    Applied = 0,

    /// <summary>The same command (same identity, same content) was applied before: nothing changed.</summary>
    Duplicate = 1,

    /// <summary>Refused: nothing changed (<see cref="PointsResult.Refusal"/> says why).</summary>
    Refused = 2,
}
