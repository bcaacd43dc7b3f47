using System;
using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// A SKU a group-buy campaign sells: its campaign price for one unit and the campaign's quota of it (the units the
/// campaign may sell in all, whatever the product's own stock). Checked where it enters.
/// </summary>
public sealed record CampaignSku
{
    /// <summary>The largest quota of one SKU: 10^8 units.</summary>
    public const int MaxQuota = 100_000_000;

    /// <summary>Creates a SKU of a campaign.</summary>
    /// <param name="skuId">The SKU (a valid SDK id).</param>
    /// <param name="campaignPrice">What one unit costs in the campaign: whole minor units with a currency, not negative.</param>
    /// <param name="quota">The campaign's units of it, 1 to <see cref="MaxQuota"/>.</param>
    /// <exception cref="ArgumentException">A value is out of its range; the message names it and the SKU.</exception>
    public CampaignSku(string skuId, Money campaignPrice, int quota)
    {
        Limits.CheckId(skuId, nameof(skuId));
        if (campaignPrice == default || !Limits.IsSupported(campaignPrice) || campaignPrice.IsNegative)
        {
            throw new ArgumentException($"SKU '{skuId}': the campaign price {(campaignPrice == default ? "is the default Money (no currency)" : campaignPrice.ToString())}; a price is whole minor units, not negative, at most {Limits.MaxMinorUnits} of them.", nameof(campaignPrice));
        }

        if (quota is < 1 or > MaxQuota)
        {
            throw new ArgumentOutOfRangeException(nameof(quota), quota, string.Create(CultureInfo.InvariantCulture, $"SKU '{skuId}': the quota should be 1 to {MaxQuota}; was {quota}."));
        }

        SkuId = skuId;
        CampaignPrice = campaignPrice;
        Quota = quota;
    }

    /// <summary>Gets the SKU.</summary>
    public string SkuId { get; }

    /// <summary>Gets what one unit costs in the campaign.</summary>
    public Money CampaignPrice { get; }

    /// <summary>Gets the campaign's units of the SKU.</summary>
    public int Quota { get; }

    /// <summary>
    /// Gets the price tiers of the SKU's groups (counts by the campaign rule's <see cref="GroupBuyRule.TierBasis"/>), the
    /// first at <see cref="CampaignPrice"/>; null for one tier at the campaign price from the rule's first tier count.
    /// Checked with the campaign's rule by <see cref="GroupBuyCampaign.Create"/>.
    /// </summary>
    public IReadOnlyList<PriceTier>? Tiers { get; init; }
}
