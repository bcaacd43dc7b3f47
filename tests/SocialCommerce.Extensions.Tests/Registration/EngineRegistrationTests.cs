using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Extensions.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Extensions.Tests.Registration;

public sealed class EngineRegistrationTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 1, 12, 0);

    private static ReferralNetwork Chain()
    {
        // 1 <- 2 <- 3 <- 4 <- 5: member 5 buys.
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), At);
        for (var i = 2; i <= 5; i++)
        {
            network.AddMember(new MemberId(i), new MemberId(i - 1), At);
        }

        return network;
    }

    private static Sale Sale(decimal paid, string category = "tea") =>
        new("S-1", new MemberId(5), At, Currency.CNY, [new SaleLine("SKU-1", category, 1, new Money(paid, Currency.CNY))]);

    private static CommissionPlan Plan(string name, params decimal[] percents) =>
        CommissionPlan.CreateBuilder(name, Currency.CNY).Levels(percents.Select(Rate.Percent).ToArray()).Build();

    private static IHost Host(Action<IServiceCollection> register, string? json = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (json is not null)
        {
            builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }

        register(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task Default_and_named_plans_resolve_directly_keyed_and_through_the_provider()
    {
        using var host = Host(s => s.AddSocialCommerce()
            .AddCommissionPlan(Plan("standard", 10, 5))
            .AddCommissionPlan("vip", Plan("vip", 20, 10)));
        await host.StartAsync();

        var standard = host.Services.GetRequiredService<CommissionEngine>();
        var vip = host.Services.GetRequiredKeyedService<CommissionEngine>("vip");
        var provider = host.Services.GetRequiredService<ICommissionPlanProvider>();

        // ¥199.00: 10 % / 5 % = 19.90 / 9.95; 20 % / 10 % = 39.80 / 19.90.
        Assert.Equal(new[] { 19.90m, 9.95m }, standard.Quote(Sale(199.00m), Chain()).Lines.Select(l => l.Amount.Amount).ToArray());
        Assert.Equal(new[] { 39.80m, 19.90m }, vip.Quote(Sale(199.00m), Chain()).Lines.Select(l => l.Amount.Amount).ToArray());
        Assert.Same(vip, provider.GetEngine("vip"));
        Assert.Same(standard, host.Services.GetRequiredService<CommissionEngine>());
        Assert.Equal(new[] { "vip" }, provider.Names);
        Assert.True(provider.HasDefault);
        var missing = Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => provider.GetEngine("gold"));
        Assert.Contains("'gold'", missing.Message);
        Assert.Contains("'vip'", missing.Message);
    }

    [Fact]
    public async Task A_plan_registered_in_code_as_default_is_the_default_plan_and_unknown_engines_resolve_to_null()
    {
        using var host = Host(s => s.AddSocialCommerce()
            .AddCommissionPlanDocument("Default", """{ "currency": "CNY", "levels": [ { "level": 1, "rate": 0.1 } ] }"""));
        await host.StartAsync();

        var engine = host.Services.GetRequiredService<CommissionEngine>();
        Assert.Same(engine, host.Services.GetRequiredKeyedService<CommissionEngine>("default"));
        Assert.True(host.Services.GetRequiredService<ICommissionPlanProvider>().HasDefault);
        Assert.Empty(host.Services.GetRequiredService<ICommissionPlanProvider>().Names);
        Assert.Null(host.Services.GetKeyedService<CommissionEngine>("gold"));
        Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredKeyedService<CommissionEngine>("gold"));
    }

    [Fact]
    public async Task Without_a_default_plan_the_engine_resolves_to_null()
    {
        using var host = Host(s => s.AddSocialCommerce().AddCommissionPlan("vip", Plan("vip", 20)));
        await host.StartAsync();
        Assert.Null(host.Services.GetService<CommissionEngine>());
        Assert.NotNull(host.Services.GetKeyedService<CommissionEngine>("vip"));
    }

    [Fact]
    public async Task Plans_and_rules_bind_from_configuration_in_the_core_document_shape_and_compose_with_code()
    {
        const string json = """
            {
              "SocialCommerce": {
                "DefaultCurrency": "CNY",
                "Compliance": { "Profile": "two-level-distribution", "Mode": "Enforce" },
                "CommissionPlans": {
                  "default": { "levels": [ { "level": 1, "rate": 0.10 }, { "level": 2, "rate": 0.05 } ], "returnWindowDays": 7 },
                  "books": { "levels": [ { "level": 1, "rate": 0.08 } ],
                             "overrides": [ { "category": "books", "levels": [ { "level": 1, "rate": 0.20 } ] } ] }
                },
                "GroupBuyRules": {
                  "duo": { "requiredParticipants": 2, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 2, "price": 9.90 } ] }
                }
              }
            }
            """;
        using var host = Host(s => s.AddSocialCommerce(BuildConfiguration(json).GetSection("SocialCommerce"))
            .AddCommissionPlan("code-plan", Plan("code-plan", 3)), json);
        await host.StartAsync();

        var standard = host.Services.GetRequiredService<CommissionEngine>();
        Assert.Equal(Duration.FromDays(7), standard.Plan.ReturnWindow);
        Assert.Equal(new[] { 19.90m, 9.95m }, standard.Quote(Sale(199.00m), Chain()).Lines.Select(l => l.Amount.Amount).ToArray());
        var books = host.Services.GetRequiredKeyedService<CommissionEngine>("books");
        Assert.Equal(20.00m, books.Quote(Sale(100.00m, "books"), Chain()).Lines.Single().Amount.Amount);
        Assert.Equal(new[] { "books", "code-plan" }, host.Services.GetRequiredService<ICommissionPlanProvider>().Names.Order().ToArray());
        Assert.Equal("two-level-distribution", standard.Compliance!.Name);
        Assert.Equal("duo", host.Services.GetRequiredService<GroupBuyBook>().GetRule("duo").Name);
    }

    [Fact]
    public async Task A_custom_rule_takes_its_dependencies_from_the_container_and_plans_name_it()
    {
        using var host = Host(s =>
        {
            s.AddSingleton(new CampaignCalendar(Rate.Percent(3)));
            s.AddSocialCommerce()
                .AddCommissionRule<CampaignBonus>("campaign-bonus")
                .AddCommissionPlanDocument("campaign", """{ "name": "campaign", "currency": "CNY", "levels": [ { "level": 1, "rate": 0.10 } ], "rules": [ "campaign-bonus" ] }""");
        });
        await host.StartAsync();

        var quote = host.Services.GetRequiredKeyedService<CommissionEngine>("campaign").Quote(Sale(200.00m), Chain());

        // Level 1: 10 % of 200 = 20.00; campaign bonus to level 1: 3 % of 200 = 6.00.
        Assert.Equal(new[] { 20.00m, 6.00m }, quote.Lines.Select(l => l.Amount.Amount).ToArray());
        Assert.Equal("campaign-bonus", quote.Lines[1].Rule);
    }

    [Fact]
    public async Task A_malformed_plan_stops_the_host_naming_the_plan_the_path_and_the_value()
    {
        using var host = Host(s => s.AddSocialCommerce()
            .AddCommissionPlanDocument("broken", """{ "name": "broken", "currency": "CNY", "levels": [ { "level": 1, "rate": -0.10 } ] }"""));
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("commission plan 'broken'", ex.Message);
        Assert.Contains("$.levels[0].rate", ex.Message);
        Assert.Contains("-0.10", ex.Message);
    }

    [Fact]
    public async Task An_unknown_rule_name_stops_the_host_naming_it()
    {
        using var host = Host(s => s.AddSocialCommerce()
            .AddCommissionPlanDocument("p", """{ "name": "p", "currency": "CNY", "levels": [ { "level": 1, "rate": 0.10 } ], "rules": [ "no-such-rule" ] }"""));
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("commission plan 'p'", ex.Message);
        Assert.Contains("no-such-rule", ex.Message);
    }

    [Fact]
    public async Task A_plan_the_compliance_profile_refuses_stops_the_host_with_the_finding_code()
    {
        using var host = Host(s => s.AddSocialCommerce()
            .UseComplianceProfile(ComplianceProfiles.TwoLevelDistribution)
            .AddCommissionPlan("deep", Plan("deep", 10, 5, 3)));
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("commission plan 'deep'", ex.Message);
        Assert.Contains(ComplianceCodes.PlanPaidDepthExceeded, ex.Message);
    }

    [Fact]
    public async Task Every_failure_is_reported_at_once_including_configuration_paths()
    {
        const string json = """
            { "SocialCommerce": {
                "Compliance": { "Profile": "no-such-profile" },
                "CommissionPlans": { "vip": { "levels": [ { "level": 1, "rate": 1.5 } ] } },
                "GroupBuyRules": { "bots": { "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 5 } ], "allowsSimulatedParticipants": true, "minimumRealParticipants": 2 } } } }
            """;
        using var host = Host(s => s.AddSocialCommerce(BuildConfiguration(json).GetSection("SocialCommerce")), json);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("'no-such-profile'", ex.Message);
        Assert.Contains("SocialCommerce:CommissionPlans:vip", ex.Message);
        Assert.Contains("1.5", ex.Message);
    }

    [Fact]
    public async Task A_group_buy_rule_with_simulated_participants_is_refused_by_the_profile()
    {
        var rule = GroupBuyRule.Create("bots", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(24)).AddTier(3, 5m).AllowSimulatedParticipants(2).Build();
        using var host = Host(s => s.AddSocialCommerce().UseComplianceProfile("cn-social-commerce").AddGroupBuyRule(rule));
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(ComplianceCodes.GroupBuySimulatedParticipants, ex.Message);
        Assert.Contains("bots", ex.Message);
    }

    [Fact]
    public async Task Audit_mode_from_configuration_accepts_the_plan_and_reports_findings()
    {
        const string json = """
            { "SocialCommerce": { "Compliance": { "Profile": "two-level-distribution", "Mode": "Audit" },
                                  "CommissionPlans": { "default": { "levels": [ { "level": 1, "rate": 0.10 }, { "level": 2, "rate": 0.05 }, { "level": 3, "rate": 0.02 } ] } } } }
            """;
        using var host = Host(s => s.AddSocialCommerce(BuildConfiguration(json).GetSection("SocialCommerce")), json);
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<CommissionEngine>();
        Assert.Contains(engine.PlanFindings, f => f.Code == ComplianceCodes.PlanPaidDepthExceeded);
        Assert.Equal(3, engine.Quote(Sale(100m), Chain()).Lines.Count);
    }

    private static IConfiguration BuildConfiguration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    public sealed class CampaignCalendar(Rate bonus)
    {
        public Rate Bonus { get; } = bonus;
    }

    public sealed class CampaignBonus(CampaignCalendar calendar) : ICommissionRule
    {
        public string Name => "campaign";

        public void Apply(CommissionRuleContext context)
        {
            if (context.TryGetUpline(1, out var referrer))
            {
                var lineBase = context.GetLineBase(0);
                context.Add(new CommissionLine { Beneficiary = referrer, Level = 1, SaleLineIndex = 0, Base = lineBase, Rate = calendar.Bonus, Amount = calendar.Bonus.ApplyTo(lineBase) });
            }
        }
    }
}
