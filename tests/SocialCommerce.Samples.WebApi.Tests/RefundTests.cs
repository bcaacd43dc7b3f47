using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

public sealed class RefundTests
{
    [Fact]
    public async Task A_refund_of_lines_reverses_their_share_and_survives_a_restart()
    {
        using var database = new TemporaryDatabase();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        using (var factory = new ShopFactory(database.Path, clock))
        {
            var http = factory.Operator();
            await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
            await ShopFlowTests.PostOk(http, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);

            // Two teas for 100.00 and a cup for 50.00: member 1 earns 10 % of each line, 10.00 + 5.00, and, as member
            // 2's inviter, the first-purchase reward of 10.00 spread over the lines by what they paid: 6.67 + 3.33.
            await ShopFlowTests.PostOk(http, "/sales", new
            {
                saleId = "S-1",
                buyerId = 2,
                lines = new object[]
                {
                    new { productId = "TEA-1", category = "drinks", quantity = 2, paid = new { amount = 100.00m } },
                    new { productId = "CUP-1", category = "kitchen", quantity = 1, paid = new { amount = 50.00m } },
                },
            });

            // One of the two teas comes back: half of line 0's 10.00 and of its 6.67 of reward is reversed (5.00 + 3.33).
            var refund = await ShopFlowTests.PostOk(http, "/sales/S-1/refunds", new { refundId = "R-1", lines = new[] { new { lineIndex = 0, quantity = 1 } } });
            Assert.Equal("Applied", refund.GetProperty("outcome").GetString());

            // Mixing bases on one sale is a business refusal (409), not bad input.
            var mixed = await ShopFlowTests.PostOk(http, "/sales/S-1/refunds", new { refundId = "R-2", amount = new { amount = 20.00m } }, HttpStatusCode.Conflict);
            Assert.Equal("MixedRefundBasis", mixed.GetProperty("refusal").GetString());

            var balance = await Balance(http);
            Assert.Equal(16.67m, balance.GetProperty("pending").GetProperty("amount").GetDecimal());
            Assert.Equal(8.33m, balance.GetProperty("reversed").GetProperty("amount").GetDecimal());
        }

        using (var restarted = new ShopFactory(database.Path, clock))
        {
            var balance = await Balance(restarted.Operator());
            Assert.Equal(16.67m, balance.GetProperty("pending").GetProperty("amount").GetDecimal());
            Assert.Equal(25.00m, balance.GetProperty("booked").GetProperty("amount").GetDecimal());
            Assert.Equal(8.33m, balance.GetProperty("reversed").GetProperty("amount").GetDecimal());
        }
    }

    private static async Task<JsonElement> Balance(System.Net.Http.HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/members/1"));
        return document.RootElement.GetProperty("balances")[0].Clone();
    }
}
