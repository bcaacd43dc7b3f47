namespace SocialCommerce.Commissions;

/// <summary>
/// What a <see cref="CommissionOverride"/> applies to. A product override wins over a category override.
/// </summary>
public enum OverrideTarget
{
    /// <summary>Sale lines whose <see cref="SaleLine.ProductId"/> equals the key.</summary>
    Product = 0,

    /// <summary>Sale lines whose <see cref="SaleLine.Category"/> equals the key.</summary>
    Category = 1,
}
