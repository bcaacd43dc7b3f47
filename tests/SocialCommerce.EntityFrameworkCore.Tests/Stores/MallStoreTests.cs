using NodaTime;
using SocialCommerce.EntityFrameworkCore.Points;
using SocialCommerce.Network;
using SocialCommerce.Points;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// The points mall on the database (issue 27, on the one command path): racing redemptions from two instances never
/// pass an item's quota or a member's limit and never take points without units; redemptions and their steps, each
/// delivered one to three times over two instances, answer exactly as the in-memory <see cref="MallStock"/> does.
/// </summary>
public abstract class MallStoreTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : StoreDatabase
{
    [SkippableFact]
    public async Task Racing_redemptions_from_two_instances_never_pass_the_quota_or_a_members_limit()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");

        // 20 members with 250 points each (two mugs' worth); the mug has 30 units, 2 a member, 100 points each.
        foreach (var m in Enumerable.Range(1, 20))
        {
            Assert.True((await a.Points.EarnAsync(new MemberId(m), new PointsEarning("gift", PointsSource.Grant, 250, T0, null, "ops", "launch"))).IsApplied);
        }

        // 2 instances x 4 workers, 60 redemptions of one unit (3 a member): exactly 30 succeed, at most 2 a member.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<(int Redemption, MallResult Result)>();
            for (var i = w; i < 60; i += 8)
            {
                mine.Add((i, await (w % 2 == 0 ? a : b).Mall.RedeemAsync("mug", $"M-{i}", new MemberId(1 + (i % 20)), 1, T0 + Duration.FromMinutes(1))));
            }

