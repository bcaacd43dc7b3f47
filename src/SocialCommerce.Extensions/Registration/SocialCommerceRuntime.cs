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
/// the group-buy book and the growth program. Built once at start (the start-up validator collects every failure, and
/// the same build serves the engines); when bound configuration changes, <see cref="Reload"/> validates the new
/// registrations like at start and swaps the plans and the growth policy, or keeps them and logs why.
/// </summary>
#pragma warning disable CA1031 // start-up validation reports every failure, whatever its type, naming the registration
internal sealed class SocialCommerceRuntime : ICommissionPlanProvider
{
    private volatile Dictionary<string, CommissionEngine> _engines = new(StringComparer.Ordinal);
    private volatile GrowthProgram? _growthProgram;
    private CommissionRuleCatalog _catalog = new();

    private SocialCommerceRuntime()
    {
    }

    public ComplianceProfile? Profile { get; private set; }

    /// <summary>Gets the ledger's money policy, shared by the in-memory and the stored ledger (default when none is registered).</summary>
    public SocialCommerce.Commissions.LedgerOptions LedgerOptions { get; private set; } = SocialCommerce.Commissions.LedgerOptions.Default;

    public GroupBuyBook GroupBuyBook { get; private set; } = null!;

    /// <summary>Gets the current growth program (the policy follows configuration reloads), or null when none is registered.</summary>
    public GrowthProgram? GrowthProgram => _growthProgram;

    public InvitationBook InvitationBook { get; private set; } = null!;

    public ReferralRewardBook? ReferralRewardBook { get; private set; }

    public IReadOnlyCollection<string> Names => _engines.Keys.Where(k => k.Length > 0).ToArray();

    public bool HasDefault => _engines.ContainsKey(SocialCommerceRegistrations.DefaultPlanName);

    public CommissionEngine? DefaultEngineOrNull => _engines.GetValueOrDefault(SocialCommerceRegistrations.DefaultPlanName);

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

