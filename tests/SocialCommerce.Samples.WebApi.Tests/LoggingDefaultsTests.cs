using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>
/// The shipped appsettings.json is quiet enough to run (issue 32): EF Core logs at Warning, so no SQL command is
/// written per request (53 MB in 30 s at 16 connections before).
/// </summary>
public sealed class LoggingDefaultsTests
{
    private sealed class Capture : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel));
        }
    }

    [Fact]
    public async Task Requests_with_the_shipped_settings_log_no_SQL_commands()
    {
        using var database = new TemporaryDatabase();
        var capture = new Capture();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)))
        {
            TestServices = services => services.AddSingleton<ILoggerProvider>(capture),
        };
        var http = factory.Operator();
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 1 }, HttpStatusCode.Created);
        await ShopFlowTests.PostOk(http, "/members", new { memberId = 2, referrerId = 1 }, HttpStatusCode.Created);
        using (var member = await http.GetAsync("/members/2"))
        {
            Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        }

        Assert.Contains(capture.Entries, e => e.Category.StartsWith("Microsoft.Hosting", StringComparison.Ordinal));     // the capture sees the host's logs
        var efCore = capture.Entries.Where(e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).ToList();
        Assert.True(efCore.All(e => e.Level >= LogLevel.Warning), string.Join(", ", efCore.Select(e => $"{e.Category} {e.Level}").Distinct()));
    }
}
