using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.Telemetry;

namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>One <see cref="StoredCampaignBook"/> per registered campaign, made on first use; the container resolves them keyed by the campaign's name.</summary>
internal sealed class StoredCampaignBooks(IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, StoredCampaignBook> _books = new(StringComparer.Ordinal);

    /// <summary>Returns the campaign's store.</summary>
    /// <exception cref="InvalidOperationException">No campaign is registered under the key.</exception>
    /// <exception cref="SocialCommerce.Compliance.ComplianceRefusedException">The registered compliance profile refuses the campaign's rule.</exception>
    public StoredCampaignBook Get(object? key)
    {
        var rules = services.GetRequiredService<GroupRules>();
        var campaign = (key is string name ? rules.FindCampaign(name) : null)
            ?? throw new InvalidOperationException($"No group-buy campaign is registered under the key '{key}': call AddGroupBuyCampaign(campaign) on the SocialCommerce builder.");
        // The registered in-memory book checks the campaign's rule against the compliance profile (SC401) when it is made;
        // the stored one runs under the same check.
        services.GetRequiredKeyedService<SocialCommerce.GroupBuying.CampaignBook>(campaign.Name);
        return _books.GetOrAdd(campaign.Name, _ => new StoredCampaignBook(
            services.GetRequiredService<StoreExecutor>(),
            campaign,
            rules,
            services.GetRequiredService<RuleVersions>(),
            services.GetService<SocialCommerceListener>()));
    }
}
