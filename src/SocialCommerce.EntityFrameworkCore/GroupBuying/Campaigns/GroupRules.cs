using System;
using System.Collections.Generic;
using System.Linq;
using SocialCommerce.GroupBuying;

namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>
/// Every group rule the stores know: the registered <see cref="GroupBuyBook"/>'s, and each registered campaign's rule
/// per SKU (<see cref="GroupBuyCampaign.RuleFor"/>). A stored group names its rule; a campaign's group runs only
/// through its campaign's store, which moves the quota with it.
/// </summary>
internal sealed class GroupRules
{
    private readonly GroupBuyBook _book;
    private readonly Dictionary<string, GroupBuyCampaign> _campaignOfRule = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupBuyCampaign> _campaigns = new(StringComparer.Ordinal);

    public GroupRules(GroupBuyBook book, IEnumerable<GroupBuyCampaign> campaigns)
    {
        _book = book;
        foreach (var campaign in campaigns)
        {
            if (campaign.Rule is null || !_campaigns.TryAdd(campaign.Name, campaign))
            {
                continue;
            }

            foreach (var sku in campaign.Skus)
            {
                _campaignOfRule[campaign.RuleFor(sku.SkuId).Name] = campaign;
            }
        }

        CampaignRuleNames = [.. _campaignOfRule.Keys];
    }

    /// <summary>Gets the names of every campaign's SKU rules (the plain groups' job leaves their groups to the campaigns').</summary>
    public IReadOnlyList<string> CampaignRuleNames { get; }

    /// <summary>Gets the registered campaigns.</summary>
    public IEnumerable<GroupBuyCampaign> Campaigns => _campaigns.Values;

    /// <summary>Returns a rule by name: a campaign's SKU rule, or the book's.</summary>
    /// <exception cref="UnknownGroupBuyRuleException">No rule has that name.</exception>
    public GroupBuyRule Get(string ruleName) =>
        _campaignOfRule.TryGetValue(ruleName, out var campaign) ? campaign.FindRule(ruleName)! : _book.GetRule(ruleName);

    /// <summary>Returns the campaign a rule belongs to, or null for a plain rule.</summary>
    public GroupBuyCampaign? CampaignOf(string ruleName) => _campaignOfRule.GetValueOrDefault(ruleName);

    /// <summary>Returns a registered campaign by name, or null.</summary>
    public GroupBuyCampaign? FindCampaign(string name) => _campaigns.GetValueOrDefault(name);

    /// <summary>The names of one campaign's SKU rules.</summary>
    public static IReadOnlyList<string> RuleNamesOf(GroupBuyCampaign campaign) =>
        [.. campaign.Skus.Select(s => campaign.RuleFor(s.SkuId).Name)];
}
