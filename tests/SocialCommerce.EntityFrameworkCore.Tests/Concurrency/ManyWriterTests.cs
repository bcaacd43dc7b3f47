using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Concurrency;

/// <summary>
/// Two instances (two hosts, each with its own connection pool) with several workers each, racing on the same rows.
/// Afterwards the database must equal what the in-memory engines give when fed the accepted commands in the
/// database's commit order.
/// </summary>
public abstract class ManyWriterTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private const int WorkersPerInstance = 4;
    private static readonly Instant T0 = StoreHost.T0;

    [SkippableFact]
    public async Task Joins_of_the_same_groups_from_two_instances_never_over_fill_a_group_and_every_accepted_join_is_stored()
    {
        var (a, b, db) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        var groups = Enumerable.Range(1, 3).Select(i => new GroupBuyId(i)).ToArray();
        foreach (var g in groups)
        {
            Assert.True((await a.Groups.OpenAsync(g, "five", new MemberId(1000 + g.Value), T0)).IsAccepted);
        }

        var accepted = new System.Collections.Concurrent.ConcurrentBag<(long Group, long Member)>();
        await RaceAsync(a, b, 40, async (shop, i) =>
        {
            foreach (var g in groups.OrderBy(x => (x.Value * 7919 + i) % 13))
            {
                var result = await shop.Groups.JoinAsync(g, new MemberId(i + 1), T0 + Duration.FromMinutes(1));
                if (result.IsAccepted)
                {
                    accepted.Add((g.Value, i + 1));
                }
                else
                {
                    Assert.Contains(result.Refusal, new[] { GroupBuyRefusal.GroupFull, GroupBuyRefusal.AlreadyFormed });
                }
            }
        });

        await using var context = Open(db);
        foreach (var g in groups)
        {
            var group = await a.Groups.GetAsync(g);
            Assert.Equal(GroupBuyStatus.Formed, group!.Status);
            Assert.Equal(5, group.ParticipantCount);
            var stored = group.GetParticipants().Where(m => m.Value < 1000).Select(m => m.Value).Order().ToArray();
            Assert.Equal(accepted.Where(x => x.Group == g.Value).Select(x => x.Member).Order().ToArray(), stored);
            var versions = await context.Set<GroupEventRow>().Where(e => e.GroupId == g.Value).Select(e => e.Version).OrderBy(v => v).ToListAsync();
            Assert.Equal(Enumerable.Range(1, versions.Count).Select(v => (long)v), versions);
        }
    }

    [SkippableFact]
    public async Task The_same_sales_posted_and_refunded_from_two_instances_are_booked_once_and_reversed_once()
    {
        var (a, b, db) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        await RegisterChainAsync(a);
        var sales = new List<LedgerSale>();
        for (var s = 0; s < 12; s++)
        {
            var sale = new Sale($"S-{s}", new MemberId(3), T0 + Duration.FromMinutes(s), Currency.CNY, [new SaleLine("p", "c", 1, new Money(100m + s * 3.33m, Currency.CNY))]);
            sales.Add(LedgerSale.FromQuote(sale, await a.Network.QuoteAsync(a.Engine, sale), a.Engine.Plan));
        }

        var applied = new int[sales.Count];
        var refunded = new int[sales.Count];
        await RaceAsync(a, b, sales.Count * 4, async (shop, i) =>
        {
            var k = i % sales.Count;
            var result = await shop.Ledger.PostAsync(sales[k]);
            Assert.NotEqual(LedgerOutcome.Refused, result.Outcome);
            if (result.IsApplied)
            {
                Interlocked.Increment(ref applied[k]);
            }
        });
        await RaceAsync(a, b, sales.Count * 4, async (shop, i) =>
        {
            var k = i % sales.Count;
            var result = await shop.Ledger.RefundAsync(LedgerRefund.ForAmount($"R-{k}", $"S-{k}", T0 + Duration.FromHours(1), new Money(50m, Currency.CNY)));
            if (result.IsApplied)
            {
                Interlocked.Increment(ref refunded[k]);
            }
        });

        Assert.All(applied, n => Assert.Equal(1, n));
        Assert.All(refunded, n => Assert.Equal(1, n));
        var memory = new CommissionLedger(StoreHost.LedgerOptions);
        foreach (var (sale, k) in sales.Select((s, k) => (s, k)))
        {
            memory.Post(sale);
            memory.Refund(LedgerRefund.ForAmount($"R-{k}", $"S-{k}", T0 + Duration.FromHours(1), new Money(50m, Currency.CNY)));
        }

        await AssertBalancesEqualAsync(memory, b.Ledger);
        await using var context = Open(db);
        Assert.Equal(sales.Count * 2 * 2, await context.Set<EntryRow>().CountAsync());
    }

    [SkippableFact]
    public async Task Withdrawals_from_the_same_account_on_two_instances_never_take_more_than_available_and_charge_each_fee_once()
    {
        var (a, b, db) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        await RegisterChainAsync(a);
        var memory = new CommissionLedger(StoreHost.LedgerOptions);
        var (sale, _) = await a.SellAsync("S-w", buyer: 3, amount: 1000m, T0);
        memory.Post(sale);
        await a.Ledger.CompleteAsync("S-w", T0 + Duration.FromHours(1));
        memory.Complete("S-w", T0 + Duration.FromHours(1));
        await b.Ledger.ReleaseDueAsync(T0 + Duration.FromDays(8));
        memory.Release(T0 + Duration.FromDays(8));

        // Member 2 has ¥100.00 available: 30 withdrawals of ¥9.00 race for it; exactly 11 fit.
        var accepted = new System.Collections.Concurrent.ConcurrentBag<int>();
        await RaceAsync(a, b, 30, async (shop, i) =>
        {
            var result = await shop.Ledger.WithdrawAsync(new LedgerWithdrawal($"W-{i}", new MemberId(2), new Money(9m, Currency.CNY), T0 + Duration.FromDays(9)));
            if (result.Result.IsApplied)
            {
                accepted.Add(i);
            }
            else
            {
                Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, result.Result.Refusal);
            }
        });

        Assert.Equal(11, accepted.Count);
        await using var context = Open(db);
        var order = await context.Set<EntryRow>().Where(e => e.Kind == "Withdrawal").OrderBy(e => e.PostingId).Select(e => e.PostingId).ToListAsync();
        foreach (var id in order) // every withdrawal is ¥9.00: their order does not change the balances
        {
            // Posting ids name the account: withdrawal:{member}:{currency}:{withdrawal id}.
            Assert.True(memory.Withdraw(new LedgerWithdrawal(id.Split(':', 4)[3], new MemberId(2), new Money(9m, Currency.CNY), T0 + Duration.FromDays(9))).Result.IsApplied);
        }

        await AssertBalancesEqualAsync(memory, a.Ledger);
        var balance = await a.Ledger.GetBalanceAsync(new MemberId(2), Currency.CNY);
        Assert.Equal(new Money(1m, Currency.CNY), balance.Available);
        Assert.Equal(new Money(11 * 0.09m, Currency.CNY), balance.WithdrawalFees);
    }

    [SkippableFact]
    public async Task Review_decisions_racing_on_two_instances_apply_exactly_one_and_requests_never_take_more_than_available()
    {
        var (a, b, _) = await TwoInstancesAsync();
        await using var _a = a;
        await using var _b = b;
        await RegisterChainAsync(a);
        await a.SellAsync("S-r", buyer: 3, amount: 1000m, T0);
        await a.Ledger.CompleteAsync("S-r", T0);
        await a.Ledger.ReleaseDueAsync(T0 + Duration.FromDays(8));

        // 20 requests of ¥9.00 against ¥100.00 available: 11 fit, in withdrawal.
        var requested = new System.Collections.Concurrent.ConcurrentBag<string>();
        await RaceAsync(a, b, 20, async (shop, i) =>
        {
            if ((await shop.Ledger.RequestWithdrawalAsync(new LedgerWithdrawal($"W-{i}", new MemberId(2), new Money(9m, Currency.CNY), T0 + Duration.FromDays(9)))).IsApplied)
            {
                requested.Add($"W-{i}");
            }
        });
        Assert.Equal(11, requested.Count);
        Assert.Equal(new Money(99m, Currency.CNY), await b.Ledger.GetInWithdrawalAsync(new MemberId(2), Currency.CNY));

        // For each, an approval on one instance races a rejection on the other: exactly one decides it.
        var ids = requested.Order().ToArray();
        var applied = new int[ids.Length];
        await RaceAsync(a, b, ids.Length * 2, async (shop, i) =>
        {
            var id = ids[i / 2];
            var result = i % 2 == 0 ? await shop.Ledger.ApproveWithdrawalAsync(new MemberId(2), Currency.CNY, id) : await shop.Ledger.RejectWithdrawalAsync(new MemberId(2), Currency.CNY, id, "review");
            if (result.IsApplied)
            {
                Interlocked.Increment(ref applied[i / 2]);
            }
            else
            {
                Assert.Equal(LedgerRefusal.WithdrawalStateConflict, result.Refusal);
            }
        });

        Assert.All(applied, n => Assert.Equal(1, n));
        var approved = 0;
        foreach (var id in ids)
        {
            approved += (await a.Ledger.GetWithdrawalAsync(new MemberId(2), Currency.CNY, id))!.Status == WithdrawalStatus.Approved ? 1 : 0;
        }

        var balance = await b.Ledger.GetBalanceAsync(new MemberId(2), Currency.CNY);
        Assert.Equal(new Money(approved * 9m, Currency.CNY), await b.Ledger.GetInWithdrawalAsync(new MemberId(2), Currency.CNY));
        Assert.Equal(new Money(100m - approved * 9m, Currency.CNY), balance.Available);
    }

    [SkippableFact]
    public async Task Opposite_bindings_on_two_instances_never_make_a_cycle_and_each_outcome_is_recorded()
    {
        var (a, b, db) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        const int Pairs = 16;
        for (var p = 0; p < Pairs; p++)
        {
            await a.Network.RegisterAsync(new MemberId(100 + p), null, T0);
            await b.Network.RegisterAsync(new MemberId(200 + p), null, T0);
        }

        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<(int Pair, bool Forward), BindingResult>();
        await RaceAsync(a, b, Pairs * 2, async (shop, i) =>
        {
            var p = i / 2;
            var forward = i % 2 == 0;
            var (member, referrer) = forward ? (100 + p, 200 + p) : (200 + p, 100 + p);
            outcomes[(p, forward)] = await shop.Network.TryBindAsync(new MemberId(member), new MemberId(referrer), T0 + Duration.FromMinutes(1));
        });

        for (var p = 0; p < Pairs; p++)
        {
            var both = new[] { outcomes[(p, true)], outcomes[(p, false)] };
            Assert.Single(both, r => r.IsBound);
            Assert.Single(both, r => r.Refusal == BindingRefusalReason.Cycle);
        }

        // A new instance restores the network from its state: no cycle (a cycle would not restore), and it equals an
        // in-memory network fed the log in commit order.
        await using var c = await StoreHost.StartAsync(database, db, "c");
        var memory = new ReferralNetwork();
        await using var context = Open(db);
        foreach (var row in await context.Set<SocialCommerce.EntityFrameworkCore.Network.BindingRow>().OrderBy(r => r.Sequence).ToListAsync())
        {
            if (row.IsRegistration)
            {
                memory.AddMember(new MemberId(row.MemberId), Instant.FromUnixTimeTicks(row.At));
            }
            else
            {
                Assert.True(memory.TryBind(new MemberId(row.MemberId), new MemberId(row.ReferrerId!.Value), Instant.FromUnixTimeTicks(row.At)).IsBound);
            }
        }

        Assert.Equal(memory.ToSnapshot().Members.OrderBy(m => m.Member).ToArray(), c.Network.ToSnapshot().Members.OrderBy(m => m.Member).ToArray());
        Assert.Equal(Pairs * 3, c.Network.Sequence);
    }

    private async Task<(StoreHost A, StoreHost B, string Db)> TwoInstancesAsync()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var a = await StoreHost.StartAsync(database, db, "instance-a");
        var b = await StoreHost.StartAsync(database, db, "instance-b");
        return (a, b, db);
    }

    private static async Task RegisterChainAsync(StoreHost shop)
    {
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        await shop.Network.RegisterAsync(new MemberId(3), new MemberId(2), T0);
    }

    // Runs `count` commands on WorkersPerInstance workers per instance, command i on instance i % 2.
    private static async Task RaceAsync(StoreHost a, StoreHost b, int count, Func<StoreHost, int, Task> command)
    {
        var next = -1;
        var start = new TaskCompletionSource();
        var workers = Enumerable.Range(0, WorkersPerInstance * 2).Select(w => Task.Run(async () =>
        {
            await start.Task;
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await command(i % 2 == 0 ? a : b, i);
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(workers);
    }

    private static async Task AssertBalancesEqualAsync(CommissionLedger memory, StoredCommissionLedger stored)
    {
        var all = await stored.GetBalancesAsync();
        Assert.NotEmpty(all);
        foreach (var balance in all)
        {
            Assert.Equal(memory.GetBalance(balance.Member, balance.Currency), balance);
        }
    }

    private SocialCommerceDbContext Open(string connectionString) => StoreHost.OpenContext(database, connectionString);
}

public sealed class SqliteManyWriterTests(SqliteDatabase database) : ManyWriterTests<SqliteDatabase>(database);

public sealed class PostgresManyWriterTests(PostgresDatabase database) : ManyWriterTests<PostgresDatabase>(database);

public sealed class RetryingSqliteManyWriterTests(RetryingSqliteDatabase database) : ManyWriterTests<RetryingSqliteDatabase>(database);

public sealed class RetryingPostgresManyWriterTests(RetryingPostgresDatabase database) : ManyWriterTests<RetryingPostgresDatabase>(database);