    /// <summary>The current growth program, or null (so <c>GetService</c> returns null) when none is registered.</summary>
    public static GrowthProgram GrowthProgramOf(IServiceProvider services) => services.GetRequiredService<SocialCommerceRuntime>().GrowthProgram!;

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
    public static SocialCommerceRuntime Build(IServiceProvider services, SocialCommerceRegistrations registrations, List<string> failures, SocialCommerceListener? listener = null, CommissionRuleCatalog? rules = null, bool quietBooks = false, IReadOnlyDictionary<string, CommissionEngine>? running = null)
    {
        var runtime = new SocialCommerceRuntime { _listener = listener };
        var bookListener = quietBooks ? null : listener;
        failures.AddRange(registrations.ConfigurationFailures);
        var currency = registrations.ConfiguredDefaultCurrency ?? DefaultCurrency(services);
        runtime.Profile = ResolveProfile(registrations.Compliance, failures);
        var catalog = rules ?? BuildCatalog(services, registrations, failures);
        runtime._catalog = catalog;
        var engines = new Dictionary<string, CommissionEngine>(StringComparer.Ordinal);
        CheckSingleton<IDistributorStatus>(services, failures);
        CheckSingleton<IMemberRanks>(services, failures);
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
                // A plan built by the host's factory is built once (a reload does not call it again).
                if (source.Factory is not null && running is not null && running.TryGetValue(name, out var built))
                {
                    engines[name] = built;
                    continue;
                }

                var plan = source.Plan ?? source.Factory?.Invoke(services, catalog) ?? CommissionPlan.FromJson(Defaulted(source.Json!, source.DefaultsCurrency, currency), catalog);
                engines[name] = new CommissionEngine(plan, engineOptions);
            }
            catch (Exception ex)
            {
                failures.Add($"SocialCommerce: {label} ({source.Origin}) is refused: {ex.Message}");
            }
        }

        runtime._engines = engines;
        runtime.GroupBuyBook = new GroupBuyBook(runtime.Profile, bookListener);
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

        runtime._growthProgram = BuildGrowth(registrations, failures, listener, currency);
        runtime.LedgerOptions = BuildLedger(registrations.Ledger, failures);
        runtime.InvitationBook = new InvitationBook(runtime.Profile, bookListener);
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

                runtime.ReferralRewardBook = new ReferralRewardBook(referral.Rule, runtime.Profile, plan, bookListener);
            }
            catch (Exception ex)
            {
                failures.Add($"SocialCommerce: referral-reward rule '{referral.Rule.Name}' is refused: {ex.Message}");
            }
        }

        return runtime;
    }

    /// <summary>
    /// Applies changed registrations (bound configuration was reloaded): built and checked like at start, against the
    /// running books. Changed and new plans and a changed growth policy take effect for the next quote or evaluation
    /// (a booked sale keeps the plan version it was decided under); new group-buy and invitation rules are added. A
    /// changed compliance profile, or a changed version of a group-buy or invitation rule that is running, is refused:
    /// the books hold groups and invitations decided under them, so that takes a restart (or a new rule name).
    /// </summary>
    /// <returns>The failures (empty when applied) and what changed.</returns>
    public (IReadOnlyList<string> Failures, IReadOnlyList<string> Changes) Reload(IServiceProvider services, SocialCommerceRegistrations registrations)
    {
        var failures = new List<string>();
        var changes = new List<string>();
        var candidate = Build(services, registrations, failures, _listener, _catalog, quietBooks: true, running: _engines);
        if (!Equals(candidate.Profile, Profile))
        {
            failures.Add($"SocialCommerce: the compliance profile changed from '{Profile?.Name ?? "none"}' ({Profile?.Mode}) to '{candidate.Profile?.Name ?? "none"}' ({candidate.Profile?.Mode}); a running host keeps the legal profile it started with. Restart to apply it.");
        }

        var newGroupRules = NewRules(GroupBuyBook.Rules.ToDictionary(r => r.Name, r => r.Version), candidate.GroupBuyBook.Rules, r => r.Name, r => r.Version, "group-buy", failures);
        var newInvitationRules = NewRules(InvitationBook.Rules.ToDictionary(r => r.Name, r => r.Version), candidate.InvitationBook.Rules, r => r.Name, r => r.Version, "invitation", failures);
        if (failures.Count > 0)
        {
            return (failures, changes);
        }

        // Unchanged plans keep their engine; a plan no longer configured keeps serving until restart.
        var current = _engines;
        var engines = new Dictionary<string, CommissionEngine>(current, StringComparer.Ordinal);
        foreach (var (name, engine) in candidate._engines)
        {
            var label = name.Length == 0 ? "the default commission plan" : $"commission plan '{name}'";
            if (!current.TryGetValue(name, out var old))
            {
                engines[name] = engine;
                changes.Add($"{label} added (version {engine.Plan.Version})");
            }
            else if (!string.Equals(old.Plan.Version, engine.Plan.Version, StringComparison.Ordinal))
            {
                engines[name] = engine;
                changes.Add($"{label} changed from version {old.Plan.Version} to {engine.Plan.Version}");
            }
        }

        foreach (var rule in newGroupRules)
        {
            GroupBuyBook.AddRule(rule);
            changes.Add($"group-buy rule '{rule.Name}' added");
        }

        foreach (var rule in newInvitationRules)
        {
            InvitationBook.AddRule(rule);
            changes.Add($"invitation rule '{rule.Name}' added");
        }

        var growth = candidate._growthProgram;
        if (growth is not null && _growthProgram is { } running && !string.Equals(running.Policy.Version, growth.Policy.Version, StringComparison.Ordinal))
        {
            _growthProgram = growth;
            changes.Add($"growth policy changed from version {running.Policy.Version} to {growth.Policy.Version}");
        }

        _engines = engines;
        return (failures, changes);
    }

    private SocialCommerceListener? _listener;

    private static List<TRule> NewRules<TRule>(Dictionary<string, string> running, IEnumerable<TRule> configured, Func<TRule, string> nameOf, Func<TRule, string> versionOf, string kind, List<string> failures)
    {
        var added = new List<TRule>();
        foreach (var rule in configured)
        {
            if (!running.TryGetValue(nameOf(rule), out var version))
            {
                added.Add(rule);
            }
            else if (!string.Equals(version, versionOf(rule), StringComparison.Ordinal))
            {
                failures.Add($"SocialCommerce: {kind} rule '{nameOf(rule)}' changed (version {version} to {versionOf(rule)}); a running book keeps the rule its open {kind}s were decided under. Register the new terms under a new name, or restart.");
            }
        }

        return added;
    }

    private static void CheckSingleton<TService>(IServiceProvider services, List<string> failures)
    {
        if (services.GetService<ServiceLifetimes>()?.IsScoped(typeof(TService)) == true)
        {
            failures.Add($"SocialCommerce: {typeof(TService).Name} is registered as scoped, but every commission engine holds it for the host's lifetime. Register it as a singleton (it may take IServiceScopeFactory and open a scope per call).");
        }
    }

    private static string? DefaultCurrency(IServiceProvider services)
    {
        try
        {
            return services.GetService<IOptionsMonitor<SocialCommerceOptions>>()?.CurrentValue.DefaultCurrency;
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
        var lifetimes = services.GetService<ServiceLifetimes>();
        foreach (var registration in registrations.Rules)
        {
            try
            {
                if (lifetimes?.ScopedDependencies(registration.RuleType) is { Count: > 0 } scoped)
                {
                    throw new InvalidOperationException(ServiceLifetimes.Explain($"the rule {registration.RuleType.Name}", scoped));
                }

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

    // The ledger checks its options when it is created: a ledger made here refuses them at start, not at the first withdrawal.
    private static SocialCommerce.Commissions.LedgerOptions BuildLedger(LedgerSource? source, List<string> failures)
    {
        if (source is null)
        {
            return SocialCommerce.Commissions.LedgerOptions.Default;
        }

        try
        {
            _ = new SocialCommerce.Commissions.CommissionLedger(source.Options);
            return source.Options;
        }
        catch (ArgumentException ex)
        {
            failures.Add($"SocialCommerce: the ledger options ({source.Origin}) are refused: {ex.Message}");
            return SocialCommerce.Commissions.LedgerOptions.Default;
        }
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
