using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.EntityFrameworkCore;
using SocialCommerce.Extensions;
using SocialCommerce.Extensions.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;

namespace SocialCommerce.Samples.WebApi;

/// <summary>
/// Registers the shop's engines from configuration and their state on the shop's database (SQLite by default,
/// PostgreSQL for several instances).
/// </summary>
internal static class ShopRegistration
{
    /// <summary>
    /// A new member's first purchase of at least ¥50 within 30 days of joining rewards the inviter ¥10 and the new member
    /// ¥5 (money lines of that sale's posting, paid when its return window closes); an inviter is rewarded for at most
    /// 20 friends in 30 days. Checked at start against the plan and the compliance profile (SC504).
    /// </summary>
    public static ReferralRewardRule FirstPurchase { get; } = ReferralRewardRule.Create("first-purchase", new ReferralRewardRuleOptions
    {
        MinimumPurchase = new Money(50m, Currency.CNY),
        Window = Duration.FromDays(30),
        InviterReward = ReferralRewardValue.Fixed(new Money(10m, Currency.CNY)),
        InvitedReward = ReferralRewardValue.Fixed(new Money(5m, Currency.CNY)),
        InviterCap = 20,
        CapPeriod = Duration.FromDays(30),
    });

    /// <summary>Honours: reviews posted (bronze at 3, silver at 10), each valid for 30 days; tenure (a badge per year).</summary>
    public static IReadOnlyList<HonourRule> Honours { get; } =
    [
        new HonourRule("reviewer", HonourTerm.ShortTerm, HonourMeasure.ActivityCount, [new HonourTier("bronze", 3), new HonourTier("silver", 10)])
        {
            Kind = new GrowthActivityKind("review.posted"),
            ValidFor = Period.FromDays(30),
        },
        new HonourRule("loyal", HonourTerm.LongTerm, HonourMeasure.TenureYears, [new HonourTier("one-year", 1), new HonourTier("three-years", 3)]),
    ];

    public static IServiceCollection AddShop(this IServiceCollection services, IConfiguration configuration)
    {
        // The SDK reads its own section: options, the compliance profile, the commission plan, the group-buy
        // rules and the growth policy, all validated when the host starts. The ladder is the shop's own section.
        var socialCommerce = services.AddSocialCommerce(configuration.GetSection(SocialCommerceOptions.SectionName))
            .UseLevelLadder(ReadLadder(configuration.GetSection("Shop:LevelLadder")))
            .AddHonourRules(Honours)
            .UseReferralRewards(FirstPurchase, planName: "default")
            .AddGroupBuyCampaign(ShopCampaigns.Tea);
        UseDatabase(socialCommerce, configuration);

        // Release due earnings and settle groups and invitations past their deadline every minute (Shop:Jobs sets the
        // periods, e.g. "ReleaseEarningsEvery": "00:05:00"), on every instance (each item is settled once), at the
        // IClock's now. Shop:RunJobs = false leaves it to POST /ledger/release and
        // POST /groups/close-due (the tests drive those by hand).
        if (configuration.GetValue("Shop:RunJobs", defaultValue: true))
        {
            socialCommerce.AddSocialCommerceJobs(jobs => configuration.GetSection("Shop:Jobs").Bind(jobs));
        }

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SocialCommerceOptions>>().Value;
            var engine = provider.GetRequiredService<CommissionEngine>();
            return new ShopSettings(
                Currency.FromCode(options.DefaultCurrency),
                DateTimeZoneProviders.Tzdb[options.DefaultTimeZone],
                provider.GetRequiredService<ICommissionPlanProvider>(),
                provider.GetRequiredService<GroupBuyBook>(),
                provider.GetRequiredService<GrowthProgram>(),
                engine.Compliance ?? throw new InvalidOperationException("SocialCommerce:Compliance:Profile is required by the shop."));
        });
        services.AddSingleton<Shop>();
        return services;
    }

    /// <summary>
    /// The engines' state on the database: SQLite (a file next to the app, nothing to install) unless
    /// <c>Shop:Database</c> is <c>postgres</c>, then PostgreSQL, which several instances share.
    /// </summary>
    private static void UseDatabase(ISocialCommerceBuilder socialCommerce, IConfiguration configuration) =>
        socialCommerce.AddEntityFrameworkStores(
            (serviceProvider, db) =>
        {
            var configuration = serviceProvider.GetRequiredService<IConfiguration>();
            var connectionString = configuration.GetConnectionString("Shop")
                ?? throw new InvalidOperationException("Connection string 'Shop' (ConnectionStrings:Shop) is missing.");
            var provider = configuration["Shop:Database"] ?? "sqlite";
            switch (provider)
            {
                case "sqlite":
                    db.UseSqlite(ResolveDatabase(connectionString, serviceProvider.GetRequiredService<IHostEnvironment>().ContentRootPath));
                    break;
                case "postgres":
                    db.UseNpgsql(connectionString);
                    break;
                default:
                    throw new InvalidOperationException($"Shop:Database = '{provider}': use 'sqlite' or 'postgres'.");
            }
        },
            store => store.Ledger = new LedgerOptions
            {
                // No withdrawal below Shop:MinimumWithdrawal (in the default currency): a stream of ¥0.01 withdrawals
                // is refused by the ledger, whatever the rate limit lets through.
                MinimumWithdrawals =
                [
                    new Money(
                        decimal.Parse(configuration["Shop:MinimumWithdrawal"] ?? "1.00", System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture),
                        Currency.FromCode(configuration["SocialCommerce:DefaultCurrency"] ?? "CNY")),
                ],
            });

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
