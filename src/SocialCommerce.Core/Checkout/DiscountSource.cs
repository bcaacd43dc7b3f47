namespace SocialCommerce.Checkout;

/// <summary>Where a line's discount comes from, in the order they are taken.</summary>
public enum DiscountSource
{
    /// <summary>The campaign price (list price − campaign price, per unit).</summary>
    Campaign = 0,

    /// <summary>A coupon's share (the coupon is named).</summary>
    Coupon = 1,

    /// <summary>The points' share.</summary>
    Points = 2,
}
