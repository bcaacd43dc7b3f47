using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Extensions;
using SocialCommerce.Extensions.Configuration;
using SocialCommerce.Extensions.Registration;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the SDK's engines through the builder returned by <c>AddSocialCommerce</c>.
/// </summary>
/// <remarks>
/// Registrations are validated when the host starts: a malformed plan, an unknown rule name or a plan the
/// active compliance profile refuses stops the host with an <c>OptionsValidationException</c> whose message
/// names the plan, the field and the finding code. Engines are singletons and thread-safe.
/// </remarks>
public static class SocialCommerceBuilderExtensions
{
    /// <summary>
    /// Registers the unnamed default commission plan; its engine resolves as <see cref="CommissionEngine"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="plan">The plan.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISocialCommerceBuilder AddCommissionPlan(this ISocialCommerceBuilder builder, CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return builder.AddPlan(SocialCommerceRegistrations.DefaultPlanName, new PlanSource("code", plan, null));
    }

    /// <summary>
    /// Registers a named commission plan; its engine resolves as <c>[FromKeyedServices(name)] CommissionEngine</c>
    /// and through <see cref="SocialCommerce.Extensions.Commissions.ICommissionPlanProvider"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name, e.g. <c>"vip"</c>; not empty.</param>
    /// <param name="plan">The plan.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISocialCommerceBuilder AddCommissionPlan(this ISocialCommerceBuilder builder, string name, CommissionPlan plan)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(plan);
        return builder.AddPlan(name, new PlanSource("code", plan, null));
    }

    /// <summary>
    /// Registers a named commission plan built when the host starts, with the container's services (a plan loaded from
    /// the host's store, say) and the rules registered by <see cref="AddCommissionRule{TRule}"/> — so a plan built in code
    /// can name them: <c>(sp, rules) =&gt; CommissionPlan.CreateBuilder("vip", Currency.CNY).Rule("campaign").Build(rules)</c>.
    /// The unnamed default plan has its own overload.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name; not empty.</param>
    /// <param name="build">Builds the plan; called once, at start. An exception it throws is reported with every other failure.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISocialCommerceBuilder AddCommissionPlan(this ISocialCommerceBuilder builder, string name, Func<IServiceProvider, CommissionRuleCatalog, CommissionPlan> build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(build);
        return builder.AddPlan(name, new PlanSource("code factory", null, null) { Factory = build });
    }

    /// <summary>Registers the unnamed default commission plan, built when the host starts (see the named overload).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="build">Builds the plan with the container's services and the registered rules; called once, at start.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISocialCommerceBuilder AddCommissionPlan(this ISocialCommerceBuilder builder, Func<IServiceProvider, CommissionRuleCatalog, CommissionPlan> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return builder.AddPlan(SocialCommerceRegistrations.DefaultPlanName, new PlanSource("code factory", null, null) { Factory = build });
    }

    /// <summary>
    /// Registers a named commission plan from a JSON plan document (see docs/commissions.md); the document is
    /// loaded at start-up with the custom rules registered by <see cref="AddCommissionRule{TRule}"/>. A document
    /// without a <c>name</c> takes <paramref name="name"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name; not empty.</param>
    /// <param name="json">The plan document.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="json"/> is empty.</exception>
    public static ISocialCommerceBuilder AddCommissionPlanDocument(this ISocialCommerceBuilder builder, string name, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return builder.AddPlan(name, new PlanSource("code", null, ConfigurationJson.WithName(json, name)));
    }

    /// <summary>
    /// Registers a custom commission rule by type; it is created once, at start, from the container (its constructor may
    /// take singleton services, or <c>IServiceScopeFactory</c> to open a scope per use) and plan documents refer to it by
    /// <paramref name="name"/> (or the rule's own name). A rule whose constructor takes a scoped service stops the host
    /// at start, saying which: the engines hold their rules for the host's lifetime.
    /// </summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The name plan documents use; the rule's own <see cref="ICommissionRule.Name"/> when null.</param>
    /// <returns>The builder.</returns>
    public static ISocialCommerceBuilder AddCommissionRule<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRule>(this ISocialCommerceBuilder builder, string? name = null)
        where TRule : class, ICommissionRule
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.Rules.Add(new RuleRegistration(typeof(TRule), name)));
        return builder;
    }

    /// <summary>Uses a compliance profile (a built-in one or the host's own); the engines apply it themselves.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="profile">The profile, e.g. <c>ComplianceProfiles.ChinaSocialCommerce</c>.</param>
    /// <returns>The builder.</returns>
    public static ISocialCommerceBuilder UseComplianceProfile(this ISocialCommerceBuilder builder, ComplianceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(profile);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.Compliance = new ComplianceSource("code", profile, null, null));
        return builder;
    }

    /// <summary>Uses a built-in compliance profile by name (see <c>ComplianceProfiles</c>), in a mode.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The profile's name, e.g. <c>"cn-social-commerce"</c>; an unknown name stops the host at start.</param>
    /// <param name="mode">Enforce (the default) or audit.</param>
    /// <returns>The builder.</returns>
    public static ISocialCommerceBuilder UseComplianceProfile(this ISocialCommerceBuilder builder, string name, ComplianceMode mode = ComplianceMode.Enforce)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.Compliance = new ComplianceSource("code", null, name, mode));
        return builder;
    }

    /// <summary>Adds a group-buy rule (a campaign) to the <see cref="GroupBuyBook"/> singleton under its name; a later registration of the same name (code or configuration) replaces it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="rule">The rule; checked against the compliance profile at start.</param>
    /// <returns>The builder.</returns>
    public static ISocialCommerceBuilder AddGroupBuyRule(this ISocialCommerceBuilder builder, GroupBuyRule rule)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rule);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.Register(r.GroupBuyRules, "group-buy rule", rule.Name, new GroupBuyRuleSource("code", rule, null), "code", static g => g.Origin));
        return builder;
    }

    /// <summary>Registers a community batch rule; it resolves as <c>[FromKeyedServices(name)] CommunityBatchRule</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The rule's name; not empty.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The builder.</returns>
    public static ISocialCommerceBuilder AddCommunityBatchRule(this ISocialCommerceBuilder builder, string name, CommunityBatchRule rule)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rule);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.Register(r.CommunityBatchRules, "community-batch rule", name, rule, "code", static _ => "code"));
        builder.Services.AddKeyedSingleton(name, rule);
        return builder;
    }

    /// <summary>Registers a coupon template; it resolves as <c>[FromKeyedServices(templateId)] CouponTemplate</c>, as the coupon store finds it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="template">The template.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">Another template was registered under the same id.</exception>
    public static ISocialCommerceBuilder AddCouponTemplate(this ISocialCommerceBuilder builder, SocialCommerce.Coupons.CouponTemplate template)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(template);
        return AddKeyedOnce(builder, template.TemplateId, template, $"Coupon template '{template.TemplateId}' is registered twice with different content; a template id names one template.");
    }

    /// <summary>Registers a points-mall item; it resolves as <c>[FromKeyedServices(itemId)] MallItem</c>, as the mall store finds it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="item">The item.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">Another item was registered under the same id.</exception>
    public static ISocialCommerceBuilder AddMallItem(this ISocialCommerceBuilder builder, SocialCommerce.Points.MallItem item)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(item);
        return AddKeyedOnce(builder, item.ItemId, item, $"Mall item '{item.ItemId}' is registered twice with different content; an item id names one item.");
    }

    /// <summary>
    /// Registers a group-buy campaign (拼团活动) and its in-memory <see cref="CampaignBook"/>: both resolve keyed by the
    /// campaign's name (<c>[FromKeyedServices("double-12")] CampaignBook</c>); the book checks the campaign's rule against
    /// the registered compliance profile and reports to the SDK's listener.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="campaign">The campaign; it needs a group rule (<see cref="GroupBuyCampaignOptions.Rule"/>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The campaign has no group rule.</exception>
    /// <exception cref="InvalidOperationException">Another campaign is registered under the same name.</exception>
    public static ISocialCommerceBuilder AddGroupBuyCampaign(this ISocialCommerceBuilder builder, GroupBuyCampaign campaign)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Rule is null)
        {
            throw new ArgumentException($"Campaign '{campaign.Name}' has no group rule (GroupBuyCampaignOptions.Rule); register it with one to run its groups.", nameof(campaign));
        }

        AddKeyedOnce(builder, campaign.Name, campaign, $"Group-buy campaign '{campaign.Name}' is registered twice with different content; a name names one campaign.");
        if (!builder.Services.Any(s => !s.IsKeyedService && s.ServiceType == typeof(GroupBuyCampaign) && Equals(s.ImplementationInstance, campaign)))
        {
            builder.Services.AddSingleton(campaign); // the stores and jobs enumerate every campaign
        }

        builder.Services.TryAddKeyedSingleton(campaign.Name, static (sp, key) => new CampaignBook(
            sp.GetRequiredKeyedService<GroupBuyCampaign>(key),
            sp.GetRequiredService<SocialCommerceRuntime>().Profile,
            sp.GetService<SocialCommerce.Telemetry.SocialCommerceListener>()));
        return builder;
    }

    // A keyed singleton the stores look up by id: the same value again is a no-op, another value under the id a mistake.
    private static ISocialCommerceBuilder AddKeyedOnce<T>(ISocialCommerceBuilder builder, string key, T value, string twice)
        where T : class
    {
        foreach (var service in builder.Services)
        {
            if (service.IsKeyedService && service.ServiceType == typeof(T) && Equals(service.ServiceKey, key) && !Equals(service.KeyedImplementationInstance, value))
            {
                throw new InvalidOperationException(twice);
            }
        }

        builder.Services.AddKeyedSingleton(key, value);
        return builder;
    }

    /// <summary>Uses a growth policy; with a level ladder it makes the <see cref="GrowthProgram"/> singleton.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The builder.</returns>
    public static ISocialCommerceBuilder UseGrowthPolicy(this ISocialCommerceBuilder builder, GrowthPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(policy);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.GrowthPolicy = new GrowthPolicySource("code", policy, null));
        return builder;
    }

    /// <summary>
    /// Sets the ledger's money policy — the clawback policy, the withdrawal fee, the minimum withdrawals and automatic
    /// approval — as the <see cref="LedgerOptions"/> singleton that the stored ledger uses (and an in-memory
    /// <c>CommissionLedger</c> built from the container should use). Checked at start; the configuration section
    /// <c>SocialCommerce:Ledger</c> sets the same, and the later registration wins.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static ISocialCommerceBuilder UseLedgerOptions(this ISocialCommerceBuilder builder, LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.Ledger = new LedgerSource("code", options));
        return builder;
    }

    /// <summary>Uses a level ladder for the <see cref="GrowthProgram"/> singleton.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="ladder">The ladder.</param>
    /// <returns>The builder.</returns>
    public static ISocialCommerceBuilder UseLevelLadder(this ISocialCommerceBuilder builder, LevelLadder ladder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(ladder);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.LevelLadder = ladder);
        return builder;
    }

    /// <summary>Adds honour rules to the <see cref="GrowthProgram"/> singleton.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="honours">The rules.</param>
    /// <returns>The builder.</returns>
    public static ISocialCommerceBuilder AddHonourRules(this ISocialCommerceBuilder builder, IEnumerable<HonourRule> honours)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(honours);
        var list = new List<HonourRule>(honours);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.Honours.AddRange(list));
        return builder;
    }

    /// <summary>
    /// Binds options, the compliance profile, commission plans (<c>CommissionPlans:{name}</c>; the key
    /// <c>default</c> is the unnamed default plan), group-buy rules (<c>GroupBuyRules:{name}</c>) and the growth
    /// policy (<c>GrowthPolicy</c>) and invitation rules (<c>InvitationRules:{name}</c>, see docs/invitations.md) from a configuration section, in the JSON shape of the Core's documents.
    /// Code registrations and configuration compose; a later registration of the same plan name wins.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section, e.g. <c>configuration.GetSection("SocialCommerce")</c>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// Given the root configuration by mistake, it reads the root's <c>SocialCommerce</c> section (and stops the host at
    /// start when there is none). A misspelt key, a compliance section without a profile or with an invalid mode stops
    /// the host at start, reported with every other failure. The default currency (<c>DefaultCurrency</c>, from
    /// configuration or code) applies to plan, group-buy and invitation documents that name no currency.
    /// </remarks>
    public static ISocialCommerceBuilder BindConfiguration(this ISocialCommerceBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);

        // Read when the options are built (like OptionsBuilder.BindConfiguration), so sources added after this call
        // count, and again after every change of the configuration (IOptionsMonitor).
        builder.Services.Configure<SocialCommerceOptions>(o =>
        {
            if (SocialCommerceConfiguration.Locate(section, []) is { } located)
            {
                SocialCommerceConfiguration.ReadOptions(located, o);
            }
        });
        builder.Services.Configure<SocialCommerceRegistrations>(r =>
        {
            if (SocialCommerceConfiguration.Locate(section, r.ConfigurationFailures) is { } located)
            {
                SocialCommerceConfiguration.Read(located, r);
            }
        });
        builder.Services.AddSingleton<IOptionsChangeTokenSource<SocialCommerceOptions>>(new ConfigurationChangeSource<SocialCommerceOptions>(section));
        builder.Services.AddSingleton<IOptionsChangeTokenSource<SocialCommerceRegistrations>>(new ConfigurationChangeSource<SocialCommerceRegistrations>(section));
        return builder;
    }

    private static ISocialCommerceBuilder AddPlan(this ISocialCommerceBuilder builder, string name, PlanSource source)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // "default" names the unnamed default plan, in code as in configuration (CommissionPlans:default).
        var key = string.Equals(name, SocialCommerceConfiguration.DefaultPlanKey, StringComparison.OrdinalIgnoreCase) ? SocialCommerceRegistrations.DefaultPlanName : name;
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.Register(r.Plans, "commission plan", key, source, source.Origin, static p => p.Origin));
        return builder;
    }
}
