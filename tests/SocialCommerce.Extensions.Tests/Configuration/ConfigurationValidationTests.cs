using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialCommerce.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;

namespace SocialCommerce.Extensions.Tests.Configuration;

/// <summary>Issue 15's configuration points, each as a host sees it at start.</summary>
public sealed class ConfigurationValidationTests
{
    private static IConfigurationRoot Root(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static IHost Host(IConfiguration configuration, Action<SocialCommerceOptions>? options = null, Action<ISocialCommerceBuilder>? more = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var sc = builder.Services.AddSocialCommerce(options).BindConfiguration(configuration);
        more?.Invoke(sc);
        return builder.Build();
    }

    private static async Task<string> FailureAsync(IHost host)
    {
        using (host)
        {
            return (await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync())).Message;
        }
    }

    private const string Plan = """{ "levels": [ { "level": 1, "rate": 0.1 } ] }""";

    [Fact]
    public async Task A_misspelt_key_stops_the_host_instead_of_applying_a_default_profile_or_no_plan()
    {
        var message = await FailureAsync(Host(Root($$"""{ "SocialCommerce": { "Compliance": { "Profle": "us-ftc-mlm" }, "CommisionPlans": { "default": {{Plan}} } } }""").GetSection("SocialCommerce")));

        Assert.Contains("configuration SocialCommerce:Compliance:Profle is not a compliance setting", message, StringComparison.Ordinal);
        Assert.Contains("configuration SocialCommerce:CommisionPlans is not a SocialCommerce setting", message, StringComparison.Ordinal);
        Assert.Contains("names no Profile", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_compliance_mode_is_reported_at_start_with_the_other_failures()
    {
        // Registration does not throw: the host is built, and start reports both problems.
        var host = Host(Root("""{ "SocialCommerce": { "Compliance": { "Profile": "cn-social-commerce", "Mode": "Strict" }, "GroupBuyRule": { } } }""").GetSection("SocialCommerce"));
        var message = await FailureAsync(host);
        Assert.Contains("SocialCommerce:Compliance:Mode 'Strict' is not a compliance mode", message, StringComparison.Ordinal);
        Assert.Contains("configuration SocialCommerce:GroupBuyRule is not a SocialCommerce setting", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_configuration_is_searched_for_its_SocialCommerce_section_or_refused()
    {
        var root = Root($$"""{ "Logging": { "LogLevel": { "Default": "Warning" } }, "SocialCommerce": { "CommissionPlans": { "default": {{Plan}} } } }""");
        using (var host = Host(root))
        {
            await host.StartAsync();
            Assert.Equal(Rate.Percent(10), host.Services.GetRequiredService<CommissionEngine>().Plan.LevelRates[0]);
        }

        var message = await FailureAsync(Host(Root("""{ "Logging": { "LogLevel": { "Default": "Warning" } } }""")));
        Assert.Contains("was given the root configuration, which has no 'SocialCommerce' section", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_currency_set_in_code_applies_to_documents_in_configuration_that_name_none()
    {
        var json = $$"""
            { "SocialCommerce": {
                "CommissionPlans": { "default": {{Plan}} },
                "GroupBuyRules": { "duo": { "requiredParticipants": 2, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 2, "price": 9.90 } ] } } } }
            """;
        using var host = Host(Root(json).GetSection("SocialCommerce"), o => o.DefaultCurrency = "USD");
        await host.StartAsync();

        Assert.Equal(Currency.USD, host.Services.GetRequiredService<CommissionEngine>().Plan.Currency);
        Assert.Equal(new Money(9.90m, Currency.USD), host.Services.GetRequiredService<GroupBuyBook>().GetRule("duo").JoinPrice);
    }

    [Fact]
    public async Task The_plan_under_the_key_default_is_reachable_by_that_name_and_a_document_takes_its_registration_name()
    {
        using var host = Host(
            Root($$"""{ "SocialCommerce": { "CommissionPlans": { "default": {{Plan}} } } }""").GetSection("SocialCommerce"),
            more: sc => sc.AddCommissionPlanDocument("vip", """{ "currency": "CNY", "levels": [ { "level": 1, "rate": 0.2 } ] }"""));
        await host.StartAsync();

        Assert.Same(host.Services.GetRequiredService<CommissionEngine>(), host.Services.GetRequiredKeyedService<CommissionEngine>("default"));
        Assert.Same(host.Services.GetRequiredService<CommissionEngine>(), host.Services.GetRequiredService<SocialCommerce.Extensions.Commissions.ICommissionPlanProvider>().GetEngine("default"));
        Assert.Equal("vip", host.Services.GetRequiredKeyedService<CommissionEngine>("vip").Plan.Name);
    }

    [Fact]
    public async Task Every_failure_is_reported_whatever_its_exception_type()
    {
        // A rate with more decimals than supported throws from Core; another document is broken too: both are reported.
        var json = """
            { "SocialCommerce": { "CommissionPlans": {
                "precise": { "currency": "CNY", "levels": [ { "level": 1, "rate": 0.00000000001 } ] },
                "broken": { "currency": "CNY", "levels": [ { "level": 1, "rate": -1 } ] } } } }
            """;
        var message = await FailureAsync(Host(Root(json).GetSection("SocialCommerce")));
        Assert.Contains("commission plan 'precise'", message, StringComparison.Ordinal);
        Assert.Contains("commission plan 'broken'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unconfigured_engine_resolves_as_null_and_a_configured_one_resolves()
    {
        var services = new ServiceCollection();
        services.AddSocialCommerce();
        using (var provider = services.BuildServiceProvider())
        {
            Assert.Null(provider.GetService<GrowthProgram>());
            Assert.Null(provider.GetService<SocialCommerce.Invitations.ReferralRewardBook>());
            Assert.NotNull(provider.GetService<GroupBuyBook>());
        }

        var configured = new ServiceCollection();
        configured.AddSocialCommerce()
            .UseGrowthPolicy(GrowthPolicy.FromJson("""{ "currency": "CNY", "timeZone": "Asia/Shanghai", "sources": [ { "kind": "sign-in", "rule": "sign-in-streak", "points": 5 } ] }"""))
            .UseLevelLadder(new LevelLadder([new GrowthLevel("V1", 0, new LevelBenefits(Rate.Zero, 0, "seedling"))]));
        using var ready = configured.BuildServiceProvider();
        Assert.NotNull(ready.GetService<GrowthProgram>());
    }

    [Fact]
    public async Task Group_buy_rules_of_one_name_follow_the_later_registration_as_plans_do()
    {
        var json = """{ "SocialCommerce": { "GroupBuyRules": { "duo": { "currency": "CNY", "requiredParticipants": 2, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 2, "price": 9.90 } ] } } } }""";
        using var host = Host(
            Root(json).GetSection("SocialCommerce"),
            more: sc => sc.AddGroupBuyRule(GroupBuyRule.Create("duo", Currency.CNY).RequireParticipants(2).WithTimeLimit(NodaTime.Duration.FromHours(2)).AddTier(2, 8.80m).Build()));
        await host.StartAsync();
        Assert.Equal(new Money(8.80m, Currency.CNY), host.Services.GetRequiredService<GroupBuyBook>().GetRule("duo").JoinPrice);
    }

    [Fact]
    public async Task The_runtime_and_every_custom_rule_are_built_once()
    {
        CountedRule.Created = 0;
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSocialCommerce().AddCommissionRule<CountedRule>().AddCommissionPlanDocument("counted", """{ "currency": "CNY", "levels": [ { "level": 1, "rate": 0.1 } ], "rules": [ "counted" ] }""");
        using var host = builder.Build();
        await host.StartAsync();
        host.Services.GetRequiredKeyedService<CommissionEngine>("counted");
        host.Services.GetRequiredService<SocialCommerce.Extensions.Commissions.ICommissionPlanProvider>().GetEngine("counted");
        Assert.Equal(1, CountedRule.Created);
    }

    public sealed class CountedRule : ICommissionRule
    {
        private static int _created;

        public CountedRule() => System.Threading.Interlocked.Increment(ref _created);

        public static int Created
        {
            get => _created;
            set => _created = value;
        }

        public string Name => "counted";

        public void Apply(CommissionRuleContext context)
        {
        }
    }

    [Fact]
    public async Task A_plan_built_in_code_can_use_rules_registered_through_DI()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new PlanStore(Rate.Percent(7)));
        builder.Services.AddSocialCommerce()
            .AddCommissionRule<CountedRule>()
            .AddCommissionPlan("vip", (services, rules) => CommissionPlan.CreateBuilder("vip", Currency.CNY)
                .Levels(services.GetRequiredService<PlanStore>().Level1)
                .Rule("counted")
                .Build(rules));
        using var host = builder.Build();
        await host.StartAsync();

        var plan = host.Services.GetRequiredKeyedService<CommissionEngine>("vip").Plan;
        Assert.Equal(["counted"], plan.Rules);
        Assert.Equal(Rate.Percent(7), plan.LevelRates[0]);
    }

    public sealed record PlanStore(Rate Level1);
}
