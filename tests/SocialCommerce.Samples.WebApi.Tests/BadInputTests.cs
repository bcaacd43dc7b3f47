using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

public sealed class BadInputTests
{
    [Fact]
    public async Task Bad_input_is_refused_with_400_and_a_message_naming_the_value()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);

        // A negative paid amount.
        var negative = await Problem(http, "/sales", Sale(-5.00m, "CNY"));
        Assert.Contains("-5.00", negative, System.StringComparison.Ordinal);

        // An unknown currency.
        var currency = await Problem(http, "/sales", Sale(5.00m, "XYZ"));
        Assert.Contains("XYZ", currency, System.StringComparison.Ordinal);

        // A referrer that is not a member.
        var referrer = await Problem(http, "/members", new { memberId = 3, referrerId = 99 });
        Assert.Contains("99", referrer, System.StringComparison.Ordinal);

        // A group rule that is not configured.
        var rule = await Problem(factory.AsMember(1), "/groups", new { rule = "quad", leaderId = 1 });
        Assert.Contains("quad", rule, System.StringComparison.Ordinal);

        // A body that is not the expected JSON: the message names the path of the bad value.
        using var malformed = new StringContent(
            """{ "saleId": "S-1", "buyerId": 2, "lines": [ { "productId": "TEA-1", "quantity": 1, "paid": { "amount": "lots" } } ] }""",
            Encoding.UTF8,
            "application/json");
        using var response = await http.PostAsync("/sales", malformed);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = Detail(await response.Content.ReadAsStringAsync());
        Assert.Contains("$.lines[0].paid.amount", detail, System.StringComparison.Ordinal);

        // Nothing refused was logged: member 3 was never registered, and the members that were keep their depth.
        using var unknown = await http.GetAsync("/members/3");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("3", Detail(await unknown.Content.ReadAsStringAsync()), System.StringComparison.Ordinal);
        using var two = await http.GetAsync("/members/2");
        using var twoDocument = JsonDocument.Parse(await two.Content.ReadAsStringAsync());
        Assert.Equal(1, twoDocument.RootElement.GetProperty("depth").GetInt32());
        Assert.Equal(0, twoDocument.RootElement.GetProperty("balances").GetArrayLength());
    }

    private static object Sale(decimal amount, string currency) => new
    {
        saleId = "S-1",
        buyerId = 2,
        lines = new[] { new { productId = "TEA-1", category = "drinks", quantity = 1, paid = new { amount, currency } } },
    };

    private static async Task<string> Problem(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return Detail(text);
    }

    private static string Detail(string problem)
    {
        using var document = JsonDocument.Parse(problem);
        return document.RootElement.GetProperty("detail").GetString() ?? string.Empty;
    }
}
