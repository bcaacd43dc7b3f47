using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>Every error is problem details: 400 naming the field, 404 unknown, 409 refused, 500 without internals.</summary>
public sealed class ErrorTests
{
    private static readonly string Max = decimal.MaxValue.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Inputs_that_used_to_crash_are_400_naming_the_field_and_change_nothing()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);

        var cases = new (string Path, string Body, string Names)[]
        {
            ("/sales", Sale("A", $$$"""{"productId":"x","quantity":1,"paid":{"amount":{{{Max}}}}},{"productId":"y","quantity":1,"paid":{"amount":{{{Max}}}}}"""), "paidAmount"),
            ("/sales", Sale("B", """{"productId":"x","quantity":1,"paid":{"amount":7.9e25}}"""), "lines[0].paid.amount"), // exponent notation is refused as the body is read
            ("/sales", Sale("C", "null"), "lines[0]"),
            ("/sales", Sale("C2", """{"productId":"x","quantity":1,"paid":{"amount":5}}, null"""), "lines[1]"),
            ("/sales", """{"saleId":"E","buyerId":-2,"lines":[{"productId":"x","quantity":1,"paid":{"amount":5}}]}""", "buyerId"),
            ("/sales/quote", Sale("D", """{"productId":"x","quantity":1,"paid":{"amount":10.001}}"""), "10.001"),
            ("/sales", Sale("D", """{"productId":"x","quantity":1,"paid":{"amount":10.001}}"""), "10.001"),
            ("/sales/quote", """{"saleId":"F","buyerId":2,"lines":[{"productId":"x","quantity":1,"paid":{"amount":"lots"}}]}""", "$.lines[0].paid.amount"),
            ("/members", """{"memberId":0}""", "memberId"),
            ("/members", """{"memberId":-5}""", "memberId"),
            ("/members", """{"memberId":3,"referrerId":-1}""", "referrerId"),
            ("/members", "", "body"),
        };
        foreach (var (path, body, names) in cases)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(path, content);
            var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, $"POST {path} {body}");
            Assert.Contains(names, ProblemAssert.Detail(problem), StringComparison.Ordinal);
        }

        // The withdrawal of decimal.MaxValue, by the member itself.
        using (var withdrawal = await factory.AsMember(2).PostAsync("/members/2/withdrawals", Json($$$"""{"withdrawalId":"W","amount":{"amount":{{{Max}}}}}""")))
        {
            var problem = await ProblemAssert.IsProblem(withdrawal, HttpStatusCode.BadRequest, "withdrawal of decimal.MaxValue");
            Assert.Contains("Amount", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        }

        // Nothing was booked or registered.
        var two = await ShopFlowTests.Get(http, "/members/2");
        Assert.Equal(0, two.GetProperty("balances").GetArrayLength());
        using var zero = await http.GetAsync("/members/0");
        await ProblemAssert.IsProblem(zero, HttpStatusCode.BadRequest, "GET /members/0");
    }

    [Fact]
    public async Task Unknown_things_are_404_and_a_duplicate_member_is_409()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);

        using (var member = await http.GetAsync("/members/999"))
        {
            Assert.Contains("999", ProblemAssert.Detail(await ProblemAssert.IsProblem(member, HttpStatusCode.NotFound, "GET /members/999")), StringComparison.Ordinal);
        }

        using (var group = await http.GetAsync("/groups/12345"))
        {
            Assert.Contains("12345", ProblemAssert.Detail(await ProblemAssert.IsProblem(group, HttpStatusCode.NotFound, "GET /groups/12345")), StringComparison.Ordinal);
        }

        using (var join = await factory.AsMember(1).PostAsJsonAsync("/groups/12345/join", new { }))
        {
            await ProblemAssert.IsProblem(join, HttpStatusCode.NotFound, "join an unknown group");
        }

        using (var route = await http.GetAsync("/nothing-here"))
        {
            await ProblemAssert.IsProblem(route, HttpStatusCode.NotFound, "GET /nothing-here");
        }

        using (var again = await http.PostAsJsonAsync("/members", new { memberId = 1 }))
        {
            // The same registration sent again (a retry after a lost response) answers its first outcome.
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        }

        using (var other = await http.PostAsJsonAsync("/members", new { memberId = 2 }))
        using (var conflicting = await http.PostAsJsonAsync("/members", new { memberId = 1, referrerId = 2 }))
        {
            var problem = await ProblemAssert.IsProblem(conflicting, HttpStatusCode.Conflict, "register member 1 again under another referrer");
            Assert.Equal("AlreadyRegistered", problem.GetProperty("refusal").GetString());
        }
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_bare_500_with_a_trace_id_and_no_internals()
    {
        using var database = new TemporaryDatabase();
        var clock = new BreakableClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        using var factory = new ShopFactory(database.Path, new FakeClock(clock.Now))
        {
            TestServices = services => services.AddSingleton<IClock>(clock),
        };
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);

        clock.Broken = true;
        using var response = await http.PostAsJsonAsync("/members", new { memberId = 2 });
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.InternalServerError, "a request whose clock fails");
        var text = problem.GetRawText();
        Assert.DoesNotContain("clock-secret", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    private static string Sale(string id, string lines) => $$"""{"saleId":"{{id}}","buyerId":2,"lines":[{{lines}}]}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private sealed class BreakableClock(Instant now) : IClock
    {
        public Instant Now { get; } = now;

        public bool Broken { get; set; }

        public Instant GetCurrentInstant() => Broken ? throw new InvalidOperationException("clock-secret: the hardware clock is gone") : Now;
    }
}
