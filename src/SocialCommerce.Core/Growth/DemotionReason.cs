namespace SocialCommerce.Growth;

/// <summary>Why a member lost a level.</summary>
public enum DemotionReason
{
    /// <summary>At a retention period end the member had not earned the level's keep-up requirement within the period.</summary>
    KeepUpNotMet,

    /// <summary>A refund (or a penalty) took the balance below the level's threshold.</summary>
    BalanceFell,
}
