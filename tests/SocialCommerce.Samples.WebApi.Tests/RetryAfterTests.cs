using System;
using System.Data.Common;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SocialCommerce.EntityFrameworkCore;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>Every 503 says when to retry (issue 32): a busy store after a second, an unreachable database after five.</summary>
public sealed class RetryAfterTests
{
    /// <summary>Once armed, fails every query of the sample's contexts the way a lost race or a dead database would.</summary>
    private sealed class FailingDatabase : DbCommandInterceptor
    {
        public Func<Exception>? Failure { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Failure is { } fail ? throw fail() : ValueTask.FromResult(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Failure is { } fail ? throw fail() : ValueTask.FromResult(result);
    }

    [Fact]
    public async Task A_busy_store_an_unreachable_database_and_an_unhealthy_health_check_each_answer_503_with_Retry_After()
    {
        using var database = new TemporaryDatabase();
        var failing = new FailingDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)))
        {
            TestServices = services =>
            {
                services.ConfigureDbContext<SocialCommerceDbContext>(db => db.AddInterceptors(failing));
                services.PostConfigure<SocialCommerceStoreOptions>(o =>
                {
                    o.MaxAttempts = 2;
                    o.RetryDelay = TimeSpan.Zero;
                });
            },
        };
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);

        failing.Failure = () => new DbUpdateConcurrencyException("injected: another writer won");
        using (var busy = await http.GetAsync("/members/1"))
        {
            await ProblemAssert.IsProblem(busy, HttpStatusCode.ServiceUnavailable, "busy store");
            Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter?.Delta);
        }

        failing.Failure = () => new TimeoutException("injected: the database does not answer");
        using (var down = await http.GetAsync("/members/1"))
        {
            await ProblemAssert.IsProblem(down, HttpStatusCode.ServiceUnavailable, "unreachable database");
            Assert.Equal(TimeSpan.FromSeconds(5), down.Headers.RetryAfter?.Delta);
        }

        using (var health = await http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), health.Headers.RetryAfter?.Delta);
        }

        failing.Failure = null;
        using (var ok = await http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Null(ok.Headers.RetryAfter);
        }
    }
}
