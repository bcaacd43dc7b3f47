using System.Net;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>A storefront retries on timeouts: the same request later is 200 Duplicate and changes nothing.</summary>
public sealed class IdempotencyTests
{
    [Fact]
    public async Task Retried_sales_completions_refunds_and_withdrawals_are_duplicates_whenever_they_arrive()
    {
        using var database = new TemporaryDatabase();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        using var factory = new ShopFactory(database.Path, clock);
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);

        var first = await ShopFlowTests.PostOk(http, "/sales", ShopFlowTests.Sale("S-1", 2, 100.00m));
        Assert.Equal("Applied", first.GetProperty("posting").GetString());

        // The retry arrives a minute later, stamped later by the server: a duplicate answered with the first booking.
        clock.Advance(Duration.FromMinutes(1));
        var retry = await ShopFlowTests.PostOk(http, "/sales", ShopFlowTests.Sale("S-1", 2, 100.00m));
        Assert.Equal("Duplicate", retry.GetProperty("posting").GetString());
        Assert.Equal(first.GetProperty("lines").GetRawText(), retry.GetProperty("lines").GetRawText());
        ShopFlowTests.AssertMoney(25.00m, retry.GetProperty("total")); // 10.00 commission; member 2's first purchase: 10.00 + 5.00 reward

        // Other content under the same id is refused, and the first posting stands.
        var other = await ShopFlowTests.PostOk(http, "/sales", ShopFlowTests.Sale("S-1", 2, 90.00m), HttpStatusCode.Conflict);
        Assert.Equal("ConflictingDuplicate", other.GetProperty("refusal").GetString());

        await ShopFlowTests.PostOk(http, "/sales/S-1/complete", new { });
        clock.Advance(Duration.FromMinutes(5));
        var completedAgain = await ShopFlowTests.PostOk(http, "/sales/S-1/complete", new { });
        Assert.Equal("Duplicate", completedAgain.GetProperty("outcome").GetString());

        var refund = await ShopFlowTests.PostOk(http, "/sales/S-1/refunds", new { refundId = "R-1", amount = new { amount = 40.00m } });
        Assert.Equal("Applied", refund.GetProperty("outcome").GetString());
        clock.Advance(Duration.FromMinutes(5));
        var refundAgain = await ShopFlowTests.PostOk(http, "/sales/S-1/refunds", new { refundId = "R-1", amount = new { amount = 40.00m } });
        Assert.Equal("Duplicate", refundAgain.GetProperty("outcome").GetString());

        // Member 1: 10.00 commission and 10.00 reward booked, 40 % of each reversed by the 40 % refund: 12.00 frozen,
        // whatever the retries. A partial refund keeps the reward claimed.
        var balance = ShopFlowTests.Balance(await ShopFlowTests.Get(http, "/members/1"));
        ShopFlowTests.AssertMoney(12.00m, balance.GetProperty("frozen"));
        ShopFlowTests.AssertMoney(8.00m, balance.GetProperty("reversed"));
        Assert.Equal("Earned", (await ShopFlowTests.Get(http, "/members/2/referral-reward")).GetProperty("status").GetString());

        clock.Advance(Duration.FromDays(8));
        await ShopFlowTests.PostOk(http, "/ledger/release", new { });
        var one = factory.AsMember(1);
        await ShopFlowTests.PostOk(one, "/members/1/withdrawals", new { withdrawalId = "W-1", amount = new { amount = 5.00m } });
        clock.Advance(Duration.FromMinutes(1));
        var withdrawnAgain = await ShopFlowTests.PostOk(one, "/members/1/withdrawals", new { withdrawalId = "W-1", amount = new { amount = 5.00m } });
        Assert.Equal("Duplicate", withdrawnAgain.GetProperty("outcome").GetString());
        ShopFlowTests.AssertMoney(7.00m, ShopFlowTests.Balance(await ShopFlowTests.Get(http, "/members/1")).GetProperty("available"));
    }
}
