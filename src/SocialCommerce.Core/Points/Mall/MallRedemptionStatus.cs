namespace SocialCommerce.Points;

/// <summary>Where a points-mall redemption stands.</summary>
public enum MallRedemptionStatus
{
    /// <summary>Its units are taken and its points reserved; it waits for the money part (or the host's confirmation).</summary>
    Reserved = 0,

    /// <summary>Its points are spent and the money paid.</summary>
    Completed = 1,

    /// <summary>Cancelled before completion: its points were released and its units returned to the quota.</summary>
    Cancelled = 2,

    /// <summary>Refunded after completion: its points were returned to their lots and its units to the quota.</summary>
    Refunded = 3,
}
