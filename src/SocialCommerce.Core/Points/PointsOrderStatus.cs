namespace SocialCommerce.Points;

/// <summary>Where an order's reserved points stand.</summary>
public enum PointsOrderStatus
{
    /// <summary>Reserved: the order is not paid or cancelled yet.</summary>
    Reserved = 0,

    /// <summary>Committed: the order was paid and the points spent.</summary>
    Committed = 1,

    /// <summary>Released: the order was cancelled and the points went back to their lots.</summary>
    Released = 2,
}
