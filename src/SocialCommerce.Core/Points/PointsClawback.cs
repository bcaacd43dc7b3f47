namespace SocialCommerce.Points;

/// <summary>What a take-back does when the lot's points were already spent (like commission clawbacks).</summary>
public enum PointsClawback
{
    /// <summary>The rest becomes debt, repaid first from the member's next earnings.</summary>
    CarryAsDebt = 0,

    /// <summary>The rest is taken from the member's other available points (soonest-expiring first), and what they cannot cover is written off.</summary>
    CapAtAvailable = 1,
}
