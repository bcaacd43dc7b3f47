using System;
using System.Globalization;

namespace SocialCommerce.Checkout;

/// <summary>
/// One line of a cart: a product bought in some quantity at a unit price, and at a campaign unit price when a campaign
/// (a group buy, a flash sale) sells it cheaper. Checked where it enters: whole minor units, not negative, the campaign
/// price at most the unit price, the quantity in [1, <see cref="Limits.MaxQuantity"/>].
/// </summary>
public sealed record CartLine
{
    /// <summary>Creates a line.</summary>
    /// <param name="productId">The product (SKU); not empty.</param>
    /// <param name="category">The product's category (coupon scopes and commission overrides match it); not empty.</param>
    /// <param name="quantity">Units bought, 1 to <see cref="Limits.MaxQuantity"/>.</param>
    /// <param name="unitPrice">The list price of one unit: whole minor units, not negative.</param>
    /// <param name="campaignUnitPrice">The campaign's price of one unit (same currency, at most <paramref name="unitPrice"/>), or null.</param>
    /// <exception cref="ArgumentException">A value is out of its range; the message names it.</exception>
    public CartLine(string productId, string category, int quantity, Money unitPrice, Money? campaignUnitPrice = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(productId);
        ArgumentException.ThrowIfNullOrEmpty(category);
        if (quantity is < 1 or > Limits.MaxQuantity)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, string.Create(CultureInfo.InvariantCulture, $"A cart line's quantity should be 1 to {Limits.MaxQuantity}; product '{productId}' has {quantity}."));
        }

        Price(unitPrice, nameof(unitPrice), productId);
        if (campaignUnitPrice is { } campaign)
        {
            Price(campaign, nameof(campaignUnitPrice), productId);
            if (!campaign.Currency.Equals(unitPrice.Currency) || campaign.Amount > unitPrice.Amount)
            {
                throw new ArgumentException($"Product '{productId}': the campaign unit price {campaign} should be in {unitPrice.Currency.Code} and at most the unit price {unitPrice}.", nameof(campaignUnitPrice));
            }
        }

        ProductId = productId;
        Category = category;
        Quantity = quantity;
        UnitPrice = unitPrice;
        CampaignUnitPrice = campaignUnitPrice;
        UnitMinor = unitPrice.ToMinorUnits();
        PriceMinor = campaignUnitPrice?.ToMinorUnits() ?? UnitMinor;
    }

    /// <summary>Gets the product (SKU).</summary>
    public string ProductId { get; }

    /// <summary>Gets the product's category.</summary>
    public string Category { get; }

    /// <summary>Gets the units bought.</summary>
    public int Quantity { get; }

    /// <summary>Gets the list price of one unit.</summary>
    public Money UnitPrice { get; }

    /// <summary>Gets the campaign's price of one unit, or null.</summary>
    public Money? CampaignUnitPrice { get; }

    /// <summary>The unit price in minor units (checked once, here).</summary>
    internal long UnitMinor { get; }

    /// <summary>The price one unit sells at (the campaign's, else the list price) in minor units.</summary>
    internal long PriceMinor { get; }

    private static void Price(Money price, string name, string productId)
    {
        if (!Limits.IsSupported(price) || price.IsNegative)
        {
            throw new ArgumentException($"Product '{productId}': {name} {(price == default ? "is the default Money (no currency)" : price.ToString())}; a price is whole minor units, not negative, at most {Limits.MaxMinorUnits} of them.", name);
        }
    }
}
