using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task The_OpenAPI_document_and_the_health_endpoint_answer_without_a_token()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        var http = factory.CreateClient();

        using var openApi = await http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        using var document = JsonDocument.Parse(await openApi.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), System.StringComparison.Ordinal);
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/members", "/members/{id}", "/members/{id}/withdrawals", "/sales", "/sales/quote", "/groups/{id}/join", "/compliance/audit" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"the OpenAPI document lists {path}");
        }

        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }
}
