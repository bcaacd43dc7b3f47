using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Extensions.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Extensions.Registration;

/// <summary>
/// Builds the engines from the registrations: the compliance profile, the rule catalog, one engine per plan,
/// the group-buy book and the growth program. Used twice: by the start-up validator, which collects every
/// failure, and as the singleton that serves the engines.
/// </summary>
#pragma warning disable CA1031 // start-up validation reports every failure, whatever its type, naming the registration
internal sealed class SocialCommerceRuntime : ICommissionPlanProvider
{
    private readonly Dictionary<string, CommissionEngine> _engines = new(StringComparer.Ordinal);

    private SocialCommerceRuntime()
    {
    }

    public ComplianceProfile? Profile { get; private set; }

    public GroupBuyBook GroupBuyBook { get; private set; } = null!;

    public GrowthProgram? GrowthProgram { get; private set; }

    public InvitationBook InvitationBook { get; private set; } = null!;

    public ReferralRewardBook? ReferralRewardBook { get; private set; }

    public IReadOnlyCollection<string> Names => _engines.Keys.Where(k => k.Length > 0).ToArray();

    public bool HasDefault => _engines.ContainsKey(SocialCommerceRegistrations.DefaultPlanName);

    public CommissionEngine DefaultEngine =>
        _engines.TryGetValue(SocialCommerceRegistrations.DefaultPlanName, out var engine)
            ? engine
            : throw new InvalidOperationException("No default commission plan is registered: call AddCommissionPlan(plan) without a name, or name a plan 'default' in configuration.");

    public CommissionEngine GetEngine(string name) =>
        TryGetEngine(name, out var engine)
            ? engine
            : throw new KeyNotFoundException($"No commission plan is registered under the name '{name}'. Registered: {string.Join(", ", Names.Select(n => $"'{n}'"))}.");

    public bool TryGetEngine(string name, [NotNullWhen(true)] out CommissionEngine? engine)
    {
        ArgumentNullException.ThrowIfNull(name);

        // The plan configured under the key "default" is the unnamed default plan, reachable by either name.
        return _engines.TryGetValue(name, out engine)
            || (string.Equals(name, SocialCommerceConfiguration.DefaultPlanKey, StringComparison.OrdinalIgnoreCase) && _engines.TryGetValue(SocialCommerceRegistrations.DefaultPlanName, out engine));
    }

    /// <summary>The growth program, registered (and so resolvable) only when a policy or a ladder is.</summary>
    public static GrowthProgram GrowthProgramOf(IServiceProvider services) =>
        services.GetRequiredService<SocialCommerceRuntime>().GrowthProgram
            ?? throw new InvalidOperationException("The growth program could not be built: it needs both UseGrowthPolicy(...) (or configuration 'GrowthPolicy') and UseLevelLadder(...); the start-up validation names what is missing.");

