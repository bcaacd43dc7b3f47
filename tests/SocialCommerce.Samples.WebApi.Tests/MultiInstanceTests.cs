using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>
/// Two instances of the web sample on one PostgreSQL database (two application hosts, each with its own connection
/// pool), raced over HTTP, then a restart: what a load balancer in front of two instances does.
/// </summary>
public sealed class MultiInstanceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 2, 0);

    [SkippableFact]
    public async Task Two_instances_on_one_database_agree_on_members_sales_groups_and_withdrawals_and_a_restart_keeps_everything()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var clock = new FakeClock(Start);
        string before;
        using (var a = ShopFactory.OnPostgres(database.ForInstance(db, "web-a"), clock))
        using (var b = ShopFactory.OnPostgres(database.ForInstance(db, "web-b"), clock))
        {
            var httpA = a.Operator();
            var httpB = b.Operator();
            await ShopFlowTests.PostOk(httpA, "/members", new { memberId = 1 }, HttpStatusCode.Created);
            await ShopFlowTests.PostOk(httpB, "/members", new { memberId = 2 }, HttpStatusCode.Created);

            // Member 50 registered at once on both instances under different referrers: one wins, the other is refused,
            // and both instances then see the winner's referrer.
            var registrations = await Task.WhenAll(
                httpA.PostAsJsonAsync("/members", new { memberId = 50, referrerId = 1 }),
                httpB.PostAsJsonAsync("/members", new { memberId = 50, referrerId = 2 }));
            Assert.Single(registrations, r => r.StatusCode == HttpStatusCode.Created);
            Assert.Single(registrations, r => r.StatusCode == HttpStatusCode.Conflict);
            var referrer = (await ShopFlowTests.Get(httpA, "/members/50")).GetProperty("referrerId").GetInt64();
            Assert.Equal(referrer, (await ShopFlowTests.Get(httpB, "/members/50")).GetProperty("referrerId").GetInt64());

            // The same sale posted from both instances, twice each: booked once, to the winner's referrer.
            var sales = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? httpA : httpB).PostAsJsonAsync("/sales", ShopFlowTests.Sale("S-LB", 50, 100.00m))));
            Assert.All(sales, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var postings = new List<string?>();
            foreach (var response in sales)
            {
                postings.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("posting").GetString());
            }

            Assert.Single(postings, p => p == "Applied");
            // 10 % of 100.00 and the first-purchase reward of 10.00, claimed once however many instances posted the sale.
            ShopFlowTests.AssertMoney(20.00m, ShopFlowTests.Balance(await ShopFlowTests.Get(httpB, $"/members/{referrer}")).GetProperty("pending"));
            Assert.Equal("S-LB", (await ShopFlowTests.Get(httpA, "/members/50/referral-reward")).GetProperty("saleId").GetString());

            // A trio group joined by six members through both instances: exactly three seats, never more.
            for (var m = 60; m < 66; m++)
            {
                await ShopFlowTests.PostOk(m % 2 == 0 ? httpA : httpB, "/members", new { memberId = m }, HttpStatusCode.Created);
            }

            var group = (await ShopFlowTests.PostOk(a.AsMember(1), "/groups", new { rule = "trio", leaderId = 1 }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
            var joins = await Task.WhenAll(Enumerable.Range(60, 6).Select(m => (m % 2 == 0 ? a : b).AsMember(m).PostAsJsonAsync($"/groups/{group}/join", new { memberId = m })));
            Assert.Equal(2, joins.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(4, joins.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            var formed = await ShopFlowTests.Get(httpB, $"/groups/{group}");
            Assert.Equal("Formed", formed.GetProperty("status").GetString());
            Assert.Equal(3, formed.GetProperty("participants").GetArrayLength());

            // Released after the return window; withdrawals racing on both instances never take more than available.
            await ShopFlowTests.PostOk(httpA, "/sales/S-LB/complete", new { });
            clock.Advance(Duration.FromDays(8));
            await ShopFlowTests.PostOk(httpB, "/ledger/release", new { });
            var ownerA = a.AsMember(referrer);
            var ownerB = b.AsMember(referrer);
            var withdrawals = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? ownerA : ownerB).PostAsJsonAsync($"/members/{referrer}/withdrawals", new { withdrawalId = $"W-{i}", amount = new { amount = 7.00m } })));
            Assert.Equal(2, withdrawals.Count(r => r.StatusCode == HttpStatusCode.OK)); // 2 × 7.00 of the 20.00 available
            var balance = ShopFlowTests.Balance(await ShopFlowTests.Get(httpA, $"/members/{referrer}"));
            ShopFlowTests.AssertMoney(6.00m, balance.GetProperty("available"));
            ShopFlowTests.AssertMoney(14.00m, balance.GetProperty("withdrawn"));

            before = await Members(httpA);
            Assert.Equal(before, await Members(httpB));
        }

        // Everything stopped; a new instance on the same database reads the same state.
        using var restarted = ShopFactory.OnPostgres(database.ForInstance(db, "web-c"), clock);
        var http = restarted.Operator();
        Assert.Equal(before, await Members(http));
        var next = await ShopFlowTests.PostOk(http, "/sales", ShopFlowTests.Sale("S-LB", 50, 100.00m));
        Assert.Equal("Duplicate", next.GetProperty("posting").GetString());
    }

    private static async Task<string> Members(HttpClient http)
    {
        var parts = new List<string>();
        foreach (var id in new[] { 1, 2, 50, 60, 61, 62, 63, 64, 65 })
        {
            parts.Add(await http.GetStringAsync($"/members/{id}"));
        }

        return string.Join("\n", parts);
    }
}
