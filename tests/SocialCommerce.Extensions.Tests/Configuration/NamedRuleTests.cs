using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Invitations;

namespace SocialCommerce.Extensions.Tests.Configuration;

/// <summary>
/// One rule for every kind of named plan or rule (issue 24): the later registration of a name replaces the earlier one,
/// in code or configuration, and the replacement is logged at start naming both origins (event 1104) — never silently.
/// </summary>
public sealed class NamedRuleTests
{
    [Fact]
    public async Task The_later_registration_of_every_kind_of_name_wins_and_each_replacement_is_logged()
    {
        var logs = new ConfigurationReloadTests.CapturedLogs();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(logs);
        GroupBuyRule Duo(decimal price) => GroupBuyRule.Create("duo", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(2)).AddTier(2, price).Build();
        BargainRule Cut(int helpers) => BargainRule.Create("cut", new BargainRuleOptions { StartPrice = new Money(10m, Currency.CNY), Floor = new Money(1m, Currency.CNY), Helpers = helpers, TimeLimit = Duration.FromHours(2) });
        var first = new CommunityBatchRule(DateTimeZone.Utc, new LocalTime(22, 0), 1, Rate.Percent(5));
        var second = new CommunityBatchRule(DateTimeZone.Utc, new LocalTime(23, 0), 1, Rate.Percent(5));
        builder.Services.AddSocialCommerce()
            .AddCommissionPlan("std", CommissionPlan.CreateBuilder("std", Currency.CNY).Levels(Rate.Percent(10)).Build())
            .AddCommissionPlan("std", CommissionPlan.CreateBuilder("std", Currency.CNY).Levels(Rate.Percent(12)).Build())
            .AddGroupBuyRule(Duo(9m))
            .AddGroupBuyRule(Duo(8m))
            .AddInvitationRule(Cut(3))
            .AddInvitationRuleDocument("cut", """{ "kind": "bargain", "currency": "CNY", "startPrice": "10", "floor": "1", "helpers": 5, "timeLimit": "0:02:00:00" }""")
            .AddCommunityBatchRule("night", first)
            .AddCommunityBatchRule("night", second);
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal(Rate.Percent(12), host.Services.GetRequiredKeyedService<CommissionEngine>("std").Plan.LevelRates[0]);
        Assert.Equal(new Money(8m, Currency.CNY), host.Services.GetRequiredService<GroupBuyBook>().GetRule("duo").JoinPrice);
        Assert.Equal(5, host.Services.GetRequiredService<InvitationBook>().GetRule("cut").Helpers);
        Assert.Same(second, host.Services.GetRequiredKeyedService<CommunityBatchRule>("night"));
        var replaced = logs.Messages.Where(m => m.Level == LogLevel.Information && m.Text.Contains("replaces", StringComparison.Ordinal)).Select(m => m.Text).ToList();
        Assert.Contains(replaced, t => t.Contains("commission plan 'std' from code replaces the one from code", StringComparison.Ordinal));
        Assert.Contains(replaced, t => t.Contains("group-buy rule 'duo'", StringComparison.Ordinal));
        Assert.Contains(replaced, t => t.Contains("invitation rule 'cut' from code document replaces the one from code", StringComparison.Ordinal));
        Assert.Contains(replaced, t => t.Contains("community-batch rule 'night'", StringComparison.Ordinal));
        Assert.Equal(4, replaced.Count);
        await host.StopAsync();
    }
}
