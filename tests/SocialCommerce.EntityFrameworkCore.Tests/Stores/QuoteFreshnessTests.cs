using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// The stored quote's freshness when quotes share refreshes, on PostgreSQL only: the test holds a refresh open between
/// its read and its end while another instance writes, which SQLite's single writer would wait out.
/// </summary>
public abstract class QuoteFreshnessTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : StoreDatabase
{
    [SkippableFact]
    public async Task A_quote_does_not_settle_for_a_refresh_that_read_the_log_before_it_was_called()
    {
        Database.SkipUnlessAvailable();
        var db = await Database.CreateDatabaseAsync();
        var hold = new HoldAfterRead();
        await using var a = await StoreHost.StartAsync(Database, db, "a", null, hold);
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        await a.Network.RegisterAsync(new MemberId(1), null, T0);
        await a.Network.RegisterAsync(new MemberId(20), null, T0);
        await b.Network.LoadAsync();
        static Sale SaleBy(string id) => new(id, new MemberId(20), T0, Currency.CNY, [new SaleLine("p", "c", 1, new Money(100m, Currency.CNY))]);

        // The first quote's refresh reads the log and is held; member 20 is bound meanwhile; then a second quote is
        // called. The held refresh cannot have seen the binding, so the second quote must wait for one of its own.
        hold.Arm();
        var first = a.Network.QuoteAsync(a.Engine, SaleBy("S-first"));
        await hold.Read.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True((await b.Network.TryBindAsync(new MemberId(20), new MemberId(1), T0 + Duration.FromHours(1))).IsBound);
        var second = a.Network.QuoteAsync(a.Engine, SaleBy("S-second"));
        hold.Release();

        // The first quote is at least as fresh as its call: it may or may not see the binding (the second quote's
        // refresh can finish before the first quote reads the cache), so only its completion is asserted.
        await first;
        Assert.Equal(new MemberId(1), Assert.Single((await second).Lines).Beneficiary);
    }
}

public sealed class PostgresQuoteFreshnessTests(PostgresDatabase database) : QuoteFreshnessTests<PostgresDatabase>(database);

public sealed class RetryingPostgresQuoteFreshnessTests(RetryingPostgresDatabase database) : QuoteFreshnessTests<RetryingPostgresDatabase>(database);
