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
        foreach (var path in new[] { "/members", "/members/{id}", "/members/{id}/withdrawals", "/members/{id}/growth", "/members/{id}/referral-reward", "/invitations", "/invitations/{id}/help", "/sales", "/sales/quote", "/groups/{id}/join", "/compliance/audit" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"the OpenAPI document lists {path}");
        }

        // The bearer scheme, required by every endpoint but the anonymous ones, and the error responses.
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var post = paths.GetProperty("/sales").GetProperty("post");
        Assert.Equal(System.Text.Json.JsonValueKind.Array, post.GetProperty("security").ValueKind);
        Assert.True(post.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        foreach (var status in new[] { "400", "401", "403", "409", "503" })
        {
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out var response), $"POST /sales declares {status}");
            Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _));
        }

        Assert.True(paths.GetProperty("/members/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.False(paths.TryGetProperty("/health", out var healthPath) && healthPath.GetProperty("get").TryGetProperty("security", out _));

        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_browsable_API_page_reads_the_OpenAPI_document_in_Development_only()
    {
        using var database = new TemporaryDatabase();
        using (var development = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0))))
        {
            using var page = await development.CreateClient().GetAsync("/scalar/v1");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync(), System.StringComparison.Ordinal);
        }

        using var production = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0))) { Environment = "Production" };
        using var none = await production.Operator().GetAsync("/scalar/v1"); // with a token: not there (401 without one)
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }
}
