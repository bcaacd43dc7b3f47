using System;
using System.Net;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>
/// The sample runs the SDK's background jobs on its clock (issue 26): a fake clock moved past the 7-day return window
/// makes the earnings available with no call to <c>POST /ledger/release</c>.
/// </summary>
public sealed class JobTests
{
    [Fact]
    public async Task Moving_the_clock_past_the_return_window_releases_the_earnings_without_a_release_call()
    {
        using var database = new TemporaryDatabase();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        using var factory = new ShopFactory(database.Path, clock) { RunJobs = true };
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(http, "/sales", new { saleId = "S-1", buyerId = 2, lines = new[] { new { productId = "tea", category = "tea", quantity = 1, paid = new { amount = 100.00m } } } });
        await ShopFlowTests.PostOk(http, "/sales/S-1/complete", new { });

        clock.Advance(Duration.FromDays(8));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        decimal available = 0;
        while (DateTime.UtcNow < deadline && available == 0)
        {
            await Task.Delay(50);
            var member = await ShopFlowTests.Get(http, "/members/1");
            available = member.GetProperty("balances").GetArrayLength() == 0 ? 0 : member.GetProperty("balances")[0].GetProperty("available").GetProperty("amount").GetDecimal();
        }

        Assert.Equal(20.00m, available); // 10 % of 100.00, and 10.00 of first-purchase reward for member 2's inviter
    }
}
