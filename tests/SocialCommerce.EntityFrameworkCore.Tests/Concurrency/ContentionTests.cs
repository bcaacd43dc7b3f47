using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Concurrency;

/// <summary>
/// Once armed, runs an action (another instance's command) just before the next transaction of the instance it is
/// added to begins: after that instance loaded what it decides from, before it writes — the window a rival wins.
/// </summary>
public sealed class BeforeTransaction(Func<Task> action) : DbTransactionInterceptor
{
    private int _armed;

    public bool HasRun { get; private set; }

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            await action();
            HasRun = true;
        }

        return result;
    }
}

/// <summary>
/// Once armed, runs an action (another instance's command) right after the first read of the next command of the
/// instance it is added to: before its second command or its transaction, whichever comes first. Between two reads of
/// one command, read-committed shows the second read a newer state than the first.
/// </summary>
public sealed class AfterFirstRead(Func<Task> action) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private int _seen = -1;

    public bool HasRun { get; private set; }

    public void Arm() => Interlocked.Exchange(ref _seen, 0);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await AfterAsync(isCommand: true);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await AfterAsync(isCommand: true);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await AfterAsync(isCommand: false);
        return result;
    }

    // -1: not armed; 0: armed, waiting for the first read; 1: the first read ran, the next step runs the action first.
    private async Task AfterAsync(bool isCommand)
    {
        if (isCommand && Interlocked.CompareExchange(ref _seen, 1, 0) == 0)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _seen, -1, 1) == 1)
        {
            await action();
            HasRun = true;
        }
    }
}

/// <summary>Once armed, fails every query as a timeout would (a transient failure the store retries).</summary>
public sealed class TimingOut : DbCommandInterceptor
{
    private int _armed;

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _armed) == 1 ? throw new TimeoutException("injected: the query timed out") : ValueTask.FromResult(result);
}

