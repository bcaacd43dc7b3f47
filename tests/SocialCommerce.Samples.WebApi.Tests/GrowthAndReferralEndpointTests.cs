using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>
/// The sample's referral-reward and growth endpoints (issue 26): a new member's first purchase claims the reward for
/// their inviter, a full refund releases or reverses it; growth shows level, points and honours, which expire.
/// </summary>
public sealed class GrowthAndReferralEndpointTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 2, 0);

    [Fact]
    public async Task A_first_purchase_claims_the_referral_reward_a_refund_before_completion_releases_it_and_after_reverses_it()
    {
        using var database = new TemporaryDatabase();
        var clock = new FakeClock(Start);
        using var factory = new ShopFactory(database.Path, clock);
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);
        var two = factory.AsMember(2);

        var open = await ShopFlowTests.Get(two, "/members/2/referral-reward");
        Assert.Equal("Open", open.GetProperty("status").GetString());
        Assert.Equal(JsonNull, open.GetProperty("inviterId").ValueKind);

        // Below the 50.00 minimum: no claim.
        await ShopFlowTests.PostOk(http, "/sales", ShopFlowTests.Sale("S-1", 2, 40.00m));
        Assert.Equal("Open", (await ShopFlowTests.Get(two, "/members/2/referral-reward")).GetProperty("status").GetString());

        // 60.00 claims it: 6.00 commission and 10.00 reward pending for member 1, 5.00 for member 2.
        await ShopFlowTests.PostOk(http, "/sales", ShopFlowTests.Sale("S-2", 2, 60.00m));
        var claimed = await ShopFlowTests.Get(two, "/members/2/referral-reward");
        Assert.Equal("Pending", claimed.GetProperty("status").GetString());
        Assert.Equal(1, claimed.GetProperty("inviterId").GetInt64());
        Assert.Equal("S-2", claimed.GetProperty("saleId").GetString());
        Assert.Equal("10.00", claimed.GetProperty("inviterReward").GetProperty("amount").GetRawText()); // printed with the currency's digits, like every amount
        ShopFlowTests.AssertMoney(4.00m + 6.00m + 10.00m, ShopFlowTests.Balance(await ShopFlowTests.Get(http, "/members/1")).GetProperty("pending"));
        ShopFlowTests.AssertMoney(5.00m, ShopFlowTests.Balance(await ShopFlowTests.Get(http, "/members/2")).GetProperty("pending"));

        // Refunded in full before completion: released, and the next qualifying purchase claims it again.
        await ShopFlowTests.PostOk(http, "/sales/S-2/refunds", new { refundId = "R-2" });
        Assert.Equal("Open", (await ShopFlowTests.Get(two, "/members/2/referral-reward")).GetProperty("status").GetString());
        ShopFlowTests.AssertMoney(4.00m, ShopFlowTests.Balance(await ShopFlowTests.Get(http, "/members/1")).GetProperty("pending"));
        await ShopFlowTests.PostOk(http, "/sales", ShopFlowTests.Sale("S-3", 2, 80.00m));
        Assert.Equal("S-3", (await ShopFlowTests.Get(two, "/members/2/referral-reward")).GetProperty("saleId").GetString());

        // Completed: earned. A resent completion changes nothing; a full refund after completion reverses it for good.
        await ShopFlowTests.PostOk(http, "/sales/S-3/complete", new { });
        await ShopFlowTests.PostOk(http, "/sales/S-3/complete", new { });
        Assert.Equal("Earned", (await ShopFlowTests.Get(two, "/members/2/referral-reward")).GetProperty("status").GetString());
        await ShopFlowTests.PostOk(http, "/sales/S-3/refunds", new { refundId = "R-3" });
        await ShopFlowTests.PostOk(http, "/sales/S-3/refunds", new { refundId = "R-3" });
        var reversed = await ShopFlowTests.Get(two, "/members/2/referral-reward");
        Assert.Equal("Reversed", reversed.GetProperty("status").GetString());
        var inviter = ShopFlowTests.Balance(await ShopFlowTests.Get(http, "/members/1"));
        ShopFlowTests.AssertMoney(4.00m + 6.00m + 10.00m + 8.00m + 10.00m, inviter.GetProperty("booked"));
        ShopFlowTests.AssertMoney(6.00m + 10.00m + 8.00m + 10.00m, inviter.GetProperty("reversed"));
        await ShopFlowTests.PostOk(http, "/sales", ShopFlowTests.Sale("S-4", 2, 90.00m));
        Assert.Equal("Reversed", (await ShopFlowTests.Get(two, "/members/2/referral-reward")).GetProperty("status").GetString());

        // Only the member and operators read it; an unknown member is a 404.
        using (var other = await factory.AsMember(1).GetAsync("/members/2/referral-reward"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        using var unknown = await http.GetAsync("/members/404/referral-reward");
        await ProblemAssert.IsProblem(unknown, HttpStatusCode.NotFound, "unknown member");
    }

    [Fact]
    public async Task Growth_shows_the_level_points_and_honours_and_an_honour_expires_when_its_validity_runs_out()
    {
        using var database = new TemporaryDatabase();
        var clock = new FakeClock(Start);
        using var factory = new ShopFactory(database.Path, clock);
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        var one = factory.AsMember(1);

        var fresh = await ShopFlowTests.Get(one, "/members/1/growth");
        Assert.Equal("V1", fresh.GetProperty("level").GetProperty("name").GetString());
        Assert.Empty(fresh.GetProperty("honours").EnumerateArray());

        // Three reviews (10 points each) earn the reviewer's bronze tier, valid 30 days.
        for (var i = 1; i <= 3; i++)
        {
            clock.Advance(Duration.FromHours(1));
            await ShopFlowTests.PostOk(http, "/members/1/activities", new { activityId = i, kind = "review.posted" });
        }

        var reviewed = await ShopFlowTests.Get(one, "/members/1/growth");
        Assert.Equal(30, reviewed.GetProperty("lifetimePoints").GetInt64());
        var bronze = Assert.Single(reviewed.GetProperty("honours").EnumerateArray());
        Assert.Equal(("reviewer", "bronze", "ShortTerm", "Active"), (bronze.GetProperty("name").GetString(), bronze.GetProperty("tier").GetString(), bronze.GetProperty("term").GetString(), bronze.GetProperty("status").GetString()));
        Assert.NotNull(bronze.GetProperty("expiresAt").GetString());

        // A year on, the next activity finds the bronze expired (it stays on the record) and awards the tenure honour.
        clock.Advance(Duration.FromDays(366));
        await ShopFlowTests.PostOk(http, "/members/1/activities", new { activityId = 4, kind = "sign-in" });
        var honours = (await ShopFlowTests.Get(one, "/members/1/growth")).GetProperty("honours").EnumerateArray()
            .Select(h => (h.GetProperty("name").GetString(), h.GetProperty("tier").GetString(), h.GetProperty("status").GetString())).ToArray();
        Assert.Contains(("reviewer", "bronze", "Expired"), honours);
        Assert.Contains(("loyal", "one-year", "Active"), honours);

        using (var other = await factory.AsMember(2).GetAsync("/members/1/growth"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        using var unknown = await http.GetAsync("/members/404/growth");
        await ProblemAssert.IsProblem(unknown, HttpStatusCode.NotFound, "unknown member");
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