            return mine;
        })));
        var all = results.SelectMany(r => r).ToList();
        var redeemed = all.Where(r => r.Result.IsApplied).ToList();
        Assert.Equal(30, redeemed.Count);
        Assert.All(all.Where(r => !r.Result.IsApplied), r => Assert.Contains(r.Result.Refusal, new[] { MallRefusal.QuotaExhausted, MallRefusal.MemberLimitReached }));
        Assert.Equal(30, await a.Mall.CountTakenAsync("mug"));
        foreach (var m in Enumerable.Range(1, 20))
        {
            var member = new MemberId(m);
            var held = redeemed.Count(r => 1 + (r.Redemption % 20) == m);
            Assert.InRange(held, 0, 2);
            Assert.Equal(held, await b.Mall.CountTakenAsync("mug", member));
            var balance = await b.Points.GetBalanceAsync(member);
            Assert.Equal((250 - (100L * held), 100L * held), (balance.Available, balance.Reserved));
            Assert.True(balance.IsConserved);
        }

        // A resend of any redemption answers its first outcome.
        foreach (var (i, first) in all.Take(12))
        {
            var again = await b.Mall.RedeemAsync("mug", $"M-{i}", new MemberId(1 + (i % 20)), 1, T0 + Duration.FromMinutes(2));
            Assert.Equal(first.IsApplied ? PointsOutcome.Duplicate : PointsOutcome.Refused, again.Outcome);
        }
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Redemptions_and_steps_delivered_one_to_three_times_answer_as_the_in_memory_stock(int seed)
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        var stock = new MallStock(StoreHost.Mug);
        var wallets = Enumerable.Range(1, 5).ToDictionary(m => new MemberId(m), _ => new PointsWallet());
        var random = new Random(seed);
        var now = T0;
        var applied = new HashSet<string>();
        var lot = 0;
        for (var step = 0; step < 200; step++)
        {
            now += Duration.FromMinutes(random.Next(0, 90));
            var at = now;
            var member = new MemberId(random.Next(1, 6));
            var id = $"M-{random.Next(12)}";
            var owner = stock.Find(id)?.Member ?? member;
            var quantity = random.Next(1, 3);
            if (random.Next(5) == 0)
            {
                var earning = new PointsEarning($"L-{lot++}", PointsSource.Task, random.Next(50, 400), at);
                wallets[member].Earn(earning);
                Assert.True((await a.Points.EarnAsync(member, earning)).IsApplied);
                continue;
            }

            (string Name, Func<MallResult> InMemory, Func<StoredMall, Task<MallResult>> Stored) command = random.Next(5) switch
            {
                0 or 1 => ("redeem", () => stock.Redeem(id, member, quantity, wallets[member], at), s => s.RedeemAsync("mug", id, member, quantity, at)),
                2 => ("complete", () => stock.Complete(id, wallets[owner], at), s => s.CompleteAsync(id, at)),
                3 => ("cancel", () => stock.Cancel(id, wallets[owner], at), s => s.CancelAsync(id, at)),
                _ => ("refund", () => stock.Refund(id, wallets[owner], at), s => s.RefundAsync(id, at)),
            };

            var expected = command.InMemory();
            var deliveries = random.Next(1, 4);
            for (var d = 0; d < deliveries; d++)
            {
                var actual = await command.Stored(random.Next(2) == 0 ? a.Mall : b.Mall);
                var what = $"step {step}, {command.Name} {id}, delivery {d + 1}: expected {expected}, got {actual}";
                if (d == 0 || !expected.IsApplied)
                {
                    Assert.True(expected.Outcome == actual.Outcome && expected.Refusal == actual.Refusal, what);
                    Assert.Equal(expected.Wallet?.Entries ?? [], actual.Wallet?.Entries ?? []);
                }
                else
                {
                    Assert.True(actual.Outcome == PointsOutcome.Duplicate, what);
                }
            }

            if (expected.IsApplied)
            {
                applied.Add(command.Name);
            }
        }

        Assert.Equal(stock.Taken, await a.Mall.CountTakenAsync("mug"));
        foreach (var (member, wallet) in wallets)
        {
            Assert.Equal(stock.HeldBy(member), await b.Mall.CountTakenAsync("mug", member));
            Assert.Equal(wallet.GetBalance(), await a.Points.GetBalanceAsync(member));
        }

        for (var i = 0; i < 12; i++)
        {
            var expected = stock.Find($"M-{i}");
            var actual = await b.Mall.GetAsync($"M-{i}");
            Assert.Equal(expected?.ToString(), actual?.ToString());
            Assert.Equal((expected?.Price, expected?.ChangedAt), (actual?.Price, actual?.ChangedAt));
        }

        Assert.Superset(new HashSet<string> { "redeem", "complete", "cancel", "refund" }, applied);
    }

    [SkippableFact]
    public async Task An_unregistered_item_and_an_unknown_redemption_are_refused_naming_them()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => a.Mall.RedeemAsync("kettle", "M-1", new MemberId(1), 1, T0));
        Assert.Contains("'kettle' is not registered", error.Message, StringComparison.Ordinal);
        Assert.Equal(MallRefusal.UnknownRedemption, (await a.Mall.CompleteAsync("M-404", T0)).Refusal);
        Assert.Equal(MallRefusal.InsufficientPoints, (await a.Mall.RedeemAsync("mug", "M-1", new MemberId(1), 1, T0)).Refusal);
        Assert.Equal(0, await a.Mall.CountTakenAsync("mug"));
        Assert.Null(await a.Mall.GetAsync("M-1"));
    }
}

public sealed class SqliteMallStoreTests(SqliteDatabase database) : MallStoreTests<SqliteDatabase>(database);

public sealed class PostgresMallStoreTests(PostgresDatabase database) : MallStoreTests<PostgresDatabase>(database);

public sealed class RetryingSqliteMallStoreTests(RetryingSqliteDatabase database) : MallStoreTests<RetryingSqliteDatabase>(database);

public sealed class RetryingPostgresMallStoreTests(RetryingPostgresDatabase database) : MallStoreTests<RetryingPostgresDatabase>(database);
