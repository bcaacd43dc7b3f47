namespace SocialCommerce.Checkout;

/// <summary>What a coupon scope matches.</summary>
public enum CouponScopeKind
{
    /// <summary>Every line.</summary>
    All = 0,

    /// <summary>Lines of the named categories.</summary>
    Categories = 1,

    /// <summary>Lines of the named products.</summary>
    Products = 2,
}
