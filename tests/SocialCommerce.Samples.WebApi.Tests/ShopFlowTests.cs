using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

public sealed class ShopFlowTests
{
    // 2026-03-02 10:00 in Shanghai.
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 2, 0);

    [Fact]
    public async Task Full_flow_through_http_survives_a_restart()
    {
        using var database = new TemporaryDatabase();
        var clock = new FakeClock(Start);
        string membersBefore;
        string groupsBefore;
        long groupId;
        long lonelyId;

        using (var factory = new ShopFactory(database.Path, clock))
        {
            var http = factory.Operator();

            // Referrals: 1 <- 2 <- 3 <- 4.
            await PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
            await PostOk(http, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);
            await PostOk(http, "/members", new { memberId = 3, referrerId = 2 }, HttpStatusCode.Created);
            var four = await PostOk(http, "/members", new { memberId = 4, referrerId = 3 }, HttpStatusCode.Created);
            Assert.Equal(3, four.GetProperty("referrerId").GetInt64());

            // A quote alone books nothing.
            var quoteOnly = await PostOk(http, "/sales/quote", Sale("S-1", 3, 199.00m));
            AssertMoney(29.85m, quoteOnly.GetProperty("total"));
            Assert.False(quoteOnly.TryGetProperty("posting", out _));
            Assert.Equal(0, (await Get(http, "/members/2")).GetProperty("balances").GetArrayLength());

            // Member 3 buys tea for 199.00 CNY. Plan 10 % / 5 %: member 2 earns 19.90, member 1 earns 9.95. It is
            // member 3's first purchase, so it claims the referral reward (first-purchase): 10.00 for the inviter
            // (member 2, a level-1 line) and 5.00 for member 3 (a level-0 line), posted with the sale.
            var sale = await PostOk(http, "/sales", Sale("S-1", 3, 199.00m));
            Assert.Equal("Applied", sale.GetProperty("posting").GetString());
            var lines = sale.GetProperty("lines").EnumerateArray().Select(l => (Member: l.GetProperty("beneficiaryId").GetInt64(), Level: l.GetProperty("level").GetInt32(), Amount: l.GetProperty("amount").GetProperty("amount").GetDecimal())).ToArray();
            Assert.Equal([(2L, 1, 19.90m), (1L, 2, 9.95m), (2L, 1, 10.00m), (3L, 0, 5.00m)], lines.OrderBy(l => l.Level == 0).ThenBy(l => l.Amount == 10.00m).ToArray());
            AssertMoney(44.85m, sale.GetProperty("total"));

            AssertMoney(29.90m, Balance(await Get(http, "/members/2")).GetProperty("pending"));
            var reward = await Get(http, "/members/3/referral-reward");
            Assert.Equal("Pending", reward.GetProperty("status").GetString());
            Assert.Equal(2, reward.GetProperty("inviterId").GetInt64());
            Assert.Equal("S-1", reward.GetProperty("saleId").GetString());
            AssertMoney(10.00m, reward.GetProperty("inviterReward"));
            AssertMoney(5.00m, reward.GetProperty("memberReward"));

            // Posting the same sale again is a duplicate, not a second booking.
            var again = await PostOk(http, "/sales", Sale("S-1", 3, 199.00m));
            Assert.Equal("Duplicate", again.GetProperty("posting").GetString());

            // Delivered a day later: frozen for the 7-day return window.
            clock.Advance(Duration.FromDays(1));
            await PostOk(http, "/sales/S-1/complete", new { });
            AssertMoney(29.90m, Balance(await Get(http, "/members/2")).GetProperty("frozen"));
            Assert.Equal("Earned", (await Get(http, "/members/3/referral-reward")).GetProperty("status").GetString());

            // One tick before the window closes nothing is released; at the deadline everything is.
            clock.Advance(Duration.FromDays(7) - Duration.Epsilon);
            await PostOk(http, "/ledger/release", new { });
            AssertMoney(29.90m, Balance(await Get(http, "/members/2")).GetProperty("frozen"));
            clock.Advance(Duration.Epsilon);
            await PostOk(http, "/ledger/release", new { });
            AssertMoney(29.90m, Balance(await Get(http, "/members/2")).GetProperty("available"));
            AssertMoney(9.95m, Balance(await Get(http, "/members/1")).GetProperty("available"));
            AssertMoney(5.00m, Balance(await Get(http, "/members/3")).GetProperty("available"));

            // Member 2 withdraws 10.00 of 29.90: 19.90 left.
            var two = factory.AsMember(2);
            var withdrawal = await PostOk(two, "/members/2/withdrawals", new { withdrawalId = "W-1", amount = new { amount = 10.00m, currency = "CNY" } });
            AssertMoney(10.00m, withdrawal.GetProperty("net"));

            // A second sale (100.00: 10.00 and 5.00 pending; not a first purchase, so no reward) is refunded in full.
            await PostOk(http, "/sales", Sale("S-2", 3, 100.00m));
            AssertMoney(10.00m, Balance(await Get(http, "/members/2")).GetProperty("pending"));
            await PostOk(http, "/sales/S-2/refunds", new { refundId = "R-1" });

            // A trio group: leader 1, then 2 and 3 join; it forms at 3.
            var opened = await PostOk(factory.AsMember(1), "/groups", new { rule = "trio", leaderId = 1 }, HttpStatusCode.Created);
            groupId = opened.GetProperty("id").GetInt64();
            Assert.Equal("Open", opened.GetProperty("status").GetString());
            var joined = await PostOk(two, $"/groups/{groupId}/join", new { memberId = 2 });
            Assert.Equal("Open", joined.GetProperty("status").GetString());
            var formed = await PostOk(factory.AsMember(3), $"/groups/{groupId}/join", new { });
            Assert.Equal("Formed", formed.GetProperty("status").GetString());

            // A second group nobody joins fails when its 24 h run out.
            var lonely = await PostOk(factory.AsMember(4), "/groups", new { rule = "trio" }, HttpStatusCode.Created);
            lonelyId = lonely.GetProperty("id").GetInt64();
            clock.Advance(Duration.FromHours(24));
            var closed = await PostOk(http, "/groups/close-due", new { });
            Assert.Equal(lonely.GetProperty("id").GetInt64(), closed.GetProperty("closed")[0].GetProperty("id").GetInt64());
            Assert.Equal("Failed", closed.GetProperty("closed")[0].GetProperty("status").GetString());

            // An order of 599.00 earns 599 points (1 a yuan): member 3 is promoted from V1 to V2 (threshold 500).
            var activity = await PostOk(http, "/members/3/activities", new { activityId = 1, kind = "order.completed", amount = new { amount = 599.00m } });
            Assert.Equal("V2", activity.GetProperty("level").GetProperty("name").GetString());
            Assert.Equal(599, activity.GetProperty("level").GetProperty("points").GetInt64());
            Assert.Contains("level-promoted V1 -> V2", activity.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

            // The network audit runs under the configured profile.
            var audit = await Get(http, "/compliance/audit");
            Assert.Equal("cn-social-commerce", audit.GetProperty("profile").GetString());
            Assert.Equal(4, audit.GetProperty("memberCount").GetInt32());

            // Final balances: member 2 earned 19.90 + 10.00 (reward) + 10.00, 10.00 reversed, 10.00 withdrawn, 19.90 available.
            var balance2 = Balance(await Get(http, "/members/2"));
            AssertMoney(19.90m, balance2.GetProperty("available"));
            AssertMoney(10.00m, balance2.GetProperty("withdrawn"));
            AssertMoney(0.00m, balance2.GetProperty("pending"));
            AssertMoney(39.90m, balance2.GetProperty("booked"));
            Assert.Equal("Earned", (await Get(http, "/members/3/referral-reward")).GetProperty("status").GetString());
            AssertMoney(10.00m, balance2.GetProperty("reversed"));

            membersBefore = await Snapshot(http);
            groupsBefore = await http.GetStringAsync("/groups");
        }

        // Restart on the same database file: the log is replayed, nothing is lost.
        using (var factory = new ShopFactory(database.Path, clock))
        {
            var http = factory.Operator();
            Assert.Equal(membersBefore, await Snapshot(http));
            Assert.Equal(groupsBefore, await http.GetStringAsync("/groups"));

            var three = await Get(http, "/members/3");
            Assert.Equal("V2", three.GetProperty("level").GetProperty("name").GetString());
            Assert.Equal(599, three.GetProperty("level").GetProperty("points").GetInt64());
            AssertMoney(19.90m, Balance(await Get(http, "/members/2")).GetProperty("available"));
            AssertMoney(9.95m, Balance(await Get(http, "/members/1")).GetProperty("available"));
            Assert.Equal(2, (await Get(http, "/groups")).GetArrayLength());
            var formed = await Get(http, $"/groups/{groupId}");
            Assert.Equal("Formed", formed.GetProperty("status").GetString());
            Assert.Equal(new long[] { 1, 2, 3 }, formed.GetProperty("participants").EnumerateArray().Select(p => p.GetInt64()).Order().ToArray());
            Assert.Equal("Failed", (await Get(http, $"/groups/{lonelyId}")).GetProperty("status").GetString());

            // The restarted shop keeps working on the replayed state: it remembers W-1 (a retried request with the
            // same id and amount, stamped later by the server, is a duplicate that changes nothing) and refuses to
            // pay out more than the 19.90 available.
            var two = factory.AsMember(2);
            var repeated = await PostOk(two, "/members/2/withdrawals", new { withdrawalId = "W-1", amount = new { amount = 10.00m } });
            Assert.Equal("Duplicate", repeated.GetProperty("outcome").GetString());
            var tooMuch = await PostOk(two, "/members/2/withdrawals", new { withdrawalId = "W-2", amount = new { amount = 19.91m } }, HttpStatusCode.Conflict);
            Assert.Equal("InsufficientAvailableBalance", tooMuch.GetProperty("refusal").GetString());
            var rest = await PostOk(two, "/members/2/withdrawals", new { withdrawalId = "W-3", amount = new { amount = 19.90m } });
            AssertMoney(19.90m, rest.GetProperty("net"));
            AssertMoney(0.00m, Balance(await Get(http, "/members/2")).GetProperty("available"));
        }
    }

    internal static object Sale(string id, long buyer, decimal amount) => new
    {
        saleId = id,
        buyerId = buyer,
        lines = new[] { new { productId = "TEA-1", category = "drinks", quantity = 1, paid = new { amount, currency = "CNY" } } },
    };

    private static async Task<string> Snapshot(HttpClient http)
    {
        var parts = new List<string>();
        for (var id = 1; id <= 4; id++)
        {
            parts.Add(await http.GetStringAsync($"/members/{id}"));
        }

        return string.Join('\n', parts);
    }

    internal static JsonElement Balance(JsonElement member)
    {
        var balances = member.GetProperty("balances");
        Assert.Equal(1, balances.GetArrayLength());
        Assert.Equal("CNY", balances[0].GetProperty("currency").GetString());
        return balances[0];
    }

    internal static void AssertMoney(decimal expected, JsonElement money)
    {
        Assert.Equal(expected, money.GetProperty("amount").GetDecimal());
        Assert.Equal("CNY", money.GetProperty("currency").GetString());
    }

    internal static async Task<JsonElement> PostOk(HttpClient http, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static async Task<JsonElement> Get(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