    /// <summary>Builds everything, throwing <see cref="OptionsValidationException"/> with every failure.</summary>
    public static SocialCommerceRuntime Create(IServiceProvider services)
    {
        // Reading the options runs the start-up validator, which builds the runtime; the cache hands over that build.
        var registrations = services.GetRequiredService<IOptions<SocialCommerceRegistrations>>().Value;
        var (runtime, failures) = services.GetRequiredService<SocialCommerceRuntimeCache>().Get(registrations);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SocialCommerceRegistrations), failures);
        }

        return runtime;
    }

    /// <summary>Builds what it can and adds a message per failure, naming the registration, the field and the finding code.</summary>
    public static SocialCommerceRuntime Build(IServiceProvider services, SocialCommerceRegistrations registrations, List<string> failures, SocialCommerceListener? listener = null)
    {
        var runtime = new SocialCommerceRuntime();
        failures.AddRange(registrations.ConfigurationFailures);
        var currency = DefaultCurrency(services);
        runtime.Profile = ResolveProfile(registrations.Compliance, failures);
        var catalog = BuildCatalog(services, registrations, failures);
        var engineOptions = new CommissionEngineOptions
        {
            Rules = catalog,
            Compliance = runtime.Profile,
            Distributors = services.GetService<IDistributorStatus>(),
            Ranks = services.GetService<IMemberRanks>(),
            Listener = listener,
        };

        foreach (var (name, source) in registrations.Plans)
        {
            var label = name.Length == 0 ? "the default commission plan" : $"commission plan '{name}'";
            try
            {
                var plan = source.Plan ?? source.Factory?.Invoke(services, catalog) ?? CommissionPlan.FromJson(Defaulted(source.Json!, source.DefaultsCurrency, currency), catalog);
                runtime._engines[name] = new CommissionEngine(plan, engineOptions);
            }
            catch (Exception ex)
            {
                failures.Add($"SocialCommerce: {label} ({source.Origin}) is refused: {ex.Message}");
            }
        }

        runtime.GroupBuyBook = new GroupBuyBook(runtime.Profile, listener);
        foreach (var (name, source) in registrations.GroupBuyRules)
        {
            try
            {
                var rule = source.Rule ?? GroupBuyRule.FromJson(Defaulted(source.Json!, source.DefaultsCurrency, currency));
                if (!string.Equals(rule.Name, name, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"the document names the rule '{rule.Name}' but it is configured under '{name}'.");
                }

                runtime.GroupBuyBook.AddRule(rule);
            }
            catch (Exception ex)
            {
                failures.Add($"SocialCommerce: group-buy rule '{name}' ({source.Origin}) is refused: {ex.Message}");
            }
        }

        runtime.GrowthProgram = BuildGrowth(registrations, failures, listener, currency);
        runtime.InvitationBook = new InvitationBook(runtime.Profile, listener);
        foreach (var (name, source) in registrations.InvitationRules)
        {
            try
            {
                var rule = source.Rule ?? InvitationRule.FromJson(Defaulted(source.Json!, source.DefaultsCurrency, currency));
                if (!string.Equals(rule.Name, name, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"the document names the rule '{rule.Name}' but it is registered as '{name}'.");
                }

                runtime.InvitationBook.AddRule(rule);
            }
            catch (Exception ex)
            {
                failures.Add($"SocialCommerce: invitation rule '{name}' ({source.Origin}) is refused: {ex.Message}");
            }
        }

        if (registrations.ReferralRewards is { } referral)
        {
            try
            {
                PlanFacts? plan = null;
                if (referral.PlanName is { } planName)
                {
                    plan = runtime.TryGetEngine(planName == SocialCommerceConfiguration.DefaultPlanKey ? SocialCommerceRegistrations.DefaultPlanName : planName, out var engine)
                        ? engine.Plan.ToPlanFacts()
                        : throw new ArgumentException($"it names commission plan '{planName}', which is not registered.");
                }

                runtime.ReferralRewardBook = new ReferralRewardBook(referral.Rule, runtime.Profile, plan, listener);
            }
            catch (Exception ex)
            {
                failures.Add($"SocialCommerce: referral-reward rule '{referral.Rule.Name}' is refused: {ex.Message}");
            }
        }

        return runtime;
    }

    private static string? DefaultCurrency(IServiceProvider services)
    {
        try
        {
            return services.GetService<IOptions<SocialCommerceOptions>>()?.Value.DefaultCurrency;
        }
        catch (OptionsValidationException)
        {
            return null; // reported by the options' own validation
        }
    }

    private static string Defaulted(string json, bool defaultsCurrency, string? currency) =>
        defaultsCurrency && currency is not null ? SocialCommerceConfiguration.WithDefaultCurrency(json, currency) : json;

    private static ComplianceProfile? ResolveProfile(ComplianceSource? source, List<string> failures)
    {
        if (source is null)
        {
            return null;
        }

        var profile = source.Profile;
        if (profile is null && !ComplianceProfiles.TryGet(source.BuiltInName, out profile))
        {
            failures.Add($"SocialCommerce: compliance profile '{source.BuiltInName}' ({source.Origin}) is not a built-in profile. Built-in: {ComplianceProfiles.Names()}.");
            return null;
        }

        return source.Mode is { } mode ? profile with { Mode = mode } : profile;
    }

    private static CommissionRuleCatalog BuildCatalog(IServiceProvider services, SocialCommerceRegistrations registrations, List<string> failures)
    {
        var catalog = new CommissionRuleCatalog();
        foreach (var registration in registrations.Rules)
        {
            try
            {
                var rule = (ICommissionRule)ActivatorUtilities.CreateInstance(services, registration.RuleType);
                catalog.Add(registration.Name is { } name && !string.Equals(name, rule.Name, StringComparison.Ordinal) ? new RenamedCommissionRule(name, rule) : rule);
            }
            catch (Exception ex)
            {
                failures.Add($"SocialCommerce: commission rule {registration.RuleType.Name} ('{registration.Name}') cannot be registered: {ex.Message}");
            }
        }

        return catalog;
    }

    private static GrowthProgram? BuildGrowth(SocialCommerceRegistrations registrations, List<string> failures, SocialCommerceListener? listener, string? currency)
    {
        if (registrations.GrowthPolicy is null && registrations.LevelLadder is null)
        {
            return null;
        }

        if (registrations.GrowthPolicy is null || registrations.LevelLadder is null)
        {
            failures.Add("SocialCommerce: a growth program needs both a growth policy (UseGrowthPolicy or configuration 'GrowthPolicy') and a level ladder (UseLevelLadder); only one is registered.");
            return null;
        }

        try
        {
            var source = registrations.GrowthPolicy;
            var policy = source.Policy ?? SocialCommerce.Growth.GrowthPolicy.FromJson(Defaulted(source.Json!, source.DefaultsCurrency, currency));
            return new GrowthProgram(policy, registrations.LevelLadder, registrations.Honours, listener);
        }
        catch (Exception ex)
        {
            failures.Add($"SocialCommerce: growth policy ({registrations.GrowthPolicy.Origin}) is refused: {ex.Message}");
            return null;
        }
    }
}
#pragma warning restore CA1031
