using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// A group-buy campaign (拼团活动): a time window, the SKUs it sells at a campaign price from a quota of each, and the
/// limits a join is checked against — units per order, units per member across the campaign, groups per member.
/// Immutable; <see cref="CampaignQuota"/> keeps what is taken.
/// </summary>
public sealed class GroupBuyCampaign
{
    private readonly Dictionary<string, int> _skus;
    private readonly Dictionary<string, GroupBuyRule> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _skuOfRule = new(StringComparer.Ordinal);

    private GroupBuyCampaign(string name, GroupBuyCampaignOptions options, CampaignSku[] skus, Dictionary<string, int> byId)
    {
        Rule = options.Rule;
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

    /// <summary>Gets the terms of the campaign's groups, or null for a campaign used only through <see cref="CampaignQuota"/>.</summary>
    public GroupBuyRule? Rule { get; }

    /// <summary>
    /// Returns the rule a SKU's groups follow: the campaign's <see cref="Rule"/> priced by the SKU, named
    /// <c>"{campaign}/{sku}"</c> (the name its groups' <see cref="GroupOpened.RuleName"/> carries).
    /// </summary>
    /// <param name="skuId">The SKU.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">The campaign does not sell the SKU, or has no <see cref="Rule"/>.</exception>
    public GroupBuyRule RuleFor(string skuId) =>
        _rules.TryGetValue(skuId ?? string.Empty, out var rule) ? rule
        : throw new ArgumentException(Rule is null ? $"Campaign '{Name}' has no group rule (GroupBuyCampaignOptions.Rule)." : $"Campaign '{Name}' does not sell SKU '{skuId}'.", nameof(skuId));

    /// <summary>Returns the SKU rule named by a group's opening (<c>"{campaign}/{sku}"</c>), or null.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <returns>The rule, or null when it is not one of the campaign's.</returns>
    public GroupBuyRule? FindRule(string ruleName) =>
        ruleName is not null && _skuOfRule.TryGetValue(ruleName, out var sku) ? _rules[Skus[sku].SkuId] : null;

    // The SKU whose groups follow a rule of the campaign (the rule a group opened under names it).
    internal string SkuOf(string ruleName) => Skus[_skuOfRule[ruleName]].SkuId;

    // The index in Skus of the SKU whose groups follow a rule of the campaign.
    internal int IndexOfRule(string ruleName) => _skuOfRule[ruleName];

    // The index in Skus of a SKU, or -1 when the campaign does not sell it.
    internal int IndexOfSku(string skuId) => skuId is not null && _skus.TryGetValue(skuId, out var index) ? index : -1;

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
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < skus.Length; i++)
        {
            var sku = given[i] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Campaign '{name}': Skus[{i}] is null."), nameof(options));
            if (!byId.TryAdd(sku.SkuId, i))
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

        var campaign = new GroupBuyCampaign(name, options, skus, byId);
        if (options.Rule is not null)
        {
            for (var i = 0; i < skus.Length; i++)
            {
                var rule = RuleOf(name, options, skus[i]);
                campaign._rules[skus[i].SkuId] = rule;
                campaign._skuOfRule[rule.Name] = i;
            }
        }

        return campaign;
    }

    /// <summary>
    /// Loads a campaign from its JSON document: <c>name</c>, <c>currency</c>, <c>starts</c> and <c>ends</c> (ISO-8601
    /// instants), <c>skus</c> (<c>skuId</c>, <c>price</c>, <c>quota</c>, optional <c>tiers</c>), optional
    /// <c>maxUnitsPerOrder</c>, <c>maxUnitsPerMember</c>, <c>maxGroupsPerMember</c>, <c>refundReturnsQuota</c> and
    /// <c>rule</c> (a group-buy rule document); see docs/group-buying.md.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <returns>The campaign, every term checked as <see cref="Create"/> checks it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="GroupBuyCampaignFormatException">The document is malformed or the campaign invalid; the message names the JSON path and the value.</exception>
    public static GroupBuyCampaign FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return GroupBuyCampaignDocument.Parse(json);
    }

    /// <summary>Loads a campaign from a UTF-8 JSON stream (see <see cref="FromJson(string)"/>).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="GroupBuyCampaignFormatException">The document is malformed or the campaign invalid; the message names the JSON path and the value.</exception>
    public static GroupBuyCampaign FromJson(System.IO.Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new System.IO.StreamReader(utf8Json);
        return GroupBuyCampaignDocument.Parse(reader.ReadToEnd());
    }

    // A SKU's rule: the campaign's terms at the SKU's prices, every term checked as any rule is built.
    private static GroupBuyRule RuleOf(string name, GroupBuyCampaignOptions options, CampaignSku sku)
    {
        var template = options.Rule!;
        var ruleName = name + "/" + sku.SkuId;
        if (ruleName.Length > Limits.MaxIdLength)
        {
            // The SKU's groups name this rule (stores keep it in a column of the SDK's id length): refused here, not at the first group.
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Campaign '{name}', SKU '{sku.SkuId}': the SKU's group rule would be named '{{campaign}}/{{sku}}' in {ruleName.Length} characters; a rule name is at most {Limits.MaxIdLength}. Shorten the campaign's name or the SKU's id."), nameof(options));
        }

        if (!template.Currency.Equals(sku.CampaignPrice.Currency))
        {
            throw new ArgumentException($"Campaign '{name}': the rule prices in {template.Currency.Code}, SKU '{sku.SkuId}' in {sku.CampaignPrice.Currency.Code}; a campaign sells in one currency.", nameof(options));
        }

        IReadOnlyList<PriceTier> tiers = sku.Tiers ?? [new PriceTier(template.Tiers[0].Participants, sku.CampaignPrice)];
        if (tiers.Count == 0 || tiers.Min(t => t.Participants) is var first && tiers.First(t => t.Participants == first).UnitPrice != sku.CampaignPrice)
        {
            throw new ArgumentException($"Campaign '{name}': SKU '{sku.SkuId}' lists tiers whose first is not at its campaign price {sku.CampaignPrice} (what a seat is charged per unit).", nameof(options));
        }

        try
        {
            return template.Derive(ruleName, tiers);
        }
        catch (GroupBuyRuleException ex)
        {
            throw new ArgumentException($"Campaign '{name}', SKU '{sku.SkuId}': {ex.Message}", nameof(options), ex);
        }
    }

    /// <summary>Returns a SKU of the campaign, or null.</summary>
    /// <param name="skuId">The SKU.</param>
    /// <returns>The SKU, or null when the campaign does not sell it.</returns>
    public CampaignSku? FindSku(string skuId) => IndexOfSku(skuId) is var index and >= 0 ? Skus[index] : null;

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
