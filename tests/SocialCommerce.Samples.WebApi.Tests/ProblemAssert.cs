using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>Checks that a response is RFC 9457 problem details with a status, and no .NET text in it.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblem(HttpResponseMessage response, HttpStatusCode status, string request)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{request}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("System.", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, System.StringComparison.Ordinal);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static string Detail(JsonElement problem) => problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? string.Empty : string.Empty;
}
