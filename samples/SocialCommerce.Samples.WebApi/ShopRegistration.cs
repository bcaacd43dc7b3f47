using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        // The SDK reads its own section: options, the compliance profile, the commission plan, the group-buy
        // rules and the growth policy, all validated when the host starts. The ladder is the shop's own section.
        services.AddSocialCommerce(configuration.GetSection(SocialCommerceOptions.SectionName))
            .UseLevelLadder(ReadLadder(configuration.GetSection("Shop:LevelLadder")));

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SocialCommerceOptions>>().Value;
            var engine = provider.GetRequiredService<CommissionEngine>();
            return new ShopSettings(
                Currency.FromCode(options.DefaultCurrency),
                DateTimeZoneProviders.Tzdb[options.DefaultTimeZone],
                engine.Plan,
                engine,
                provider.GetRequiredService<GroupBuyBook>(),
                provider.GetRequiredService<GrowthProgram>(),
                engine.Compliance ?? throw new InvalidOperationException("SocialCommerce:Compliance:Profile is required by the shop."));
        });
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

    private static LevelLadder ReadLadder(IConfigurationSection section)
    {
        var levels = new List<GrowthLevel>();
        foreach (var level in section.GetChildren())
        {
            var name = level["Name"] ?? throw new InvalidOperationException($"{level.Path}:Name is missing.");
            var benefits = new LevelBenefits(
                Rate.FromFraction(level.GetValue<decimal>("Discount")),
                level.GetValue<int>("CommissionRank"),
                level["Badge"]);
            levels.Add(new GrowthLevel(name, level.GetValue<long>("Threshold"), benefits));
        }

        return new LevelLadder(levels);
    }
}
