namespace SocialCommerce.Coupons;

/// <summary>What a coupon command did.</summary>
public enum CouponOutcome
{
    /// <summary>Applied: the coupon or the template's issuance changed.</summary>
    Applied = 0,

    /// <summary>The same command was applied before: nothing changed.</summary>
    Duplicate = 1,

    /// <summary>Refused: nothing changed (<see cref="CouponResult.Refusal"/> says why).</summary>
    Refused = 2,
}
