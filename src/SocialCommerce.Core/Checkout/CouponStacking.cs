namespace SocialCommerce.Checkout;

/// <summary>Which coupons an order may combine.</summary>
public enum CouponStacking
{
    /// <summary>The coupon is the order's only coupon.</summary>
    OnePerOrder = 0,

    /// <summary>The coupon combines with coupons of other templates, but not with another of its own template.</summary>
    OnePerTemplate = 1,
}
