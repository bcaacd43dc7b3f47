using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_sales_are_all_booked_once_and_replayed()
    {
        using var database = new TemporaryDatabase();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        using (var factory = new ShopFactory(database.Path, clock))
        {
            var http = factory.Operator();
            await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
            await ShopFlowTests.PostOk(http, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);

            // 40 sales of 10.00 posted at once (each twice): member 1 earns 10 % of each, 1.00, exactly 40 times.
            var posts = Enumerable.Range(0, 80).Select(i => http.PostAsJsonAsync("/sales", new
            {
                saleId = $"S-{i % 40}",
                buyerId = 2,
                lines = new[] { new { productId = "TEA-1", category = "drinks", quantity = 1, paid = new { amount = 10.00m } } },
            }));
            var responses = await Task.WhenAll(posts);
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(40.00m, await Pending(factory.Operator()));
        }

        using (var restarted = new ShopFactory(database.Path, clock))
        {
            Assert.Equal(40.00m, await Pending(restarted.Operator()));
        }
    }

    private static async Task<decimal> Pending(System.Net.Http.HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/members/1"));
        return document.RootElement.GetProperty("balances")[0].GetProperty("pending").GetProperty("amount").GetDecimal();
    }
}
