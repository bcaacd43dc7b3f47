using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// <see cref="StoredCommissionLedger.QuoteAndPostAsync"/>: quoted from the network's cache without reading the log,
/// posted only if the log has nothing the cache lacks (checked in the posting's own round trip), quoted again otherwise.
/// </summary>
public abstract class QuoteAndPostTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : StoreDatabase
{
    private static Sale SaleBy(string id, long buyer) =>
        new(id, new MemberId(buyer), T0 + Duration.FromHours(2), Currency.CNY, [new SaleLine("p", "c", 1, new Money(100m, Currency.CNY))]);

    [SkippableFact]
    public async Task A_binding_another_instance_committed_after_this_cache_was_read_is_in_the_posted_earnings()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a", o => o.NetworkFreshness = Duration.FromHours(1));
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        await a.Network.RegisterAsync(new MemberId(1), null, T0);
        await a.Network.RegisterAsync(new MemberId(20), null, T0);
        await b.Network.LoadAsync();
        Assert.True((await b.Network.TryBindAsync(new MemberId(20), new MemberId(1), T0 + Duration.FromHours(1))).IsBound);

        // Instance a's cache (fresh for an hour by its options) does not hold the binding; the posting must.
        var sequenceBefore = a.Network.Sequence;
        var result = await a.Ledger.QuoteAndPostAsync(a.Network, a.Engine, SaleBy("S-1", 20));

        Assert.True(result.IsApplied);
        var earning = Assert.Single(result.Postings);
        Assert.Equal(new MemberId(1), earning.Member);
        Assert.Equal(1_000, earning.MinorUnits);
        Assert.True(a.Network.Sequence > sequenceBefore);
        Assert.Equal(10m, (await a.Ledger.GetBalanceAsync(new MemberId(1), Currency.CNY)).Pending.Amount);
    }

    [SkippableFact]
    public async Task A_posting_refused_for_a_stale_cache_writes_nothing_and_a_resend_is_a_duplicate()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a", o => o.NetworkFreshness = Duration.FromHours(1));
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        await a.Network.RegisterAsync(new MemberId(1), null, T0);
        await a.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        await a.Network.RegisterAsync(new MemberId(30), new MemberId(2), T0);
        await b.Network.LoadAsync();
        await b.Network.RegisterAsync(new MemberId(40), null, T0); // the log moves; the sale's upline does not

        var first = await a.Ledger.QuoteAndPostAsync(a.Network, a.Engine, SaleBy("S-2", 30));
        var again = await b.Ledger.QuoteAndPostAsync(b.Network, b.Engine, SaleBy("S-2", 30));

        Assert.True(first.IsApplied);
        Assert.Equal(LedgerOutcome.Duplicate, again.Outcome);
        Assert.Equal([new MemberId(2), new MemberId(1)], first.Postings.Select(p => p.Member));
        await using var context = OpenContext(db);
        Assert.Equal(1, await context.Set<SaleRow>().CountAsync());
        Assert.Equal(2, await context.Set<EntryRow>().CountAsync());
    }

    [SkippableFact]
    public async Task A_posting_from_a_fresh_cache_is_one_transaction_and_two_round_trips()
    {
        var db = await NewDatabaseAsync();
        var counter = new RoundTripCounter();
        await using var shop = await StoreHost.StartAsync(Database, db, "a", null, counter);
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);

        counter.Reset();
        Assert.True((await shop.Ledger.QuoteAndPostAsync(shop.Network, shop.Engine, SaleBy("S-3", 2))).IsApplied);

        Assert.Equal(1, counter.Transactions);
        Assert.Equal(1, counter.Commands);
    }
}

public sealed class SqliteQuoteAndPostTests(SqliteDatabase database) : QuoteAndPostTests<SqliteDatabase>(database);

public sealed class PostgresQuoteAndPostTests(PostgresDatabase database) : QuoteAndPostTests<PostgresDatabase>(database);

public sealed class RetryingSqliteQuoteAndPostTests(RetryingSqliteDatabase database) : QuoteAndPostTests<RetryingSqliteDatabase>(database);

public sealed class RetryingPostgresQuoteAndPostTests(RetryingPostgresDatabase database) : QuoteAndPostTests<RetryingPostgresDatabase>(database);
