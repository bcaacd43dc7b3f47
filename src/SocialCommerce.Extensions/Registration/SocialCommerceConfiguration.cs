using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using SocialCommerce.Compliance;
using SocialCommerce.Extensions.Configuration;

namespace SocialCommerce.Extensions.Registration;

/// <summary>
/// Reads the <c>SocialCommerce</c> configuration section: options, the compliance profile, and plan and rule
/// documents in the same JSON shape as the Core's documents. Problems are collected, not thrown, so that the host
/// stops at start with every failure at once (<c>ValidateOnStart</c>).
/// </summary>
internal static class SocialCommerceConfiguration
{
    public const string DefaultPlanKey = "default";

    private static readonly string[] Known = [nameof(SocialCommerceOptions.DefaultCurrency), nameof(SocialCommerceOptions.DefaultTimeZone), "Compliance", "CommissionPlans", "GroupBuyRules", "GrowthPolicy", "InvitationRules", "Ledger"];
    private static readonly string[] KnownCompliance = ["Profile", "Mode"];

    /// <summary>
    /// The section to read: the given one, or — when the root configuration was passed by mistake — its
    /// <c>SocialCommerce</c> section; null (with a failure) when the root has none.
    /// </summary>
    public static IConfiguration? Locate(IConfiguration configuration, List<string> failures)
    {
        if (configuration is IConfigurationSection)
        {
            return configuration;
        }

        var section = configuration.GetSection(SocialCommerceOptions.SectionName);
        if (section.Exists())
        {
            return section;
        }

        failures.Add($"SocialCommerce: AddSocialCommerce(configuration) / BindConfiguration was given the root configuration, which has no '{SocialCommerceOptions.SectionName}' section. Pass configuration.GetSection(\"{SocialCommerceOptions.SectionName}\") or add the section.");
        return null;
    }

    /// <summary>Reads the section's defaults into the options (when set there).</summary>
    public static void ReadOptions(IConfiguration section, SocialCommerceOptions options)
    {
        if (section[nameof(SocialCommerceOptions.DefaultCurrency)] is { } currency)
        {
            options.DefaultCurrency = currency;
        }

        if (section[nameof(SocialCommerceOptions.DefaultTimeZone)] is { } zone)
        {
            options.DefaultTimeZone = zone;
        }
    }

    /// <summary>Reads the section into the registrations: each time the options are built, so at start and after every change.</summary>
    public static void Read(IConfiguration section, SocialCommerceRegistrations registrations)
    {
        var failures = registrations.ConfigurationFailures;
        var path = (section as IConfigurationSection)?.Path ?? SocialCommerceOptions.SectionName;
        foreach (var child in section.GetChildren())
        {
            if (!Known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"SocialCommerce: configuration {child.Path} is not a SocialCommerce setting (misspelt?). The settings under {path} are: {string.Join(", ", Known)}.");
            }
        }

        registrations.ConfiguredDefaultCurrency = section[nameof(SocialCommerceOptions.DefaultCurrency)] ?? registrations.ConfiguredDefaultCurrency;
        ReadCompliance(section.GetSection("Compliance"), registrations, failures);

        foreach (var plan in section.GetSection("CommissionPlans").GetChildren())
        {
            var json = Document(plan);
            var name = string.Equals(plan.Key, DefaultPlanKey, StringComparison.OrdinalIgnoreCase) ? SocialCommerceRegistrations.DefaultPlanName : plan.Key;
            registrations.Register(registrations.Plans, "commission plan", name, new PlanSource($"configuration {plan.Path}", null, json, DefaultsCurrency: true), $"configuration {plan.Path}", static p => p.Origin);
        }

        foreach (var rule in section.GetSection("GroupBuyRules").GetChildren())
        {
            registrations.Register(registrations.GroupBuyRules, "group-buy rule", rule.Key, new GroupBuyRuleSource($"configuration {rule.Path}", null, Document(rule), DefaultsCurrency: true), $"configuration {rule.Path}", static g => g.Origin);
        }

        foreach (var rule in section.GetSection("InvitationRules").GetChildren())
        {
            registrations.Register(registrations.InvitationRules, "invitation rule", rule.Key, new InvitationRuleSource($"configuration {rule.Path}", null, Document(rule), DefaultsCurrency: true), $"configuration {rule.Path}", static i => i.Origin);
        }

        var ledger = section.GetSection("Ledger");
        if (ledger.Exists() && LedgerConfiguration.Read(ledger, section[nameof(SocialCommerceOptions.DefaultCurrency)], failures) is { } ledgerOptions)
        {
            registrations.Ledger = new LedgerSource($"configuration {ledger.Path}", ledgerOptions);
        }

        var growth = section.GetSection("GrowthPolicy");
        if (growth.Exists())
        {
            registrations.GrowthPolicy = new GrowthPolicySource($"configuration {growth.Path}", null, ConfigurationJson.ToJson(growth)!.ToJsonString(), DefaultsCurrency: true);
        }
    }

    /// <summary>The document with <c>"currency"</c> set to the default when it names none (applied at start, when the options are final).</summary>
    public static string WithDefaultCurrency(string json, string currency) => ConfigurationJson.WithDefault(json, "currency", currency.ToUpperInvariant());

    private static void ReadCompliance(IConfigurationSection compliance, SocialCommerceRegistrations registrations, List<string> failures)
    {
        if (!compliance.Exists())
        {
            return;
        }

        foreach (var child in compliance.GetChildren())
        {
            if (!KnownCompliance.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"SocialCommerce: configuration {child.Path} is not a compliance setting (misspelt?). The settings under {compliance.Path} are: Profile, Mode.");
            }
        }

        var profile = compliance["Profile"];
        if (string.IsNullOrWhiteSpace(profile))
        {
            failures.Add($"SocialCommerce: configuration {compliance.Path} names no Profile; set {compliance.Path}:Profile to a built-in profile ({ComplianceProfiles.Names()}) or register one in code with UseComplianceProfile. A missing profile is never defaulted: the legal profile must be chosen.");
        }

        ComplianceMode? mode = null;
        if (compliance["Mode"] is { } modeText)
        {
            if (Enum.TryParse<ComplianceMode>(modeText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(modeText, out _))
            {
                mode = parsed;
            }
            else
            {
                failures.Add($"SocialCommerce: configuration {compliance.Path}:Mode '{modeText}' is not a compliance mode (Enforce or Audit).");
            }
        }

        if (!string.IsNullOrWhiteSpace(profile))
        {
            registrations.Compliance = new ComplianceSource($"configuration {compliance.Path}", null, profile, mode);
        }
    }

    /// <summary>The section as a JSON document; the key is the name when the document has none.</summary>
    private static string Document(IConfigurationSection section)
    {
        var json = ConfigurationJson.ToJson(section) as JsonObject ?? new JsonObject();
        json["name"] ??= section.Key;
        return json.ToJsonString();
    }
}
