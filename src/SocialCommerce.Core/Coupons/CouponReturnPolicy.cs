namespace SocialCommerce.Coupons;

/// <summary>What a refund of the order that used a coupon does with it.</summary>
public enum CouponReturnPolicy
{
    /// <summary>The coupon stays used.</summary>
    Keep = 0,

    /// <summary>The coupon is issued again if still valid (expired otherwise).</summary>
    ReturnWhileValid = 1,
}
