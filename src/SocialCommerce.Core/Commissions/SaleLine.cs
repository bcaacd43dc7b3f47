using System;
using System.Globalization;

namespace SocialCommerce.Commissions;

/// <summary>
/// One line of a sale: a product, its category, the quantity and what the buyer paid for it.
/// </summary>
/// <remarks>
/// <see cref="PaidAmount"/> is what the buyer actually paid for the line, after discounts and coupons,
/// excluding shipping. <see cref="Shipping"/> is excluded from the commissionable base unless the plan
/// includes it (<see cref="CommissionPlan.IncludeShippingInBase"/>). Instances are immutable.
/// </remarks>
public sealed class SaleLine
{
    /// <summary>Creates a sale line.</summary>
    /// <param name="productId">The product (SKU) identifier; not empty.</param>
    /// <param name="category">The product's category, used by category overrides; may be empty, not null.</param>
    /// <param name="quantity">Units sold; in [1, <see cref="Limits.MaxQuantity"/>].</param>
    /// <param name="paidAmount">What was paid for the line after discounts and coupons, excluding shipping; not negative.</param>
    /// <param name="shipping">Shipping charged for the line; zero when omitted; not negative, same currency as <paramref name="paidAmount"/>.</param>
    /// <exception cref="InvalidSaleException">
    /// A field is missing, negative, zero (quantity) or in another currency, or an amount is not a whole number of minor
    /// units or exceeds <see cref="Limits.MaxMinorUnits"/>; the message names it and its value.
    /// </exception>
    public SaleLine(string productId, string category, int quantity, Money paidAmount, Money? shipping = null)
    {
        if (string.IsNullOrEmpty(productId))
        {
            throw new InvalidSaleException(nameof(productId), productId is null ? "null" : "\"\"", "a sale line needs a product id.");
        }

        if (category is null)
        {
            throw new InvalidSaleException(nameof(category), "null", "use an empty string for a product without a category.");
        }

        if (quantity is <= 0 or > Limits.MaxQuantity)
        {
            throw new InvalidSaleException(nameof(quantity), quantity.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"quantity should be in range [1-{Limits.MaxQuantity}]."));
        }

        Check(nameof(paidAmount), paidAmount);
        var ship = shipping ?? Money.Zero(paidAmount.Currency);
        Check(nameof(shipping), ship);
        if (ship.Currency != paidAmount.Currency)
        {
            throw new InvalidSaleException(nameof(shipping), ship.ToString(), $"shipping should be in the line's currency {paidAmount.Currency.Code}.");
        }

        ProductId = productId;
        Category = category;
        Quantity = quantity;
        PaidAmount = paidAmount;
        Shipping = ship;

        // Checked above: whole minor units, not negative, at most Limits.MaxMinorUnits. The quote reads these instead
        // of converting the decimals again for every sale it prices.
        PaidMinorUnits = paidAmount.ToMinorUnits();
        ShippingMinorUnits = ship.ToMinorUnits();
    }

    /// <summary>Gets the product (SKU) identifier.</summary>
    public string ProductId { get; }

    /// <summary>Gets the product's category (may be empty).</summary>
    public string Category { get; }

    /// <summary>Gets the number of units sold (at least 1).</summary>
    public int Quantity { get; }

    /// <summary>Gets what was paid for the line after discounts and coupons, excluding shipping.</summary>
    public Money PaidAmount { get; }

    /// <summary>Gets the shipping charged for the line (zero when none).</summary>
    public Money Shipping { get; }

    /// <summary>Gets <see cref="PaidAmount"/> in whole minor units (exact: a line's amounts are whole minor units).</summary>
    internal long PaidMinorUnits { get; }

    /// <summary>Gets <see cref="Shipping"/> in whole minor units.</summary>
    internal long ShippingMinorUnits { get; }

    /// <summary>Formats as <c>"2 × SKU-1 (books) 39.80 CNY"</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Quantity} × {ProductId} ({Category}) {PaidAmount}");

    private static void Check(string field, Money amount)
    {
        if (amount == default)
        {
            throw new InvalidSaleException(field, "default", "the amount has no currency.");
        }

        if (amount.IsNegative)
        {
            throw new InvalidSaleException(field, amount.ToString(), "amounts should not be negative.");
        }

        if (Limits.Problem(amount) is { } problem)
        {
            throw new InvalidSaleException(field, amount.ToString(), problem);
        }
    }

}
