using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Extensions.Tests.Registration;

/// <summary>Rules live as long as the host: a scoped dependency is refused at start, saying why; a scope factory works.</summary>
public sealed class ScopedDependencyTests
{
    [Fact]
    public async Task A_rule_that_takes_a_scoped_service_stops_the_host_naming_the_service_and_what_to_do()
    {
        using var host = Host(services =>
        {
            services.AddScoped<ShopDb>();
            services.AddSocialCommerce().AddCommissionRule<DbRule>("db-rule").AddCommissionPlan(Plan());
        });
        var message = (await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync())).Message;
        Assert.Contains("the rule DbRule needs the scoped service ShopDb (parameter 'db')", message, StringComparison.Ordinal);
        Assert.Contains("IServiceScopeFactory", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scoped_distributor_status_is_refused_at_start()
    {
        using var host = Host(services =>
        {
            services.AddScoped<IDistributorStatus, EveryoneEnabled>();
            services.AddSocialCommerce().AddCommissionPlan(Plan());
        });
        var message = (await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync())).Message;
        Assert.Contains("IDistributorStatus is registered as scoped", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_that_opens_a_scope_per_use_works()
    {
        using var host = Host(services =>
        {
            services.AddScoped<ShopDb>();
            services.AddSocialCommerce().AddCommissionRule<ScopedDbRule>("db-rule")
                .AddCommissionPlan((_, rules) => CommissionPlan.CreateBuilder("p", Currency.CNY).Levels(Rate.Percent(10)).Rule("db-rule").Build(rules));
        });
        await host.StartAsync();
        var at = NodaTime.Instant.FromUtc(2026, 11, 11, 2, 0);
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), at);
        network.AddMember(new MemberId(2), new MemberId(1), at);
        var engine = host.Services.GetRequiredService<CommissionEngine>();
        var before = ShopDb.Created;
        engine.Quote(new Sale("S-1", new MemberId(2), at, Currency.CNY, [new SaleLine("TEA", "tea", 1, new Money(10m, Currency.CNY))]), network);
        engine.Quote(new Sale("S-2", new MemberId(2), at, Currency.CNY, [new SaleLine("TEA", "tea", 1, new Money(10m, Currency.CNY))]), network);
        Assert.Equal(before + 2, ShopDb.Created);
        await host.StopAsync();
    }

    private static CommissionPlan Plan() => CommissionPlan.CreateBuilder("p", Currency.CNY).Levels(Rate.Percent(10)).Build();

    private static IHost Host(Action<IServiceCollection> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        return builder.Build();
    }

    private sealed class ShopDb
    {
        private static int created;

        public ShopDb() => System.Threading.Interlocked.Increment(ref created);

        public static int Created => created;
    }

    private sealed class DbRule(ShopDb db) : ICommissionRule
    {
        public string Name => "db-rule";

        public void Apply(CommissionRuleContext context) => GC.KeepAlive(db);
    }

    private sealed class ScopedDbRule(IServiceScopeFactory scopes) : ICommissionRule
    {
        public string Name => "db-rule";

        public void Apply(CommissionRuleContext context)
        {
            using var scope = scopes.CreateScope();
            GC.KeepAlive(scope.ServiceProvider.GetRequiredService<ShopDb>());
        }
    }

    private sealed class EveryoneEnabled : IDistributorStatus
    {
        public bool IsEnabledDistributor(MemberId member) => true;
    }
}
