using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialCommerce.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;

namespace SocialCommerce.Extensions.Tests.Configuration;

/// <summary>docs/configuration.md's configuration section starts a host as written (read from the file itself).</summary>
public sealed class ConfigurationDocExampleTests
{
    private static string ExampleSection([CallerFilePath] string callerPath = "")
    {
        var doc = File.ReadAllText(Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "..", "..", "docs", "configuration.md"));
        var section = doc.IndexOf("## The configuration section", StringComparison.Ordinal);
        var start = doc.IndexOf("```json", section, StringComparison.Ordinal) + "```json".Length;
        var end = doc.IndexOf("```", start, StringComparison.Ordinal);
        return doc[start..end];
    }

    [Fact]
    public async Task The_documented_section_starts_a_host_with_its_plans_rules_and_growth_policy()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(ExampleSection()))).Build();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSocialCommerce(configuration.GetSection("SocialCommerce"))
            .AddCommissionRule<CampaignBonus>("campaign-bonus")
            .UseLevelLadder(new LevelLadder([new GrowthLevel("V1", 0, new LevelBenefits(Rate.Zero, 0, "seedling"))]));
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal([Rate.Percent(10), Rate.Percent(5)], host.Services.GetRequiredService<CommissionEngine>().Plan.LevelRates);
        Assert.Equal(["campaign-bonus"], host.Services.GetRequiredKeyedService<CommissionEngine>("vip").Plan.Rules);
        Assert.Equal(new Money(9.90m, Currency.CNY), host.Services.GetRequiredService<GroupBuyBook>().GetRule("duo").JoinPrice);
        Assert.Equal(5, host.Services.GetRequiredService<InvitationBook>().GetRule("cut-to-1").Helpers);
        Assert.NotNull(host.Services.GetService<GrowthProgram>());
        await host.StopAsync();
    }

    public sealed class CampaignBonus : ICommissionRule
    {
        public string Name => "campaign-bonus";

        public void Apply(CommissionRuleContext context)
        {
        }
    }
}
