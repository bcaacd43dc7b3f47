using System;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using SocialCommerce.Compliance;
using SocialCommerce.Extensions.Configuration;

namespace SocialCommerce.Extensions.Registration;

/// <summary>
/// Reads the <c>SocialCommerce</c> configuration section: options, the compliance profile, and plan and rule
/// documents in the same JSON shape as the Core's documents.
/// </summary>
internal static class SocialCommerceConfiguration
{
    public const string DefaultPlanKey = "default";

    public static void Read(IConfiguration section, SocialCommerceOptions options, SocialCommerceRegistrations registrations, Action<string> planNamed)
    {
        if (section[nameof(SocialCommerceOptions.DefaultCurrency)] is { } currency)
        {
            options.DefaultCurrency = currency;
        }

        if (section[nameof(SocialCommerceOptions.DefaultTimeZone)] is { } zone)
        {
            options.DefaultTimeZone = zone;
        }

        var compliance = section.GetSection("Compliance");
        if (compliance.Exists())
        {
            var profile = compliance["Profile"];
            var modeText = compliance["Mode"];
            ComplianceMode? mode = null;
            if (modeText is not null)
            {
                mode = Enum.TryParse<ComplianceMode>(modeText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw new FormatException($"Configuration {compliance.Path}:Mode '{modeText}' is not a compliance mode (Enforce or Audit).");
            }

            registrations.Compliance = new ComplianceSource($"configuration {compliance.Path}", null, profile ?? ComplianceProfiles.ChinaSocialCommerce.Name, mode);
        }

        foreach (var plan in section.GetSection("CommissionPlans").GetChildren())
        {
            var json = Document(plan, options);
            var name = string.Equals(plan.Key, DefaultPlanKey, StringComparison.OrdinalIgnoreCase) ? SocialCommerceRegistrations.DefaultPlanName : plan.Key;
            registrations.Plans[name] = new PlanSource($"configuration {plan.Path}", null, json);
            planNamed(name);
        }

        foreach (var rule in section.GetSection("GroupBuyRules").GetChildren())
        {
            registrations.GroupBuyRules.Add(new GroupBuyRuleSource($"configuration {rule.Path}", null, Document(rule, options)));
        }

        foreach (var rule in section.GetSection("InvitationRules").GetChildren())
        {
            registrations.InvitationRules[rule.Key] = new InvitationRuleSource($"configuration {rule.Path}", null, Document(rule, options));
        }

        var growth = section.GetSection("GrowthPolicy");
        if (growth.Exists())
        {
            registrations.GrowthPolicy = new GrowthPolicySource($"configuration {growth.Path}", null, ConfigurationJson.ToJson(growth)!.ToJsonString());
        }

    }

    /// <summary>The section as a JSON document; the key is the name, and the default currency applies when none is given.</summary>
    private static string Document(IConfigurationSection section, SocialCommerceOptions options)
    {
        var json = ConfigurationJson.ToJson(section) as JsonObject ?? new JsonObject();
        json["name"] ??= section.Key;
        json["currency"] ??= options.DefaultCurrency.ToUpper(CultureInfo.InvariantCulture);
        return json.ToJsonString();
    }
}
