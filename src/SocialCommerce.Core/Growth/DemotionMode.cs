namespace SocialCommerce.Growth;

/// <summary>Where a member who missed its level's keep-up requirement drops to.</summary>
public enum DemotionMode
{
    /// <summary>One level down.</summary>
    OneLevel,

    /// <summary>
    /// To the highest level whose threshold the member's growth over the rolling window meets —
    /// at least one level down, never below the first level.
    /// </summary>
    ToRollingWindowLevel,
}
