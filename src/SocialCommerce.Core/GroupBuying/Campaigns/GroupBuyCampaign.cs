using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// A group-buy campaign (拼团活动): a time window, the SKUs it sells at a campaign price from a quota of each, and the
/// limits a join is checked against — units per order, units per member across the campaign, groups per member.
/// Immutable; <see cref="CampaignQuota"/> keeps what is taken.
/// </summary>
public sealed class GroupBuyCampaign
{
    private readonly Dictionary<string, CampaignSku> _skus;

    private GroupBuyCampaign(string name, GroupBuyCampaignOptions options, CampaignSku[] skus, Dictionary<string, CampaignSku> byId)
    {
        Name = name;
        Starts = options.Starts;
        Ends = options.Ends;
        Skus = skus;
        _skus = byId;
        MaxUnitsPerOrder = options.MaxUnitsPerOrder;
        MaxUnitsPerMember = options.MaxUnitsPerMember;
        MaxGroupsPerMember = options.MaxGroupsPerMember;
        RefundReturnsQuota = options.RefundReturnsQuota;
    }

    /// <summary>Gets the campaign's name (a valid SDK id).</summary>
    public string Name { get; }

    /// <summary>Gets when it starts taking joins (inclusive).</summary>
    public Instant Starts { get; }

    /// <summary>Gets when it stops (exclusive).</summary>
    public Instant Ends { get; }

    /// <summary>Gets the SKUs, in the order given.</summary>
    public IReadOnlyList<CampaignSku> Skus { get; }

    /// <summary>Gets the most units one join may take, or null.</summary>
    public int? MaxUnitsPerOrder { get; }

    /// <summary>Gets the most units one member may hold across the campaign, or null.</summary>
    public int? MaxUnitsPerMember { get; }

    /// <summary>Gets the most groups one member may hold a seat in, or null.</summary>
    public int? MaxGroupsPerMember { get; }

    /// <summary>Gets whether a refund after formation returns the seat's units to the quota.</summary>
    public bool RefundReturnsQuota { get; }

    /// <summary>Creates a campaign, checking every term where it enters.</summary>
    /// <param name="name">The campaign's name (a valid SDK id).</param>
    /// <param name="options">The terms.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="ArgumentException">A term is missing or out of its range; the message names the campaign, the term and the value.</exception>
    public static GroupBuyCampaign Create(string name, GroupBuyCampaignOptions options)
    {
        Limits.CheckId(name, nameof(name));
        ArgumentNullException.ThrowIfNull(options);
        if (!Limits.IsSupported(options.Starts) || !Limits.IsSupported(options.Ends) || options.Ends <= options.Starts)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Ends, $"Campaign '{name}': Ends ({options.Ends}) should be after Starts ({options.Starts}), both within [{Limits.MinInstant}, {Limits.MaxInstant}).");
        }

        if (options.Skus is not { Count: > 0 } given)
        {
            throw new ArgumentException($"Campaign '{name}': Skus should name at least one SKU.", nameof(options));
        }

        var skus = new CampaignSku[given.Count];
        var byId = new Dictionary<string, CampaignSku>(StringComparer.Ordinal);
        for (var i = 0; i < skus.Length; i++)
        {
            var sku = given[i] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Campaign '{name}': Skus[{i}] is null."), nameof(options));
            if (!byId.TryAdd(sku.SkuId, sku))
            {
                throw new ArgumentException($"Campaign '{name}': SKU '{sku.SkuId}' is listed twice.", nameof(options));
            }

            if (!sku.CampaignPrice.Currency.Equals(given[0]!.CampaignPrice.Currency))
            {
                throw new ArgumentException($"Campaign '{name}': SKU '{sku.SkuId}' is priced in {sku.CampaignPrice.Currency.Code}, SKU '{given[0]!.SkuId}' in {given[0]!.CampaignPrice.Currency.Code}; a campaign sells in one currency.", nameof(options));
            }

            skus[i] = sku;
        }

        Positive(name, "MaxUnitsPerOrder", options.MaxUnitsPerOrder, CampaignSku.MaxQuota);
        Positive(name, "MaxUnitsPerMember", options.MaxUnitsPerMember, CampaignSku.MaxQuota);
        Positive(name, "MaxGroupsPerMember", options.MaxGroupsPerMember, CampaignSku.MaxQuota);

        // A member's largest holding must be payable: its units at the dearest SKU's price within the supported range.
        var units = Math.Min(options.MaxUnitsPerMember ?? CampaignSku.MaxQuota, options.MaxUnitsPerOrder is { } perOrder ? (long)perOrder * (options.MaxGroupsPerMember ?? CampaignSku.MaxQuota) : CampaignSku.MaxQuota);
        foreach (var sku in skus)
        {
            var most = Math.Min(units, sku.Quota);
            if (!Limits.IsSupported(sku.CampaignPrice * most))
            {
                throw new ArgumentOutOfRangeException(nameof(options), sku.CampaignPrice, string.Create(CultureInfo.InvariantCulture, $"Campaign '{name}': {most} units of SKU '{sku.SkuId}' at {sku.CampaignPrice} pass the supported amounts; lower the price, the quota or the member's limits."));
            }
        }

        return new GroupBuyCampaign(name, options, skus, byId);
    }

    /// <summary>Returns a SKU of the campaign, or null.</summary>
    /// <param name="skuId">The SKU.</param>
    /// <returns>The SKU, or null when the campaign does not sell it.</returns>
    public CampaignSku? FindSku(string skuId) => skuId is null ? null : _skus.GetValueOrDefault(skuId);

    /// <summary>Returns whether an instant is within the campaign's window.</summary>
    /// <param name="at">The instant.</param>
    /// <returns><see langword="true"/> from <see cref="Starts"/> (inclusive) to <see cref="Ends"/> (exclusive).</returns>
    public bool IsOpenAt(Instant at) => at >= Starts && at < Ends;

    private static void Positive(string name, string term, int? value, int max)
    {
        if (value is { } v && (v < 1 || v > max))
        {
            throw new ArgumentOutOfRangeException(term, v, string.Create(CultureInfo.InvariantCulture, $"Campaign '{name}': {term} should be 1 to {max}, or null for no limit; was {v}."));
        }
    }
}
