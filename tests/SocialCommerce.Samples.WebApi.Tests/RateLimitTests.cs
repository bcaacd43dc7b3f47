using System.Collections.Generic;
using System.Net;
using System.Net.Http.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Joins_are_limited_per_member_with_429_problem_details_and_other_members_are_not_slowed()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0))) { JoinPermitLimit = 3 };
        var ops = factory.Operator();
        for (var m = 1; m <= 3; m++)
        {
            await ShopFlowTests.PostOk(ops, "/members", new { memberId = m }, HttpStatusCode.Created);
        }

        var group = (await ShopFlowTests.PostOk(factory.AsMember(1), "/groups", new { rule = "trio" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();

        // Member 2 joins, then a bot on its account keeps joining: the 2nd and 3rd requests answer the first join again
        // (a join seen again is a duplicate, nothing changes), the 4th is not even tried (429).
        var bot = factory.AsMember(2);
        await ShopFlowTests.PostOk(bot, $"/groups/{group}/join", new { });
        Assert.Equal(2, (await ShopFlowTests.PostOk(bot, $"/groups/{group}/join", new { })).GetProperty("participants").GetArrayLength());
        Assert.Equal(2, (await ShopFlowTests.PostOk(bot, $"/groups/{group}/join", new { })).GetProperty("participants").GetArrayLength());
        using var limited = await bot.PostAsJsonAsync($"/groups/{group}/join", new { });
        var problem = await ProblemAssert.IsProblem(limited, HttpStatusCode.TooManyRequests, "the 4th join in a minute");
        Assert.Contains("3 joins", ProblemAssert.Detail(problem), System.StringComparison.Ordinal);
        Assert.True(limited.Headers.RetryAfter is not null, "a 429 says when to retry");

        // Member 3 has its own budget and completes the group.
        var formed = await ShopFlowTests.PostOk(factory.AsMember(3), $"/groups/{group}/join", new { });
        Assert.Equal("Formed", formed.GetProperty("status").GetString());
        Assert.Equal(3, formed.GetProperty("participants").GetArrayLength());
    }

    [Fact]
    public async Task Limits_hold_across_two_instances_and_withdrawals_are_limited_too()
    {
        using var database = new TemporaryDatabase();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        using var a = new ShopFactory(database.Path, clock) { JoinPermitLimit = 3, WritePermitLimit = 2 };
        using var b = new ShopFactory(database.Path, clock) { JoinPermitLimit = 3, WritePermitLimit = 2 };
        var ops = a.Operator();
        for (var m = 1; m <= 3; m++)
        {
            await ShopFlowTests.PostOk(ops, "/members", new { memberId = m, referrerId = m == 1 ? (long?)null : 1 }, HttpStatusCode.Created);
        }

        await ShopFlowTests.PostOk(ops, "/sales", ShopFlowTests.Sale("S-1", 2, 1000.00m));
        await ShopFlowTests.PostOk(ops, "/sales/S-1/complete", new { });
        clock.Advance(Duration.FromDays(8));
        await ShopFlowTests.PostOk(ops, "/ledger/release", new { });

        // Member 1 opens groups alternately on both instances: the limit of 3 holds for the pair, not 3 each.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await (i % 2 == 0 ? a : b).AsMember(1).PostAsJsonAsync("/groups", new { rule = "trio" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);

        // Withdrawals: 2 a minute for one member across the instances; below the configured minimum, refused by the ledger.
        using (var tiny = await a.AsMember(1).PostAsJsonAsync("/members/1/withdrawals", new { withdrawalId = "W-0", amount = new { amount = 0.01m } }))
        {
            Assert.Equal("BelowMinimumWithdrawal", (await ProblemAssert.IsProblem(tiny, HttpStatusCode.Conflict, "a ¥0.01 withdrawal")).GetProperty("refusal").GetString());
        }

        await ShopFlowTests.PostOk(b.AsMember(1), "/members/1/withdrawals", new { withdrawalId = "W-1", amount = new { amount = 1.00m } });
        using var limited = await a.AsMember(1).PostAsJsonAsync("/members/1/withdrawals", new { withdrawalId = "W-2", amount = new { amount = 1.00m } });
        var problem = await ProblemAssert.IsProblem(limited, HttpStatusCode.TooManyRequests, "the third write in a minute");
        Assert.Contains("2 writes", ProblemAssert.Detail(problem), System.StringComparison.Ordinal);
        Assert.True(limited.Headers.RetryAfter is not null);
        clock.Advance(Duration.FromMinutes(1));
        await ShopFlowTests.PostOk(a.AsMember(1), "/members/1/withdrawals", new { withdrawalId = "W-2", amount = new { amount = 1.00m } });
    }
}
