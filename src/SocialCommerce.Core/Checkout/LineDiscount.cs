namespace SocialCommerce.Checkout;

/// <summary>One discount on one line: where it comes from, which coupon (for a coupon) and how much, in whole minor units.</summary>
/// <param name="Source">Where it comes from.</param>
/// <param name="CouponId">The coupon, for <see cref="DiscountSource.Coupon"/>; otherwise null.</param>
/// <param name="Amount">The amount taken off the line.</param>
public readonly record struct LineDiscount(DiscountSource Source, string? CouponId, Money Amount);
