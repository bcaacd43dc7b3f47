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
}
