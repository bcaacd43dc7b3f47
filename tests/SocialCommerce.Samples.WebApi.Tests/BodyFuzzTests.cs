using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using SocialCommerce.Tests.Databases;
using SocialCommerce.Tests.Fuzzing;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>
/// Seeded mutations of every write endpoint's valid body (issue 30): deleted, duplicated and retyped properties, huge
/// and tiny numbers, truncation. Every response is 2xx or a 4xx problem details — a 400 naming the field — never a 5xx,
/// and a 4xx changes nothing. On SQLite and on PostgreSQL.
/// </summary>
public abstract class BodyFuzzTests
{
    /// <summary>Mutations per endpoint: 5,000 in CI, fewer locally (SOCIALCOMMERCE_FUZZ overrides).</summary>
    private static readonly int Mutations = int.TryParse(Environment.GetEnvironmentVariable("SOCIALCOMMERCE_FUZZ"), out var n) ? n
        : string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? 5_000 : 500;

    protected static async Task FuzzAsync(ShopFactory factory)
    {
        var ops = factory.Operator();
        await ShopFlowTests.PostOk(ops, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(ops, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(ops, "/sales", ShopFlowTests.Sale("S-1", 2, 1000.00m));
        var group = (await ShopFlowTests.PostOk(factory.AsMember(1), "/groups", new { rule = "trio" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var member = factory.AsMember(1);
        var invitation = (await ShopFlowTests.PostOk(member, "/invitations", new { rule = "free-tea" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var endpoints = new (string Path, HttpClient Client, string Body)[]
        {
            ("/members", ops, """{"memberId":7,"referrerId":1}"""),
            ("/sales/quote", ops, """{"saleId":"Q-1","buyerId":2,"lines":[{"productId":"tea-1","category":"tea","quantity":2,"paid":{"amount":99.90,"currency":"CNY"},"shipping":{"amount":5}}]}"""),
            ("/sales", ops, """{"saleId":"F-1","buyerId":2,"lines":[{"productId":"tea-1","category":"tea","quantity":2,"paid":{"amount":99.90,"currency":"CNY"},"shipping":{"amount":5}}]}"""),
            ("/sales/S-1/refunds", ops, """{"refundId":"R-1","amount":{"amount":10.00},"lines":null}"""),
            ("/members/1/withdrawals", member, """{"withdrawalId":"W-1","amount":{"amount":1.00,"currency":"CNY"}}"""),
            ("/members/1/activities", member, """{"activityId":1,"kind":"task.completed","subject":"tutorial","amount":null,"rank":null,"referredId":null,"reversesId":null}"""),
            ("/groups", member, """{"rule":"trio","leaderId":1}"""),
            ($"/groups/{group}/join", factory.AsMember(2), """{"memberId":2}"""),
            ("/invitations", member, """{"rule":"cut-to-1","ownerId":1}"""),
            ($"/invitations/{invitation}/help", factory.AsMember(2), """{"helperId":2}"""),
        };

        foreach (var (path, client, body) in endpoints)
        {
            var before = await StateAsync(ops, group);
            for (var seed = 0; seed < Mutations; seed++)
            {
                var text = DocumentMutator.Mutate(body, seed);
                using var response = await client.PostAsync(path, new StringContent(text, Encoding.UTF8, "application/json"));
                var status = (int)response.StatusCode;
                var content = await response.Content.ReadAsStringAsync();
                Assert.True(status < 500, $"POST {path} {text}: {status} {content}");
                if (status is >= 200 and < 300)
                {
                    before = await StateAsync(ops, group);
                    continue;
                }

                if (status == 429)
                {
                    continue; // the join limiter: a retry later is the answer
                }

                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(content);
                Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
                Assert.DoesNotContain("Exception", content, StringComparison.Ordinal);
                if (status == 400)
                {
                    Assert.True(problem.RootElement.TryGetProperty("field", out var field) && field.GetString() is { Length: > 0 }, $"POST {path} {text}: a 400 names the field: {content}");
                }

                if (seed % 25 == 0)
                {
                    Assert.Equal(before, await StateAsync(ops, group)); // a 4xx changes nothing
                }
            }
        }
    }

    private static async Task<string> StateAsync(HttpClient ops, long group) =>
        await ops.GetStringAsync("/members/1") + await ops.GetStringAsync("/members/2") + await ops.GetStringAsync($"/groups/{group}");
}

public sealed class SqliteBodyFuzzTests : BodyFuzzTests
{
    [Fact]
    public async Task Every_mutated_body_is_answered_2xx_or_a_4xx_problem_and_never_500_on_sqlite()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0))) { JoinPermitLimit = 1_000_000, WritePermitLimit = 1_000_000 };
        await FuzzAsync(factory);
    }
}

public sealed class PostgresBodyFuzzTests(PostgresDatabase database) : BodyFuzzTests, IClassFixture<PostgresDatabase>
{
    [SkippableFact]
    public async Task Every_mutated_body_is_answered_2xx_or_a_4xx_problem_and_never_500_on_postgres()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        using var factory = new ShopFactory(db, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)), "postgres") { JoinPermitLimit = 1_000_000, WritePermitLimit = 1_000_000 };
        await FuzzAsync(factory);
    }
}
