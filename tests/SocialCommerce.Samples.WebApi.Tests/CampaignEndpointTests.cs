using System;
using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>The sample's group endpoints with units, and a campaign's groups on its quota (issue 28), over HTTP.</summary>
public sealed class CampaignEndpointTests
{
    [Fact]
    public async Task A_campaign_group_takes_units_from_its_SKU_quota_and_every_answer_shows_what_is_left()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        var ops = factory.Operator();
        for (var m = 1; m <= 4; m++)
        {
            await ShopFlowTests.PostOk(ops, "/members", new { memberId = m }, HttpStatusCode.Created);
        }

        var campaign = await ShopFlowTests.Get(factory.AsMember(4), "/campaigns/tea-for-three");
        var set = campaign.GetProperty("skus").EnumerateArray().Single(s => s.GetProperty("sku").GetString() == "TEA-SET");
        Assert.Equal((20, 20, 129m), (set.GetProperty("quota").GetInt32(), set.GetProperty("left").GetInt32(), set.GetProperty("price").GetProperty("amount").GetDecimal()));
        Assert.Equal(3, campaign.GetProperty("maxUnitsPerOrder").GetInt32());

        var opened = await ShopFlowTests.PostOk(factory.AsMember(1), "/campaigns/tea-for-three/groups", new { sku = "TEA-SET", units = 3 }, HttpStatusCode.Created);
        var id = opened.GetProperty("group").GetProperty("id").GetInt64();
        Assert.Equal(("TEA-SET", 17, 3), (opened.GetProperty("sku").GetString(), opened.GetProperty("left").GetInt32(), opened.GetProperty("group").GetProperty("units").GetInt32()));
        Assert.Equal("tea-for-three/TEA-SET", opened.GetProperty("group").GetProperty("rule").GetString());

        var joined = await ShopFlowTests.PostOk(factory.AsMember(2), $"/campaigns/tea-for-three/groups/{id}/join", new { units = 2 });
        Assert.Equal(15, joined.GetProperty("left").GetInt32());

        // More than an order may take: refused naming the limit; nothing reserved.
        var tooMany = await ProblemAssert.IsProblem(await factory.AsMember(3).PostAsJsonAsync($"/campaigns/tea-for-three/groups/{id}/join", new { units = 4 }), HttpStatusCode.Conflict, "4 units");
        Assert.Equal("OrderLimitExceeded", tooMany.GetProperty("refusal").GetString());
        Assert.Contains("at most 3 units an order", ProblemAssert.Detail(tooMany), StringComparison.Ordinal);

        var formed = await ShopFlowTests.PostOk(factory.AsMember(3), $"/campaigns/tea-for-three/groups/{id}/join", new { units = 1 });
        Assert.Equal(("Formed", 14, false), (formed.GetProperty("group").GetProperty("status").GetString(), formed.GetProperty("left").GetInt32(), formed.GetProperty("duplicate").GetBoolean()));
        var resent = await ShopFlowTests.PostOk(factory.AsMember(3), $"/campaigns/tea-for-three/groups/{id}/join", new { units = 1 });
        Assert.Equal((14, true), (resent.GetProperty("left").GetInt32(), resent.GetProperty("duplicate").GetBoolean()));
        Assert.Equal(14, (await ShopFlowTests.Get(factory.AsMember(4), "/campaigns/tea-for-three")).GetProperty("skus").EnumerateArray().Single(s => s.GetProperty("sku").GetString() == "TEA-SET").GetProperty("left").GetInt32());

        // Units out of range are a bad request naming the field; an unknown campaign is not found; a plain rule with
        // one unit a seat refuses two.
        var zero = await ProblemAssert.IsProblem(await factory.AsMember(4).PostAsJsonAsync("/campaigns/tea-for-three/groups", new { sku = "TEA-250G", units = 0 }), HttpStatusCode.BadRequest, "0 units");
        Assert.Contains("units", ProblemAssert.Detail(zero), StringComparison.Ordinal);
        await ProblemAssert.IsProblem(await factory.AsMember(4).PostAsJsonAsync("/campaigns/none/groups", new { sku = "TEA-250G" }), HttpStatusCode.NotFound, "unknown campaign");
        var plain = await ProblemAssert.IsProblem(await factory.AsMember(4).PostAsJsonAsync("/groups", new { rule = "trio", units = 2 }), HttpStatusCode.Conflict, "2 units in a trio");
        Assert.Equal("TooManyUnits", plain.GetProperty("refusal").GetString());
    }
}
