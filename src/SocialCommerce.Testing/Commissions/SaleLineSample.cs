using System.Globalization;
using SocialCommerce.Commissions;

namespace SocialCommerce.Testing;

/// <summary>One generated sale line, in whole minor units.</summary>
/// <param name="ProductId">The product (SKU) id.</param>
/// <param name="Category">The product's category.</param>
/// <param name="Quantity">The units sold, at least 1.</param>
/// <param name="PaidMinorUnits">What was paid for the line, in minor units, at least 0.</param>
/// <param name="ShippingMinorUnits">The shipping charged, in minor units, at least 0.</param>
public sealed record SaleLineSample(string ProductId, string Category, int Quantity, long PaidMinorUnits, long ShippingMinorUnits)
{
    /// <summary>Builds the SDK's sale line in <paramref name="currency"/>.</summary>
    /// <param name="currency">The sale's currency.</param>
    /// <returns>The line.</returns>
    public SaleLine Build(Currency currency) =>
        new(ProductId, Category, Quantity, Money.FromMinorUnits(PaidMinorUnits, currency), Money.FromMinorUnits(ShippingMinorUnits, currency));

    /// <summary>Formats as <c>p1/c0 ×2 paid 1999 + ship 0</c> (minor units).</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{ProductId}/{Category} x{Quantity} paid {PaidMinorUnits} + ship {ShippingMinorUnits}");
}
