using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>The sample's invitation endpoints (issue 26): an assist and a bargain opened, helped and read over HTTP.</summary>
public sealed class InvitationEndpointTests
{
    [Fact]
    public async Task An_assist_is_opened_helped_to_completion_and_shown_to_who_may_see_its_helpers()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        for (var m = 2; m <= 6; m++)
        {
            await ShopFlowTests.PostOk(http, "/members", new { memberId = m, referrerId = 1 }, HttpStatusCode.Created);
        }

        var opened = await ShopFlowTests.PostOk(factory.AsMember(2), "/invitations", new { rule = "free-tea" }, HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetInt64();
        Assert.Equal("Assist", opened.GetProperty("kind").GetString());
        Assert.Equal(3, opened.GetProperty("helpsRequired").GetInt32());
        Assert.Equal(2, opened.GetProperty("ownerId").GetInt64());

        await ShopFlowTests.PostOk(factory.AsMember(3), $"/invitations/{id}/help", new { });
        var second = await ShopFlowTests.PostOk(factory.AsMember(4), $"/invitations/{id}/help", new { });
        Assert.Equal(2, second.GetProperty("helpsDone").GetInt32());
        var resent = await ShopFlowTests.PostOk(factory.AsMember(4), $"/invitations/{id}/help", new { });   // a retry: its first outcome
        Assert.Equal(2, resent.GetProperty("helpsDone").GetInt32());
        var done = await ShopFlowTests.PostOk(factory.AsMember(5), $"/invitations/{id}/help", new { });
        Assert.Equal("Completed", done.GetProperty("status").GetString());

        using (var late = await factory.AsMember(6).PostAsJsonAsync($"/invitations/{id}/help", new { }))
        {
            var problem = await ProblemAssert.IsProblem(late, HttpStatusCode.Conflict, "help a completed assist");
            Assert.Equal("Completed", problem.GetProperty("refusal").GetString());
        }

        using (var forged = await factory.AsMember(6).PostAsJsonAsync($"/invitations/{id}/help", new { helperId = 3 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        var asHelper = await ShopFlowTests.Get(factory.AsMember(3), $"/invitations/{id}");
        Assert.Equal([3L, 4L, 5L], asHelper.GetProperty("helpers").EnumerateArray().Select(h => h.GetInt64()).Order().ToArray());
        var asStranger = await ShopFlowTests.Get(factory.AsMember(6), $"/invitations/{id}");
        Assert.Equal(JsonValueKind.Null, asStranger.GetProperty("helpers").ValueKind);
        Assert.Equal(3, asStranger.GetProperty("helpsDone").GetInt32());

        using var unknown = await factory.AsMember(2).GetAsync("/invitations/424242");
        await ProblemAssert.IsProblem(unknown, HttpStatusCode.NotFound, "unknown invitation");
    }

    [Fact]
    public async Task A_bargain_cuts_its_price_with_each_help()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);

        var opened = await ShopFlowTests.PostOk(factory.AsMember(1), "/invitations", new { rule = "cut-to-1" }, HttpStatusCode.Created);
        Assert.Equal("Bargain", opened.GetProperty("kind").GetString());
        Assert.Equal(99.00m, opened.GetProperty("price").GetProperty("amount").GetDecimal());

        var helped = await ShopFlowTests.PostOk(factory.AsMember(2), $"/invitations/{opened.GetProperty("id").GetInt64()}/help", new { });
        var price = helped.GetProperty("price").GetProperty("amount").GetDecimal();
        Assert.InRange(price, 1.00m, 98.99m);
        Assert.Equal(1, helped.GetProperty("helpsDone").GetInt32());
    }

    [Fact]
    public async Task An_unknown_rule_is_a_400_naming_it()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        await ShopFlowTests.PostOk(factory.Operator(), "/members", new { memberId = 1 }, HttpStatusCode.Created);
        using var response = await factory.AsMember(1).PostAsJsonAsync("/invitations", new { rule = "free-cake" });
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "unknown rule");
        Assert.Equal("rule", problem.GetProperty("field").GetString());
        Assert.Contains("rule 'free-cake' is not an invitation rule of this shop (cut-to-1, free-tea)", ProblemAssert.Detail(problem), System.StringComparison.Ordinal);
    }
}
