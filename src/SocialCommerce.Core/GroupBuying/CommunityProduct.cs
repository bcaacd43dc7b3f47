using System;
using System.Globalization;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// A product offered in a community batch: its unit price, the minimum total quantity for it to ship
/// (成团量), and an optional per-member purchase limit.
/// </summary>
public sealed record CommunityProduct
{
    /// <summary>Creates a product offer.</summary>
    /// <param name="productId">The host's product identifier; not empty.</param>
    /// <param name="unitPrice">The unit price; not negative, in whole minor units.</param>
    /// <param name="minimumQuantity">The total quantity (all members) needed by the cut-off; at least 1.</param>
    /// <param name="perMemberLimit">The most one member may order in the batch, or <see langword="null"/> for no limit; at least 1.</param>
    /// <exception cref="ArgumentException"><paramref name="productId"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The price is the default value, negative, not whole minor units or above <see cref="Limits.MaxMinorUnits"/>, or a quantity is below 1.</exception>
    public CommunityProduct(string productId, Money unitPrice, int minimumQuantity, int? perMemberLimit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        Limits.CheckId(productId, nameof(productId));
        if (unitPrice.IsNegative || !Limits.IsSupported(unitPrice))
        {
            throw new ArgumentOutOfRangeException(nameof(unitPrice), unitPrice, $"Unit price of product '{productId}' should be non-negative whole minor units, at most {Limits.MaxMinorUnits} of them, with a currency; was {unitPrice}.");
        }

        if (minimumQuantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumQuantity), minimumQuantity, $"Minimum quantity of product '{productId}' should be at least 1; was {minimumQuantity}.");
        }

        if (perMemberLimit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(perMemberLimit), perMemberLimit, string.Create(CultureInfo.InvariantCulture, $"Per-member limit of product '{productId}' should be at least 1; was {perMemberLimit}."));
        }

        ProductId = productId;
        UnitPrice = unitPrice;
        MinimumQuantity = minimumQuantity;
        PerMemberLimit = perMemberLimit;
    }

    /// <summary>Gets the host's product identifier.</summary>
    public string ProductId { get; }

    /// <summary>Gets the unit price.</summary>
    public Money UnitPrice { get; }

    /// <summary>Gets the total quantity needed by the cut-off for the product to ship (成团量).</summary>
    public int MinimumQuantity { get; }

    /// <summary>Gets the most one member may order in the batch, or <see langword="null"/> for no limit.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public int? PerMemberLimit { get; }
}
