using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.DependencyInjection;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.EntityFrameworkCore.Growth;
using SocialCommerce.EntityFrameworkCore.Invitations;
using SocialCommerce.EntityFrameworkCore.Network;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.Extensions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;
using SocialCommerce.Telemetry;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>Registers the EF Core stores on the SocialCommerce builder.</summary>
public static class SocialCommerceStoreBuilderExtensions
{
    /// <summary>
    /// Keeps the engines' state in the host's own context <typeparamref name="TContext"/> (whose
    /// <c>OnModelCreating</c> calls <see cref="SocialCommerceModelBuilderExtensions.AddSocialCommerce"/>), created
    /// through the <see cref="IDbContextFactory{TContext}"/> the host registers
    /// (<c>services.AddDbContextFactory&lt;TContext&gt;(...)</c> or the pooled one). Registers
    /// <see cref="StoredReferralNetwork"/>, <see cref="StoredCommissionLedger"/>, <see cref="StoredGroupBuys"/>,
    /// <see cref="StoredCommunityBatches"/>, <see cref="StoredGrowth"/>, <see cref="Points.StoredPoints"/> and <see cref="Coupons.StoredCoupons"/> as singletons,
    /// a <see cref="StoredCampaignBook"/> keyed by the name of each campaign registered with <c>AddGroupBuyCampaign</c>, and a start-up service
    /// that checks the schema (the host applies its migrations) and loads the network.
    /// </summary>
    /// <typeparam name="TContext">The host's context.</typeparam>
    /// <param name="builder">The SocialCommerce builder.</param>
    /// <param name="configure">Sets the store options (retries, ledger options, binding policy).</param>
    /// <returns>The same builder.</returns>
    public static ISocialCommerceBuilder AddEntityFrameworkStores<TContext>(this ISocialCommerceBuilder builder, Action<SocialCommerceStoreOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SocialCommerceStoreOptions>();

        // The SDK's money policy (UseLedgerOptions, SocialCommerce:Ledger) unless the host sets Ledger here.
        options.Configure<SocialCommerce.Commissions.LedgerOptions>(static (o, ledger) => o.Ledger = ledger);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate<IServiceProvider>(
            static (_, sp) => sp.GetService<IDbContextFactory<TContext>>() is not null,
            $"SocialCommerce store: no IDbContextFactory<{typeof(TContext).Name}> is registered; call services.AddDbContextFactory<{typeof(TContext).Name}>(...) (or AddPooledDbContextFactory) before AddEntityFrameworkStores<{typeof(TContext).Name}>().");
        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SocialCommerceStoreOptions>, StoreOptionsValidator>());
        builder.Services.TryAddSingleton(static sp =>
        {
            var factory = sp.GetRequiredService<IDbContextFactory<TContext>>();
            return new StoreExecutor(
                async ct => await factory.CreateDbContextAsync(ct).ConfigureAwait(false),
                sp.GetRequiredService<IOptions<SocialCommerceStoreOptions>>().Value,
                sp.GetService<ILoggerFactory>()?.CreateLogger(StoreLog.Category));
        });
        AddStores(builder.Services);
        return builder;
    }

    /// <summary>
    /// Keeps the engines' state in a database of their own through the package's <see cref="SocialCommerceDbContext"/>,
    /// for example <c>AddEntityFrameworkStores(db =&gt; db.UseSqlite("Data Source=shop.db"))</c> or
    /// <c>db.UseNpgsql(connectionString)</c>. The tables are created at start when missing
    /// (<see cref="SocialCommerceStoreOptions.CreateSchemaAtStart"/> defaults to true here).
    /// </summary>
    /// <param name="builder">The SocialCommerce builder.</param>
    /// <param name="configureDatabase">Chooses the provider and connection.</param>
    /// <param name="configure">Sets the store options.</param>
    /// <returns>The same builder.</returns>
    public static ISocialCommerceBuilder AddEntityFrameworkStores(this ISocialCommerceBuilder builder, Action<DbContextOptionsBuilder> configureDatabase, Action<SocialCommerceStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configureDatabase);
        return builder.AddEntityFrameworkStores((_, db) => configureDatabase(db), configure);
    }

    /// <summary>
    /// Keeps the engines' state in a database of their own, choosing the provider and connection from services
    /// (configuration, the host environment) when the first context is made, as
    /// <c>AddDbContextFactory</c>'s overload does.
    /// </summary>
    /// <param name="builder">The SocialCommerce builder.</param>
    /// <param name="configureDatabase">Chooses the provider and connection from the application's services.</param>
    /// <param name="configure">Sets the store options.</param>
    /// <returns>The same builder.</returns>
    public static ISocialCommerceBuilder AddEntityFrameworkStores(this ISocialCommerceBuilder builder, Action<IServiceProvider, DbContextOptionsBuilder> configureDatabase, Action<SocialCommerceStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureDatabase);
        builder.Services.AddPooledDbContextFactory<SocialCommerceDbContext>(configureDatabase);
        return builder.AddEntityFrameworkStores<SocialCommerceDbContext>(o =>
        {
            o.CreateSchemaAtStart = true;
            configure?.Invoke(o);
        });
    }

    private static void AddStores(IServiceCollection services)
    {
        services.TryAddSingleton<RuleVersions>();
        services.TryAddSingleton(static sp => new StoredReferralNetwork(sp.GetRequiredService<StoreExecutor>(), sp.GetRequiredService<IOptions<SocialCommerceStoreOptions>>().Value.Binding));
        services.TryAddSingleton(static sp => new StoredCommissionLedger(sp.GetRequiredService<StoreExecutor>(), sp.GetService<SocialCommerceListener>()));
        services.TryAddSingleton(static sp => new GroupRules(sp.GetRequiredService<GroupBuyBook>(), sp.GetServices<GroupBuyCampaign>()));
        services.TryAddSingleton(static sp => new StoredGroupBuys(sp.GetRequiredService<StoreExecutor>(), sp.GetRequiredService<GroupRules>(), sp.GetRequiredService<GroupBuyBook>(), sp.GetRequiredService<RuleVersions>(), sp.GetService<SocialCommerceListener>()));
        services.TryAddSingleton(static sp => new StoredCampaignBooks(sp));
        services.TryAddKeyedSingleton(KeyedService.AnyKey, static (sp, key) => sp.GetRequiredService<StoredCampaignBooks>().Get(key));
        services.TryAddSingleton(static sp => new StoredCommunityBatches(sp.GetRequiredService<StoreExecutor>(), name => sp.GetKeyedService<CommunityBatchRule>(name)));
        services.TryAddSingleton(static sp => new Streams.StoredStreams(sp.GetRequiredService<StoreExecutor>()));
        services.TryAddSingleton(static sp => new Points.StoredPoints(sp.GetRequiredService<StoreExecutor>(), sp.GetService<SocialCommerceListener>()));
        services.TryAddSingleton(static sp => new Points.StoredMall(sp.GetRequiredService<StoreExecutor>(), id => sp.GetKeyedService<SocialCommerce.Points.MallItem>(id), sp.GetService<SocialCommerceListener>()));
        services.TryAddSingleton(static sp => new Coupons.StoredCoupons(sp.GetRequiredService<StoreExecutor>(), id => sp.GetKeyedService<SocialCommerce.Coupons.CouponTemplate>(id), sp.GetService<SocialCommerceListener>()));
        services.TryAddSingleton(static sp => new StoredGrowth(sp.GetRequiredService<StoreExecutor>(), sp.GetRequiredService<GrowthProgram>()));
        services.TryAddSingleton(static sp => new StoredInvitations(sp.GetRequiredService<StoreExecutor>(), sp.GetRequiredService<InvitationBook>(), sp.GetRequiredService<RuleVersions>(), sp.GetService<SocialCommerceListener>()));
        services.TryAddSingleton(static sp => new StoredReferralRewards(
            sp.GetRequiredService<StoreExecutor>(),
            sp.GetService<ReferralRewardBook>() ?? throw new InvalidOperationException("StoredReferralRewards needs a referral-reward rule: call UseReferralRewards(rule) on the SocialCommerce builder."),
            sp.GetRequiredService<StoredCommissionLedger>(),
            sp.GetRequiredService<RuleVersions>(),
            sp.GetService<SocialCommerceListener>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SocialCommerceStoreStartup>());
    }

    private sealed class StoreOptionsValidator : IValidateOptions<SocialCommerceStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, SocialCommerceStoreOptions options) =>
            options.Validate() is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
    }
}
