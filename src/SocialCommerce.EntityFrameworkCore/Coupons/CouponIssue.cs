using SocialCommerce.Coupons;

namespace SocialCommerce.EntityFrameworkCore.Coupons;

/// <summary>The answer to <see cref="StoredCoupons.IssueAsync"/>: Core's result, and the coupon issued now (or before, for a duplicate).</summary>
/// <param name="Result">Applied; a duplicate; or refused naming the limit.</param>
/// <param name="Coupon">The coupon; null when refused.</param>
public sealed record CouponIssue(CouponResult Result, IssuedCoupon? Coupon);
