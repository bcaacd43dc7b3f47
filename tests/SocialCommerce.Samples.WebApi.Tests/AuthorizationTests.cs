using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using SocialCommerce.Samples.WebApi.Security;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>Nobody acts for somebody else: 401 without a valid token, 403 for another member's account, nothing changed.</summary>
public sealed class AuthorizationTests
{
    [Fact]
    public async Task Callers_without_a_valid_token_get_401_and_members_acting_for_others_get_403_and_nothing_changes()
    {
        using var database = new TemporaryDatabase();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        using var factory = new ShopFactory(database.Path, clock);
        var ops = factory.Operator();
        await ShopFlowTests.PostOk(ops, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(ops, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(ops, "/members", new { memberId = 3, referrerId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(ops, "/sales", ShopFlowTests.Sale("S-1", 2, 100.00m));
        await ShopFlowTests.PostOk(ops, "/sales/S-1/complete", new { });
        clock.Advance(Duration.FromDays(8));
        await ShopFlowTests.PostOk(ops, "/ledger/release", new { });
        var group = (await ShopFlowTests.PostOk(factory.AsMember(1), "/groups", new { rule = "trio" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var before = await State(ops, group);

        // No token, a token signed with another key, an expired token: 401.
        var anonymous = factory.CreateClient();
        var forged = factory.WithToken(ShopTokens.ForOperator(new ShopAuthenticationSettings { SigningKey = Convert.ToBase64String(new byte[32]) }, "mallory", TimeSpan.FromHours(1)));
        var expired = factory.WithToken(ShopTokens.ForMember(ShopFactory.Tokens, 1, TimeSpan.FromMinutes(-10)));
        var otherAudience = factory.WithToken(ShopTokens.ForOperator(new ShopAuthenticationSettings { SigningKey = ShopFactory.TestSigningKey, Audience = "another-api" }, "ops", TimeSpan.FromHours(1)));
        foreach (var client in new[] { anonymous, forged, expired, otherAudience })
        {
            await Expect(client.GetAsync("/members/1"), HttpStatusCode.Unauthorized, "read an account");
            await Expect(client.PostAsJsonAsync("/members/1/withdrawals", Withdrawal("W-x")), HttpStatusCode.Unauthorized, "withdraw");
            await Expect(client.PostAsJsonAsync("/sales", ShopFlowTests.Sale("S-x", 2, 50.00m)), HttpStatusCode.Unauthorized, "post a sale");
        }

        // Member 2 reads its own account, not member 1's; it cannot withdraw 1's money, post sales, refund, release,
        // audit, register members or join a group as member 3.
        var two = factory.AsMember(2);
        await ShopFlowTests.Get(two, "/members/2");
        await Expect(two.GetAsync("/members/1"), HttpStatusCode.Forbidden, "read another member's account");
        await Expect(two.PostAsJsonAsync("/members/1/withdrawals", Withdrawal("W-2")), HttpStatusCode.Forbidden, "withdraw another member's balance");
        await Expect(two.PostAsJsonAsync("/sales", ShopFlowTests.Sale("S-2", 2, 50.00m)), HttpStatusCode.Forbidden, "post a sale");
        await Expect(two.PostAsJsonAsync("/sales/S-1/refunds", new { refundId = "R-2" }), HttpStatusCode.Forbidden, "refund");
        await Expect(two.PostAsJsonAsync("/ledger/release", new { }), HttpStatusCode.Forbidden, "release the ledger");
        await Expect(two.GetAsync("/compliance/audit"), HttpStatusCode.Forbidden, "audit");
        await Expect(two.PostAsJsonAsync("/members", new { memberId = 9 }), HttpStatusCode.Forbidden, "register a member");
        await Expect(two.PostAsJsonAsync($"/groups/{group}/join", new { memberId = 3 }), HttpStatusCode.Forbidden, "join as member 3");
        await Expect(two.PostAsJsonAsync("/groups", new { rule = "trio", leaderId = 3 }), HttpStatusCode.Forbidden, "open a group for member 3");

        // An operator reads any account but withdraws nobody's money, and is not a member that can join.
        await ShopFlowTests.Get(ops, "/members/1");
        await Expect(ops.PostAsJsonAsync("/members/1/withdrawals", Withdrawal("W-3")), HttpStatusCode.Forbidden, "operator withdrawing");
        await Expect(ops.PostAsJsonAsync($"/groups/{group}/join", new { memberId = 3 }), HttpStatusCode.Forbidden, "operator joining");

        Assert.Equal(before, await State(ops, group));
        using (var unregistered = await ops.GetAsync("/members/9"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unregistered.StatusCode);
        }

        // S-2 was never posted: the operator's posting of it is the first (other content would be a conflict).
        Assert.Equal("Applied", (await ShopFlowTests.PostOk(ops, "/sales", ShopFlowTests.Sale("S-2", 2, 70.00m))).GetProperty("posting").GetString());

        // The owner can.
        await ShopFlowTests.PostOk(factory.AsMember(1), "/members/1/withdrawals", Withdrawal("W-1"));
        Assert.NotEqual(before, await State(ops, group));
    }

    [Fact]
    public void The_host_does_not_start_without_a_signing_key()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0))) { SigningKey = "c2hvcnQ=" };
        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("Shop:Authentication:SigningKey", failure.Message, StringComparison.Ordinal);
    }

    private static object Withdrawal(string id) => new { withdrawalId = id, amount = new { amount = 5.00m } };

    private static async Task<string> State(HttpClient ops, long group) =>
        await ops.GetStringAsync("/members/1") + await ops.GetStringAsync("/members/2") + await ops.GetStringAsync("/members/3")
        + await ops.GetStringAsync($"/groups/{group}");

    private static async Task Expect(Task<HttpResponseMessage> request, HttpStatusCode status, string what)
    {
        using var response = await request;
        await ProblemAssert.IsProblem(response, status, what);
    }
}
