using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using SocialCommerce.Samples.Load;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>
/// The sample's load tool against the sample (issue 32), bounded to fit CI: 64 connections posting sales that all credit
/// the same accounts get no 503 from one instance's own contention, on SQLite and on PostgreSQL.
/// </summary>
public sealed class LoadTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static async Task<LoadReport> RunAsync(ShopFactory factory, int connections, TimeSpan duration)
    {
        var http = factory.Operator();
        var options = LoadOptions.Default with { Connections = connections, Duration = duration, Members = 40, FirstMember = 1, HotUpline = true };
        await ShopLoad.RegisterAsync(http, options);
        return await ShopLoad.PostSalesAsync(http, options);
    }

    private static void AssertEveryPostBooked(LoadReport report)
    {
        Assert.True(report.Requests > 64, report.ToString());
        Assert.Equal(report.Requests, report.Succeeded);
        Assert.Equal(0, report.Failures);
        Assert.Equal(0, report.ServiceUnavailableWithoutRetryAfter);
    }

    [Fact]
    public async Task Sixty_four_connections_on_SQLite_book_every_sale()
    {
        using var file = new TemporaryDatabase();
        using var factory = new ShopFactory(file.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        AssertEveryPostBooked(await RunAsync(factory, 64, TimeSpan.FromSeconds(2)));
    }

    [SkippableFact]
    public async Task Sixty_four_connections_on_one_PostgreSQL_instance_book_every_sale_without_a_503()
    {
        database.SkipUnlessAvailable();
        var db = database.WithPoolSize(await database.CreateDatabaseAsync(), 32);
        using var factory = ShopFactory.OnPostgres(database.ForInstance(db, "load"), new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        var report = await RunAsync(factory, 64, TimeSpan.FromSeconds(3));
        AssertEveryPostBooked(report);

        // The stored sales equal the 2xx answers, and each hot account's booked total equals its entries.
        await using var connection = new Npgsql.NpgsqlConnection(db);
        await connection.OpenAsync();
        await using (var sales = new Npgsql.NpgsqlCommand("SELECT count(*) FROM sc_sales", connection))
        {
            Assert.Equal(report.Succeeded, Convert.ToInt32(await sales.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        await using var accounts = new Npgsql.NpgsqlCommand("""
            SELECT a."MemberId", a."Booked", (SELECT coalesce(sum(e."MinorUnits"), 0) FROM sc_entries e WHERE e."MemberId" = a."MemberId" AND e."Kind" = 'Earned')
            FROM sc_accounts a ORDER BY a."MemberId"
            """, connection);
        await using var reader = await accounts.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            Assert.Equal(reader.GetInt64(2), reader.GetInt64(1));
        }

        Assert.Equal(2, rows); // the hot chain: members 3 and 2 are credited by every sale
    }
}
