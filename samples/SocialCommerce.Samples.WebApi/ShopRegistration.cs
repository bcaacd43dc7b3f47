using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Extensions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Samples.WebApi.Persistence;

namespace SocialCommerce.Samples.WebApi;

/// <summary>
/// Registers the shop's engines from configuration. This is the one place that reads plan, rule and policy
/// documents (through the Core loaders); it can be swapped for the Extensions builder API when that lands.
/// </summary>
internal static class ShopRegistration
{
    public static IServiceCollection AddShop(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SocialCommerceOptions.SectionName);
        services.AddSocialCommerce(options =>
        {
            options.DefaultCurrency = section[nameof(SocialCommerceOptions.DefaultCurrency)] ?? options.DefaultCurrency;
            options.DefaultTimeZone = section[nameof(SocialCommerceOptions.DefaultTimeZone)] ?? options.DefaultTimeZone;
        });

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(_ => LoadSettings(section));
        services.AddSingleton(provider => new CommandLog(ResolveDatabase(
            configuration.GetConnectionString("Shop")
                ?? throw new InvalidOperationException("Connection string 'Shop' (ConnectionStrings:Shop) is missing."),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddSingleton<Shop>();
        return services;
    }

    // A relative database file lives next to the app's content root, not in whatever directory the host was started from.
    private static string ResolveDatabase(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource.Length > 0 && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        return builder.ToString();
    }

    private static ShopSettings LoadSettings(IConfigurationSection section)
    {
        var currency = Currency.FromCode(section[nameof(SocialCommerceOptions.DefaultCurrency)] ?? "CNY");
        var zoneId = section[nameof(SocialCommerceOptions.DefaultTimeZone)] ?? "Asia/Shanghai";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new InvalidOperationException($"SocialCommerce:DefaultTimeZone = '{zoneId}' is not a known time zone.");

        var profileName = section["Compliance:Profile"] ?? ComplianceProfiles.ChinaSocialCommerce.Name;
        var profile = ComplianceProfiles.All.FirstOrDefault(p => p.Name == profileName)
            ?? throw new InvalidOperationException(
                $"SocialCommerce:Compliance:Profile = '{profileName}' is not a built-in profile; known: {string.Join(", ", ComplianceProfiles.All.Select(p => p.Name))}.");

        var plan = CommissionPlan.FromJson(ConfigurationDocument.ToJson(section.GetSection("Plan")));
        var engine = new CommissionEngine(plan, new CommissionEngineOptions { Compliance = profile });

        var rules = new List<GroupBuyRule>();
        foreach (var rule in section.GetSection("GroupBuyRules").GetChildren())
        {
            rules.Add(GroupBuyRule.FromJson(ConfigurationDocument.ToJson(rule)));
        }

        var policy = GrowthPolicy.FromJson(ConfigurationDocument.ToJson(section.GetSection("Growth:Policy")));
        var levels = new List<GrowthLevel>();
        foreach (var level in section.GetSection("Growth:Levels").GetChildren())
        {
            var name = level["Name"] ?? throw new InvalidOperationException($"{level.Path}:Name is missing.");
            var benefits = new LevelBenefits(
                Rate.FromFraction(level.GetValue<decimal>("Discount")),
                level.GetValue<int>("CommissionRank"),
                level["Badge"]);
            levels.Add(new GrowthLevel(name, level.GetValue<long>("Threshold"), benefits));
        }

        var growth = new GrowthProgram(policy, new LevelLadder(levels));
        return new ShopSettings(currency, zone, plan, engine, rules, growth, profile);
    }
}
