namespace SocialCommerce.Checkout;

/// <summary>Why a checkout could not be allocated as asked.</summary>
public enum CheckoutRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The same coupon id was applied twice.</summary>
    DuplicateCoupon = 1,

    /// <summary>A coupon may not be combined with another one applied (one per order, or one per template).</summary>
    CouponNotStackable = 2,

    /// <summary>A coupon's amounts are in another currency than the cart.</summary>
    CouponCurrencyMismatch = 3,

    /// <summary>No line of the cart is in the coupon's scope (or those lines cost nothing by then).</summary>
    CouponOutOfScope = 4,

    /// <summary>The coupon's eligible lines cost less than its minimum spend or threshold.</summary>
    CouponBelowMinimumSpend = 5,

    /// <summary>Fewer points than the policy's minimum per use would be used (after the policy's limits).</summary>
    PointsBelowMinimum = 6,

    /// <summary>The points policy pays in another currency than the cart.</summary>
    PointsCurrencyMismatch = 7,
}
