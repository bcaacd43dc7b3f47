using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Extensions.Tests.Registration;

public sealed class GrowthAndCommunityRegistrationTests
{
    private const string PolicyJson = """
        { "currency": "CNY", "timeZone": "Asia/Shanghai",
          "sources": [ { "kind": "order.completed", "rule": "per-currency-unit", "pointsPerUnit": 1, "dailyCap": 5000 } ] }
        """;

    private static LevelLadder Ladder() => new(
    [
        new GrowthLevel("V1", 0, new LevelBenefits(Rate.Zero, 0, "seedling")),
        new GrowthLevel("V2", 500, new LevelBenefits(Rate.Percent(2), 1, "sprout")),
    ]);

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
    public async Task A_growth_policy_from_configuration_and_a_ladder_in_code_make_the_growth_program()
    {
        var json = $$"""{ "SocialCommerce": { "GrowthPolicy": {{PolicyJson}} } }""";
        using var host = Host(
            s => s.AddSocialCommerce(new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection("SocialCommerce")).UseLevelLadder(Ladder()),
            json);
        await host.StartAsync();

        var program = host.Services.GetRequiredService<GrowthProgram>();
        var at = Instant.FromUtc(2026, 11, 1, 12, 0);
        var member = program.Enrol(new MemberId(1), at);
        var result = program.Evaluate(member, [GrowthActivity.OrderCompleted(new ActivityId(1), new MemberId(1), at + Duration.FromHours(1), new Money(520m, Currency.CNY))], at + Duration.FromHours(2));

        // ¥520.00 at one point per yuan: 520 points, past V2's 500.
        Assert.Equal(520, result.State.Balance);
        Assert.Equal("V2", result.State.Level.Name);
    }

    [Fact]
    public async Task A_policy_in_code_and_honours_make_the_program()
    {
        using var host = Host(s => s.AddSocialCommerce().UseGrowthPolicy(GrowthPolicy.FromJson(PolicyJson)).UseLevelLadder(Ladder()).AddHonourRules([]));
        await host.StartAsync();
        Assert.Equal(2, host.Services.GetRequiredService<GrowthProgram>().Ladder.Levels.Count);
    }

    [Fact]
    public async Task A_policy_without_a_ladder_stops_the_host()
    {
        using var host = Host(s => s.AddSocialCommerce().UseGrowthPolicy(GrowthPolicy.FromJson(PolicyJson)));
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("level ladder", ex.Message);
    }

    [Fact]
    public async Task Community_batch_rules_resolve_by_name()
    {
        var rule = new CommunityBatchRule(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new LocalTime(23, 0), 1, Rate.Percent(8));
        using var host = Host(s => s.AddSocialCommerce().AddCommunityBatchRule("north-gate", rule));
        await host.StartAsync();
        Assert.Same(rule, host.Services.GetRequiredKeyedService<CommunityBatchRule>("north-gate"));
    }
}
