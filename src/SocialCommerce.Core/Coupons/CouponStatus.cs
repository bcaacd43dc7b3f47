namespace SocialCommerce.Coupons;

/// <summary>Where an issued coupon is in its lifecycle.</summary>
public enum CouponStatus
{
    /// <summary>Issued and not used: it may be locked by an order while valid.</summary>
    Issued = 0,

    /// <summary>Locked by an unpaid order.</summary>
    Locked = 1,

    /// <summary>Used by a paid order.</summary>
    Used = 2,

    /// <summary>Its validity ended unused (or it came back from a refund after its validity).</summary>
    Expired = 3,
}