/// <summary>
/// Under load (issue 32) and no hot rows (issue 25): sales crediting the same accounts never conflict, commands of one
/// instance on one key wait their turn instead of racing, and a conflict the store handles is logged once at Debug —
/// never as an error by the SDK or by EF Core.
/// </summary>
public abstract class ContentionTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private const int ConflictRetried = 1401;
    private static readonly Instant T0 = StoreHost.T0;

    [SkippableFact]
    public async Task Sales_from_two_instances_crediting_the_same_accounts_beside_batches_all_apply_without_one_conflict()
    {
        database.SkipUnlessAvailable();
        var logs = new CapturedLogs();
        StoreHost.Logs = logs;
        // 64 posters share 16 connections per instance, as a shop's bounded pool would.
        var db = database.WithPoolSize(await database.CreateDatabaseAsync(), 16);
        await using var a = await StoreHost.StartAsync(database, db, "hot-a");
        await using var b = await StoreHost.StartAsync(database, db, "hot-b");
        await a.Network.RegisterAsync(new MemberId(1), null, T0);
        await a.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        await a.Network.RegisterAsync(new MemberId(3), new MemberId(2), T0);
        await b.Network.RefreshAsync();

        // Every sale is bought by member 3: it credits members 2 and 1, the same two accounts every time.
        var sales = new List<LedgerSale>();
        for (var i = 0; i < 640; i++)
        {
            var sale = new Sale($"S-{i}", new MemberId(3), T0 + Duration.FromSeconds(i), Currency.CNY, [new SaleLine("p", "c", 1, new Money(10m + i % 97 + 0.01m * (i % 89), Currency.CNY))]);
            sales.Add(LedgerSale.FromQuote(sale, a.Engine.Quote(sale, a.Network), a.Engine.Plan));
        }

        var batches = new List<LedgerSale>();
        for (var i = 0; i < 300; i++)
        {
            var sale = new Sale($"B-{i}", new MemberId(3), T0 + Duration.FromSeconds(i), Currency.CNY, [new SaleLine("p", "c", 1, new Money(20m + i % 13, Currency.CNY))]);
            batches.Add(LedgerSale.FromQuote(sale, a.Engine.Quote(sale, a.Network), a.Engine.Plan));
        }

        // 64 posters (32 per instance) and a job posting batches of 100 sales beside them.
        var next = -1;
        var start = new TaskCompletionSource();
        var posters = Enumerable.Range(0, 64).Select(w => Task.Run(async () =>
        {
            await start.Task;
            int i;
            while ((i = Interlocked.Increment(ref next)) < sales.Count)
            {
                Assert.True((await (w % 2 == 0 ? a : b).Ledger.PostAsync(sales[i])).IsApplied);
            }
        })).ToList();
        posters.Add(Task.Run(async () =>
        {
            await start.Task;
            foreach (var chunk in batches.Chunk(100))
            {
                Assert.All(await a.Ledger.PostManyAsync(chunk), r => Assert.True(r.IsApplied));
            }
        }));
        start.SetResult();
        await Task.WhenAll(posters);

        var memory = new CommissionLedger(StoreHost.LedgerOptions);
        foreach (var sale in sales.Concat(batches))
        {
            memory.Post(sale);
        }

        foreach (var member in new[] { 1L, 2L })
        {
            Assert.Equal(memory.GetBalance(new MemberId(member), Currency.CNY), await b.Ledger.GetBalanceAsync(new MemberId(member), Currency.CNY));
        }

        Assert.DoesNotContain(logs.Entries, e => e.Id.Id == ConflictRetried);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [SkippableFact]
    public async Task Withdrawals_on_one_account_in_one_instance_wait_their_turn_instead_of_conflicting()
    {
        database.SkipUnlessAvailable();
        var logs = new CapturedLogs();
        StoreHost.Logs = logs;
        var db = database.WithPoolSize(await database.CreateDatabaseAsync(), 16);
        await using var a = await StoreHost.StartAsync(database, db, "turns");
        await FundMemberOneAsync(a);
        var member = new MemberId(1);
        var before = (await a.Ledger.GetBalanceAsync(member, Currency.CNY)).Available;

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() =>
            a.Ledger.WithdrawAsync(new LedgerWithdrawal($"W-{i}", member, new Money(1m, Currency.CNY), T0 + Duration.FromDays(9))))));

        Assert.All(results, r => Assert.Equal(LedgerOutcome.Applied, r.Result.Outcome));
        Assert.Equal(before - new Money(32m, Currency.CNY), (await a.Ledger.GetBalanceAsync(member, Currency.CNY)).Available);
        Assert.DoesNotContain(logs.Entries, e => e.Id.Id == ConflictRetried);
    }

    [SkippableFact]
    public async Task A_join_racing_another_instances_join_lines_up_behind_it_and_decides_on_the_latest_without_a_retry()
    {
        database.SkipUnlessAvailable();
        var logs = new CapturedLogs();
        StoreHost.Logs = logs;
        var db = await database.CreateDatabaseAsync();
        await using var b = await StoreHost.StartAsync(database, db, "race-b");
        var rival = new BeforeTransaction(async () => Assert.True((await b.Groups.JoinAsync(new GroupBuyId(1), new MemberId(9), T0 + Duration.FromMinutes(1))).IsAccepted));
        await using var a = await StoreHost.StartAsync(database, db, "race-a", null, rival);
        Assert.True((await b.Groups.OpenAsync(new GroupBuyId(1), "five", new MemberId(1), T0)).IsAccepted);
        Assert.True((await a.Groups.JoinAsync(new GroupBuyId(1), new MemberId(4), T0 + Duration.FromMinutes(1))).IsAccepted); // a keeps the group
        rival.Arm();

        // b's join commits as a's begins: a takes the group's lock after it and reads what b appended since a's last join.
        var joined = await a.Groups.JoinAsync(new GroupBuyId(1), new MemberId(5), T0 + Duration.FromMinutes(2));

        Assert.True(rival.HasRun);
        Assert.True(joined.IsAccepted, joined.ToString());
        Assert.Equal(4, Assert.IsType<MemberJoined>(Assert.Single(joined.Events)).Participants);
        Assert.DoesNotContain(logs.Entries, e => e.Id.Id == ConflictRetried);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [SkippableFact]
    public async Task A_withdrawal_that_loses_the_race_for_its_account_retries_quietly()
    {
        database.SkipUnlessAvailable();
        var logs = new CapturedLogs();
        StoreHost.Logs = logs;
        var db = await database.CreateDatabaseAsync();
        await using var b = await StoreHost.StartAsync(database, db, "acct-b");
        var rival = new BeforeTransaction(async () => Assert.Equal(LedgerOutcome.Applied, (await b.Ledger.WithdrawAsync(new LedgerWithdrawal("W-b", new MemberId(1), new Money(2m, Currency.CNY), T0 + Duration.FromDays(9)))).Result.Outcome));
        await using var a = await StoreHost.StartAsync(database, db, "acct-a", null, rival);
        await FundMemberOneAsync(b);
        var before = (await b.Ledger.GetBalanceAsync(new MemberId(1), Currency.CNY)).Available;
        rival.Arm();

        var mine = await a.Ledger.WithdrawAsync(new LedgerWithdrawal("W-a", new MemberId(1), new Money(3m, Currency.CNY), T0 + Duration.FromDays(9)));

        Assert.True(rival.HasRun);
        Assert.Equal(LedgerOutcome.Applied, mine.Result.Outcome);
        Assert.Equal(before - new Money(5m, Currency.CNY), (await a.Ledger.GetBalanceAsync(new MemberId(1), Currency.CNY)).Available);
        Assert.Contains(logs.Entries, e => e.Id.Id == ConflictRetried && e.Level == LogLevel.Debug && e.Message.Contains("W-a", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [SkippableFact]
    public async Task A_review_decided_between_two_reads_of_a_rival_review_is_refused_from_one_consistent_state()
    {
        // The account and the withdrawal are read in one statement: a rejection committed between two separate reads
        // once showed a requested withdrawal that the account no longer held (CorruptStateException).
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        await using var b = await StoreHost.StartAsync(database, db, "review-b");
        var rival = new AfterFirstRead(async () => Assert.True((await b.Ledger.RejectWithdrawalAsync(new MemberId(1), Currency.CNY, "W-1", "review")).IsApplied));
        await using var a = await StoreHost.StartAsync(database, db, "review-a", null, rival);
        await FundMemberOneAsync(b);
        var before = (await b.Ledger.GetBalanceAsync(new MemberId(1), Currency.CNY)).Available;
        Assert.True((await b.Ledger.RequestWithdrawalAsync(new LedgerWithdrawal("W-1", new MemberId(1), new Money(9m, Currency.CNY), T0 + Duration.FromDays(9)))).IsApplied);
        rival.Arm();

        var approved = await a.Ledger.ApproveWithdrawalAsync(new MemberId(1), Currency.CNY, "W-1");

        Assert.True(rival.HasRun);
        Assert.Equal(LedgerRefusal.WithdrawalStateConflict, approved.Refusal);
        Assert.Equal(WithdrawalStatus.Rejected, (await a.Ledger.GetWithdrawalAsync(new MemberId(1), Currency.CNY, "W-1"))!.Status);
        Assert.Equal(Money.Zero(Currency.CNY), await a.Ledger.GetInWithdrawalAsync(new MemberId(1), Currency.CNY));
        Assert.Equal(before, (await a.Ledger.GetBalanceAsync(new MemberId(1), Currency.CNY)).Available);
    }

    [SkippableFact]
    public async Task An_earning_that_would_take_booked_past_the_64_bit_range_is_refused_whole_on_the_delta_path()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        await using var a = await StoreHost.StartAsync(database, db, "edge");
        await a.Network.RegisterAsync(new MemberId(1), null, T0);
        await a.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        await a.SellAsync("S-0", 2, 100m, T0);
        await using (var context = Open(db))
        {
            var row = await context.Set<AccountRow>().SingleAsync(r => r.MemberId == 1);
            row.Booked = long.MaxValue - 500;
            await context.SaveChangesAsync();
        }

        var sale = new Sale("S-1", new MemberId(2), T0, Currency.CNY, [new SaleLine("p", "c", 1, new Money(100m, Currency.CNY))]);
        var error = await Assert.ThrowsAsync<OverflowException>(() => a.Ledger.PostAsync(LedgerSale.FromQuote(sale, a.Engine.Quote(sale, a.Network), a.Engine.Plan)));
        Assert.Contains("post sale 'S-1'", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await a.Ledger.GetSaleAsync("S-1"));
        await using (var context = Open(db))
        {
            Assert.Equal(long.MaxValue - 500, (await context.Set<AccountRow>().SingleAsync(r => r.MemberId == 1)).Booked);
            Assert.Equal(1, await context.Set<EntryRow>().CountAsync());
        }
    }

    [SkippableFact]
    public async Task Retries_stop_at_the_retry_timeout_before_the_attempts_run_out()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var timingOut = new TimingOut();
        await using var a = await StoreHost.StartAsync(
            database,
            db,
            "slow",
            o =>
            {
                o.MaxAttempts = 100;
                o.RetryDelay = TimeSpan.FromMilliseconds(50);
                o.RetryTimeout = TimeSpan.FromMilliseconds(400);
            },
            timingOut);
        timingOut.Arm();

        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => a.Ledger.GetBalanceAsync(new MemberId(1), Currency.CNY));

        // Waits of 50, 100, 200 ms (each jittered to 50–150 %) fit in 400 ms: a few attempts, never the 100 allowed.
        Assert.InRange(error.Attempts, 2, 6);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), started.Elapsed.ToString());
    }

    // Member 1 earns 10% of a 1,000.00 sale by member 2, released: 100.00 available.
    private static async Task FundMemberOneAsync(StoreHost shop)
    {
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        await shop.SellAsync("S-fund", 2, 1000m, T0);
        await shop.Ledger.CompleteAsync("S-fund", T0);
        Assert.Single(await shop.Ledger.ReleaseDueAsync(T0 + Duration.FromDays(8)));
    }

    private SocialCommerceDbContext Open(string connectionString) => StoreHost.OpenContext(database, connectionString);
}

public sealed class SqliteContentionTests(SqliteDatabase database) : ContentionTests<SqliteDatabase>(database);

public sealed class PostgresContentionTests(PostgresDatabase database) : ContentionTests<PostgresDatabase>(database);

public sealed class RetryingPostgresContentionTests(RetryingPostgresDatabase database) : ContentionTests<RetryingPostgresDatabase>(database);
