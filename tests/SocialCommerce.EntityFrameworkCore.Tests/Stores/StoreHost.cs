using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.EntityFrameworkCore.Growth;
using SocialCommerce.EntityFrameworkCore.Invitations;
using SocialCommerce.EntityFrameworkCore.Network;
using SocialCommerce.Extensions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>One instance of a shop on a database: a generic host with the engines and the EF Core stores.</summary>
public sealed class StoreHost : IAsyncDisposable
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 11, 2, 4, 0);

    public static readonly LedgerOptions LedgerOptions = new()
    {
        WithdrawalFee = Rate.Percent(1),
        MinimumWithdrawals = [new Money(1m, Currency.CNY)],
    };

    private StoreHost(IHost host) => Host = host;

    public IHost Host { get; }

    public StoredReferralNetwork Network => Host.Services.GetRequiredService<StoredReferralNetwork>();

    public StoredCommissionLedger Ledger => Host.Services.GetRequiredService<StoredCommissionLedger>();

    public StoredGroupBuys Groups => Host.Services.GetRequiredService<StoredGroupBuys>();

    public StoredCommunityBatches Batches => Host.Services.GetRequiredService<StoredCommunityBatches>();

    public StoredGrowth Growth => Host.Services.GetRequiredService<StoredGrowth>();

    public CommissionEngine Engine => Host.Services.GetRequiredService<CommissionEngine>();

    public StoredInvitations Invitations => Host.Services.GetRequiredService<StoredInvitations>();

    public StoredReferralRewards Referrals => Host.Services.GetRequiredService<StoredReferralRewards>();

    public SocialCommerce.EntityFrameworkCore.Coupons.StoredCoupons Coupons => Host.Services.GetRequiredService<SocialCommerce.EntityFrameworkCore.Coupons.StoredCoupons>();

    public SocialCommerce.EntityFrameworkCore.Points.StoredPoints Points => Host.Services.GetRequiredService<SocialCommerce.EntityFrameworkCore.Points.StoredPoints>();

    public SocialCommerce.EntityFrameworkCore.Points.StoredMall Mall => Host.Services.GetRequiredService<SocialCommerce.EntityFrameworkCore.Points.StoredMall>();

    /// <summary>A mall item of 30 units, 2 a member, 100 points plus ¥9.90 each.</summary>
    public StoredCampaignBook Campaign => Host.Services.GetRequiredKeyedService<StoredCampaignBook>(Double12.Name);

    public StoredCampaignBook Flash12Campaign => Host.Services.GetRequiredKeyedService<StoredCampaignBook>(Flash12.Name);

    /// <summary>A campaign with every limit: two SKUs, per order, per member, groups per member, open groups per member, a free leader and a reset hand-over.</summary>
    public static GroupBuyCampaign Double12 { get; } = GroupBuyCampaign.Create("double-12", new GroupBuyCampaignOptions
    {
        Starts = T0,
        Ends = T0 + Duration.FromDays(10),
        Skus = [new CampaignSku("TEA", new Money(39.90m, Currency.CNY), 40), new CampaignSku("POT", new Money(129m, Currency.CNY), 12)],
        MaxUnitsPerOrder = 3,
        MaxUnitsPerMember = 6,
        MaxGroupsPerMember = 3,
        Rule = GroupBuyRule.Create("terms", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(2)).AddTier(3, 1m).AllowUnitsPerParticipant(3)
            .WithLeaderPerk(LeaderPerk.Free).OnLeaderLeaving(HandOverDeadline.Reset).LimitOpenGroupsPerMember(2).Build(),
    });

    /// <summary>A campaign whose refunds keep their units out of the quota, tiered by units, with no member limits.</summary>
    public static GroupBuyCampaign Flash12 { get; } = GroupBuyCampaign.Create("flash-12", new GroupBuyCampaignOptions
    {
        Starts = T0,
        Ends = T0 + Duration.FromDays(10),
        Skus = [new CampaignSku("MUG", new Money(9.90m, Currency.CNY), 15) { Tiers = [new PriceTier(2, new Money(9.90m, Currency.CNY)), new PriceTier(5, new Money(7.50m, Currency.CNY))] }],
        RefundReturnsQuota = false,
        Rule = GroupBuyRule.Create("terms", Currency.CNY).RequireParticipants(2).AllowUpTo(3).WithTimeLimit(Duration.FromHours(1)).AddTier(2, 1m).AddTier(5, 1m)
            .TierBy(GroupBuyTierBasis.Units).AllowUnitsPerParticipant(4).OnLeaderLeaving(HandOverDeadline.Kept, perkMovesToNewLeader: false).Build(),
    });

    public static SocialCommerce.Points.MallItem Mug { get; } = SocialCommerce.Points.MallItem.Create("mug", new SocialCommerce.Points.MallItemOptions { Points = 100, Price = new Money(9.90m, Currency.CNY), Quota = 30, PerMemberLimit = 2 });

    public static BargainRule Bargain { get; } = BargainRule.Create("cut", new BargainRuleOptions
    {
        StartPrice = new Money(99m, Currency.CNY),
        Floor = new Money(1m, Currency.CNY),
        Helpers = 10,
        Curve = CutCurve.DoubleMean,
        HelpsPerHelperPerDay = 2,
        DayZone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"],
    });

    public static ReferralRewardRule Referral { get; } = ReferralRewardRule.Create("first-order", new ReferralRewardRuleOptions
    {
        MinimumPurchase = new Money(50m, Currency.CNY),
        InviterReward = ReferralRewardValue.Fixed(new Money(10m, Currency.CNY)),
        InvitedReward = ReferralRewardValue.ShareOfPurchase(Rate.Percent(5)),
        InviterCap = 3,
    });

    /// <summary>A flash coupon: 25 in all, 2 a member, valid 3 days from issue.</summary>
    public static SocialCommerce.Coupons.CouponTemplate Flash { get; } = new("flash", SocialCommerce.Checkout.CouponOffer.AmountOff(new Money(10m, Currency.CNY)), 25, 2, SocialCommerce.Coupons.CouponValidity.DaysFromIssue(3));

    /// <summary>A new-member coupon, one a member.</summary>
    public static SocialCommerce.Coupons.CouponTemplate Welcome { get; } = new("welcome", SocialCommerce.Checkout.CouponOffer.AmountOff(new Money(5m, Currency.CNY)), 1_000, 1, SocialCommerce.Coupons.CouponValidity.DaysFromIssue(30), newMembersOnly: true);

    public static CommunityBatchRule DailyRule { get; } = new(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new LocalTime(23, 0), 1, Rate.Percent(8));

    private static readonly AsyncLocal<SocialCommerce.Telemetry.SocialCommerceListener?> TestListener = new();

    /// <summary>Gets or sets a listener the hosts built in this async flow use instead of the SDK's instrumentation.</summary>
    public static SocialCommerce.Telemetry.SocialCommerceListener? Listener
    {
        get => TestListener.Value;
        set => TestListener.Value = value;
    }

    private static readonly AsyncLocal<CapturedLogs?> TestLogs = new();

    /// <summary>Gets or sets where the hosts built in this async flow log (every category, every level), or null for nowhere.</summary>
    public static CapturedLogs? Logs
    {
        get => TestLogs.Value;
        set => TestLogs.Value = value;
    }

    private static readonly AsyncLocal<(Action<SocialCommerceJobOptions> Jobs, NodaTime.IClock Clock)?> TestJobs = new();

    /// <summary>Gets or sets the background jobs (and their clock) the hosts built in this async flow run, or null for none.</summary>
    public static (Action<SocialCommerceJobOptions> Jobs, NodaTime.IClock Clock)? Jobs
    {
        get => TestJobs.Value;
        set => TestJobs.Value = value;
    }

    public static IHost Build(StoreDatabase database, string connectionString, string instance, Action<SocialCommerceStoreOptions>? configure = null, params IInterceptor[] interceptors)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (Listener is { } listener)
        {
            builder.Services.AddSingleton(listener);
        }

        if (Logs is { } logs)
        {
            builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace);
            builder.Logging.AddProvider(logs);
        }

        var socialCommerce = builder.Services.AddSocialCommerce()
            .AddCommissionPlan(CommissionPlan.CreateBuilder("std", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5)).ReturnWindow(Duration.FromDays(7)).Build())
            .AddGroupBuyRule(GroupBuyRule.Create("five", Currency.CNY).RequireParticipants(5).WithTimeLimit(Duration.FromHours(24)).AddTier(5, 9.90m).Build())
            .AddGroupBuyRule(GroupBuyRule.Create("pair", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(1)).AddTier(2, 19.90m).LimitOpenGroupsPerMember(1).Build())
            .AddGroupBuyRule(GroupBuyRule.Create("seats", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(2)).AddTier(3, 10m).AddTier(8, 8m)
                .TierBy(GroupBuyTierBasis.Units).AllowUnitsPerParticipant(5).WithLeaderPerk(LeaderPerk.Free).OnLeaderLeaving(HandOverDeadline.Reset).LimitOpenGroupsPerMember(1).Build())
            .AddCommunityBatchRule("daily", DailyRule)
            .AddCouponTemplate(Flash)
            .AddCouponTemplate(Welcome)
            .AddMallItem(Mug)
            .AddGroupBuyCampaign(Double12)
            .AddGroupBuyCampaign(Flash12)
            .AddInvitationRule(Bargain)
            .AddInvitationRule(AssistRule.Create("tea", new AssistRuleOptions { Helpers = 3, TimeLimit = Duration.FromHours(2), Reward = AssistReward.FreeItem("TEA-1") }))
            .UseReferralRewards(Referral, "default")
            .UseGrowthPolicy(GrowthPolicy.FromJson("""
                { "currency": "CNY", "timeZone": "Asia/Shanghai",
                  "sources": [ { "kind": "order.completed", "rule": "per-currency-unit", "pointsPerUnit": 1, "dailyCap": 5000 } ] }
                """))
            .UseLevelLadder(new LevelLadder(
            [
                new GrowthLevel("V1", 0, new LevelBenefits(Rate.Zero, 0, "seedling")),
                new GrowthLevel("V2", 500, new LevelBenefits(Rate.Percent(2), 1, "sprout")),
            ]))
            .AddEntityFrameworkStores(
                db =>
                {
                    database.Use(db, database.ForInstance(connectionString, instance));
                    db.AddInterceptors(interceptors);
                },
                o =>
                {
                    o.Ledger = LedgerOptions;
                    o.MaxAttempts = 50;
                    configure?.Invoke(o);
                });
        builder.Services.AddHealthChecks().AddSocialCommerceStore();
        if (Jobs is { } jobs)
        {
            builder.Services.AddSingleton(jobs.Clock);
            socialCommerce.AddSocialCommerceJobs(jobs.Jobs);
        }

        return builder.Build();
    }

    /// <summary>Opens the package's own context on a test database, for reading (or corrupting) rows directly.</summary>
    public static SocialCommerceDbContext OpenContext(StoreDatabase database, string connectionString)
    {
        var options = new DbContextOptionsBuilder<SocialCommerceDbContext>();
        database.Use(options, connectionString);
        return new SocialCommerceDbContext(options.Options);
    }

    public static async Task<StoreHost> StartAsync(StoreDatabase database, string connectionString, string instance = "a", Action<SocialCommerceStoreOptions>? configure = null, params IInterceptor[] interceptors)
    {
        var host = Build(database, connectionString, instance, configure, interceptors);
        await host.StartAsync();
        return new StoreHost(host);
    }

    /// <summary>Quotes and posts a sale of one line paid by <paramref name="buyer"/>.</summary>
    public async Task<(LedgerSale Sale, SaleCommissionResult Result)> SellAsync(string saleId, long buyer, decimal amount, Instant at)
    {
        var sale = new Sale(saleId, new MemberId(buyer), at, Currency.CNY, [new SaleLine("p-1", "tea", 1, new Money(amount, Currency.CNY))]);
        var quote = await Network.QuoteAsync(Engine, sale);
        var ledgerSale = LedgerSale.FromQuote(sale, quote, Engine.Plan);
        return (ledgerSale, await Ledger.PostAsync(ledgerSale));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
