using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using SocialCommerce.Samples.WebApi.Security;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>
/// The sample's edge (issue 30): request bodies read strictly (a property given twice, an amount with more digits
/// than an exact amount holds, a body over the limit), a rejected token answered with a bare challenge, and the public
/// development key refused outside Development. Nothing changes on a 4xx.
/// </summary>
public sealed class EdgeTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(ShopFactory Factory, HttpClient Ops, HttpClient Member)> ShopWithMoneyAsync(TemporaryDatabase database)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        var factory = new ShopFactory(database.Path, clock);
        var ops = factory.Operator();
        await ShopFlowTests.PostOk(ops, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(ops, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(ops, "/sales", ShopFlowTests.Sale("S-1", 2, 1000.00m));
        await ShopFlowTests.PostOk(ops, "/sales/S-1/complete", new { });
        clock.Advance(Duration.FromDays(8));
        await ShopFlowTests.PostOk(ops, "/ledger/release", new { });
        return (factory, ops, factory.AsMember(1));
    }

    [Fact]
    public async Task A_duplicated_property_or_an_over_precise_amount_is_refused_naming_the_path_and_nothing_is_withdrawn()
    {
        using var database = new TemporaryDatabase();
        var (factory, ops, member) = await ShopWithMoneyAsync(database);
        using (factory)
        {
            var before = await ops.GetStringAsync("/members/1");

            using (var twice = await member.PostAsync("/members/1/withdrawals", Json("""{"withdrawalId":"W-1","amount":{"amount":1},"amount":{"amount":90}}""")))
            {
                var problem = await ProblemAssert.IsProblem(twice, HttpStatusCode.BadRequest, "a property given twice");
                Assert.Contains("amount", problem.GetRawText(), StringComparison.Ordinal);
            }

            using (var precise = await member.PostAsync("/members/1/withdrawals", Json("""{"withdrawalId":"W-2","amount":{"amount":1.000000000000000000000000000001}}""")))
            {
                await ProblemAssert.IsProblem(precise, HttpStatusCode.BadRequest, "an amount with 31 significant digits");
            }

            using (var exponent = await member.PostAsync("/members/1/withdrawals", Json("""{"withdrawalId":"W-3","amount":{"amount":1e1}}""")))
            {
                await ProblemAssert.IsProblem(exponent, HttpStatusCode.BadRequest, "an amount in exponent notation");
            }

            Assert.Equal(before, await ops.GetStringAsync("/members/1"));
            await ShopFlowTests.PostOk(member, "/members/1/withdrawals", new { withdrawalId = "W-4", amount = new { amount = 1.5m } });
            Assert.NotEqual(before, await ops.GetStringAsync("/members/1"));
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_it_is_read()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        var ops = factory.Operator();
        var huge = "{\"memberId\":7,\"padding\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";
        using var response = await ops.PostAsync("/members", Json(huge));
        await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge, "a 10 MB body");
        using var missing = await ops.GetAsync("/members/7");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_rejected_token_gets_a_bare_challenge_that_explains_nothing()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        var forged = factory.WithToken(ShopTokens.ForOperator(new ShopAuthenticationSettings { SigningKey = Convert.ToBase64String(new byte[32]) }, "mallory", TimeSpan.FromHours(1)));
        var expired = factory.WithToken(ShopTokens.ForMember(ShopFactory.Tokens, 1, TimeSpan.FromMinutes(-10)));
        foreach (var client in new[] { forged, expired })
        {
            using var response = await client.GetAsync("/members/1");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        }
    }

    [Fact]
    public void The_public_development_key_is_refused_outside_development()
    {
        using var database = new TemporaryDatabase();
        using (var production = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0))) { SigningKey = ShopAuthenticationSettings.DevelopmentKey, Environment = "Production" })
        {
            var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => production.CreateClient());
            Assert.Contains("development key", failure.Message, StringComparison.Ordinal);
        }

        using var development = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0))) { SigningKey = ShopAuthenticationSettings.DevelopmentKey };
        Assert.NotNull(development.CreateClient());
    }

    [Fact]
    public async Task Group_listings_are_paged_and_show_who_takes_part_only_to_participants_and_operators()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        var ops = factory.Operator();
        for (var m = 1; m <= 4; m++)
        {
            await ShopFlowTests.PostOk(ops, "/members", new { memberId = m }, HttpStatusCode.Created);
        }

        var first = (await ShopFlowTests.PostOk(factory.AsMember(1), "/groups", new { rule = "trio" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await ShopFlowTests.PostOk(factory.AsMember(2), $"/groups/{first}/join", new { });
        await ShopFlowTests.PostOk(factory.AsMember(3), "/groups", new { rule = "trio" }, HttpStatusCode.Created);
        var own = (await ShopFlowTests.PostOk(factory.AsMember(4), "/groups", new { rule = "trio" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var outsider = await ShopFlowTests.Get(factory.AsMember(4), $"/groups/{first}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, outsider.GetProperty("participants").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, outsider.GetProperty("leaderId").ValueKind);
        Assert.Equal(2, outsider.GetProperty("participantCount").GetInt32());
        Assert.Equal(2, (await ShopFlowTests.Get(factory.AsMember(2), $"/groups/{first}")).GetProperty("participants").GetArrayLength());
        Assert.Equal(2, (await ShopFlowTests.Get(ops, $"/groups/{first}")).GetProperty("participants").GetArrayLength());

        var page = await ShopFlowTests.Get(factory.AsMember(4), "/groups?take=2");
        var rest = await ShopFlowTests.Get(factory.AsMember(4), "/groups?skip=2&take=2");
        Assert.Equal(2, page.GetArrayLength());
        var all = page.EnumerateArray().Concat(rest.EnumerateArray()).ToList();
        Assert.Equal(3, all.Select(g => g.GetProperty("id").GetInt64()).Distinct().Count());
        foreach (var g in all)
        {
            var mine = g.GetProperty("id").GetInt64() == own;
            Assert.Equal(mine, g.GetProperty("participants").ValueKind == System.Text.Json.JsonValueKind.Array);
            Assert.True(g.GetProperty("participantCount").GetInt32() >= 1);
        }

        using var tooMany = await ops.GetAsync("/groups?take=101");
        Assert.Equal("take", (await ProblemAssert.IsProblem(tooMany, HttpStatusCode.BadRequest, "take=101")).GetProperty("field").GetString());
    }
}
