using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore;
using SocialCommerce.Extensions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>
/// Every public service the packages register can be a minimal-API handler parameter without <c>[FromServices]</c>
/// (issue 26): none collides with ASP.NET Core's binding conventions (a public <c>BindAsync</c> or <c>TryParse</c>
/// made every route of an app answer 500).
/// </summary>
public sealed class MinimalApiServiceTests
{
    [Fact]
    public async Task A_handler_may_take_every_public_service_the_packages_register()
    {
        using var file = new TemporaryDatabase();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSocialCommerce()
            .AddCommissionPlan(CommissionPlan.CreateBuilder("std", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5)).ReturnWindow(Duration.FromDays(7)).Build())
            .AddGroupBuyRule(GroupBuyRule.Create("five", Currency.CNY).RequireParticipants(5).WithTimeLimit(Duration.FromHours(24)).AddTier(5, 9.90m).Build())
            .AddInvitationRule(AssistRule.Create("tea", new AssistRuleOptions { Helpers = 3, TimeLimit = Duration.FromHours(2), Reward = AssistReward.FreeItem("TEA-1") }))
            .UseReferralRewards(ReferralRewardRule.Create("first-order", new ReferralRewardRuleOptions
            {
                MinimumPurchase = new Money(50m, Currency.CNY),
                InviterReward = ReferralRewardValue.Fixed(new Money(10m, Currency.CNY)),
                InviterCap = 3,
            }), "default")
            .UseGrowthPolicy(GrowthPolicy.FromJson("""
                { "currency": "CNY", "timeZone": "Asia/Shanghai",
                  "sources": [ { "kind": "order.completed", "rule": "per-currency-unit", "pointsPerUnit": 1 } ] }
                """))
            .UseLevelLadder(new LevelLadder([new GrowthLevel("V1", 0, new LevelBenefits(Rate.Zero, 0, "seedling"))]))
            .AddEntityFrameworkStores(db => db.UseSqlite($"Data Source={file.Path}"));

        var services = builder.Services
            .Where(d => d.ServiceKey is null && !d.ServiceType.IsGenericTypeDefinition && d.ServiceType.IsPublic
                && d.ServiceType.Assembly.GetName().Name!.StartsWith("SocialCommerce", StringComparison.Ordinal))
            .Select(d => d.ServiceType)
            .Distinct()
            .ToList();
        Assert.Contains(typeof(SocialCommerce.EntityFrameworkCore.Network.StoredReferralNetwork), services);
        Assert.True(services.Count >= 10, string.Join(", ", services.Select(t => t.Name)));

        await using var app = builder.Build();
        var map = typeof(MinimalApiServiceTests).GetMethod(nameof(Map), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in services)
        {
            map.MakeGenericMethod(type).Invoke(null, [app]);
        }

        await app.StartAsync();
        var http = app.GetTestClient();
        var failed = new List<string>();
        foreach (var type in services)
        {
            using var response = await http.GetAsync($"/service/{type.FullName}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failed.Add($"{type.FullName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failed.Count == 0, string.Join(Environment.NewLine, failed));
        await app.StopAsync();
    }

    // A handler whose only parameter is the service, inferred from DI as ASP.NET Core does without [FromServices].
    private static void Map<TService>(WebApplication app)
        where TService : notnull =>
        app.MapGet($"/service/{typeof(TService).FullName}", (TService service) => Results.Ok(service.GetType().Name));
}
