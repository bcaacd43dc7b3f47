using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.Network;
using SocialCommerce.Extensions;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>The engines' tables added to a host's own context, next to the host's tables, as Identity does.</summary>
public sealed class HostContextTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task The_tables_live_in_the_hosts_own_context_and_its_schema_next_to_its_own_tables()
    {
        var db = await database.CreateDatabaseAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddDbContextFactory<ShopContext>(o => o.UseSqlite(db));
        builder.Services.AddSocialCommerce()
            .AddCommissionPlan(CommissionPlan.CreateBuilder("std", Currency.CNY).Levels(Rate.Percent(10)).Build())
            .AddEntityFrameworkStores<ShopContext>();
        using var host = builder.Build();

        // The host's own schema step (a migration in production; EnsureCreated here) creates both.
        await using (var context = await host.Services.GetRequiredService<IDbContextFactory<ShopContext>>().CreateDbContextAsync())
        {
            await context.Database.EnsureCreatedAsync();
            context.Orders.Add(new ShopOrder { Id = 1, Note = "the host's own row" });
            await context.SaveChangesAsync();
        }

        await host.StartAsync();
        var network = host.Services.GetRequiredService<StoredReferralNetwork>();
        await network.RegisterAsync(new MemberId(1), null, StoreHost.T0);
        await network.RegisterAsync(new MemberId(2), new MemberId(1), StoreHost.T0);
        var sale = new Sale("S-1", new MemberId(2), StoreHost.T0, Currency.CNY, [new SaleLine("p", "c", 1, new Money(80m, Currency.CNY))]);
        var engine = host.Services.GetRequiredService<CommissionEngine>();
        var ledger = host.Services.GetRequiredService<StoredCommissionLedger>();
        Assert.True((await ledger.PostAsync(LedgerSale.FromQuote(sale, await network.QuoteAsync(engine, sale), engine.Plan))).IsApplied);
        Assert.Equal(new Money(8m, Currency.CNY), (await ledger.GetBalanceAsync(new MemberId(1), Currency.CNY)).Pending);

        await using var check = await host.Services.GetRequiredService<IDbContextFactory<ShopContext>>().CreateDbContextAsync();
        Assert.Equal("the host's own row", (await check.Orders.SingleAsync()).Note);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_host_context_without_a_context_factory_stops_the_host_saying_what_to_register()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSocialCommerce().AddEntityFrameworkStores<ShopContext>();
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("AddDbContextFactory<ShopContext>", error.Message);
    }

    [Fact]
    public async Task Store_options_out_of_range_stop_the_host_naming_the_option_and_the_value()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSocialCommerce().AddEntityFrameworkStores(o => o.UseSqlite("Data Source=:memory:"), o => o.MaxAttempts = 0);
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("MaxAttempts must be 1–100; it is 0", error.Message);
    }

    [Fact]
    public void The_stored_ledger_takes_the_SDK_ledger_options_unless_the_store_sets_its_own()
    {
        var policy = new SocialCommerce.Commissions.LedgerOptions { WithdrawalFee = Rate.Percent(1), MinimumWithdrawals = [new Money(5m, Currency.CNY)] };
        var shared = new ServiceCollection();
        shared.AddSocialCommerce().UseLedgerOptions(policy).AddEntityFrameworkStores(o => o.UseSqlite("Data Source=:memory:"));
        using (var provider = shared.BuildServiceProvider())
        {
            Assert.Same(policy, provider.GetRequiredService<SocialCommerce.EntityFrameworkCore.Commissions.StoredCommissionLedger>().Options);
        }

        var own = new SocialCommerce.Commissions.LedgerOptions { Clawback = SocialCommerce.Commissions.ClawbackPolicy.CapAtAvailable };
        var overridden = new ServiceCollection();
        overridden.AddSocialCommerce().UseLedgerOptions(policy).AddEntityFrameworkStores(o => o.UseSqlite("Data Source=:memory:"), o => o.Ledger = own);
        using var second = overridden.BuildServiceProvider();
        Assert.Same(own, second.GetRequiredService<SocialCommerce.EntityFrameworkCore.Commissions.StoredCommissionLedger>().Options);
    }

    public sealed class ShopOrder
    {
        public int Id { get; set; }

        public string Note { get; set; } = "";
    }

    public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
    {
        public DbSet<ShopOrder> Orders => Set<ShopOrder>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddSocialCommerce();
    }
}
