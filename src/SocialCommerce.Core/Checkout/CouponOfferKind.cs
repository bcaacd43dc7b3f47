namespace SocialCommerce.Checkout;

/// <summary>What a coupon takes off.</summary>
public enum CouponOfferKind
{
    /// <summary>A fixed amount off the eligible lines (at most what they cost).</summary>
    AmountOff = 0,

    /// <summary>A share of the eligible lines, rounded down to whole minor units, up to an optional cap.</summary>
    PercentOff = 1,

    /// <summary>Spend at least a threshold on the eligible lines, get a fixed amount off (满减).</summary>
    SpendAndSave = 2,
}
