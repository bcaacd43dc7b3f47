using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Points;
using SocialCommerce.Network;
using SocialCommerce.Points;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// Points wallets on the database (issue 27, on the one command path of issue 25): random streams of every wallet
/// command, each delivered one to three times and spread over two instances, get from <see cref="StoredPoints"/>
/// exactly the answers the in-memory <see cref="PointsWallet"/> gives with single delivery; racing reservations never
/// spend more than is available; the expiry job settles exactly the wallets due.
/// </summary>
public abstract class PointsStoreTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : StoreDatabase
{
    private static readonly MemberId[] Members = [new(1), new(2)];
    private static readonly SignInRule SignIn = new(5, DateTimeZoneProviders.Tzdb["Asia/Shanghai"], streakDays: 2, streakBonus: 3);
    private static readonly PointsTaskRule Review = new("review", 20, dailyCap: 1, totalCap: 3);

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Every_wallet_command_delivered_one_to_three_times_answers_as_the_in_memory_wallet(int seed)
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        var memory = Members.ToDictionary(m => m, _ => new PointsWallet());
        var random = new Random(seed);
        var now = T0;
        var applied = new HashSet<string>();
        for (var step = 0; step < 320; step++)
        {
            now += Duration.FromHours(random.Next(0, 30));
            var member = Members[random.Next(Members.Length)];
            var lot = $"L-{random.Next(6)}";
            var order = $"O-{random.Next(4)}";
            var points = random.Next(3) == 0 ? random.Next(1, 2_000) : random.Next(1, 200);
            var source = (PointsSource)random.Next(6);
            var at = now;
            var lotNumber = int.Parse(lot[2..], System.Globalization.CultureInfo.InvariantCulture);
            var earning = new PointsEarning(lot, (PointsSource)(lotNumber % 6), 100 + lotNumber * 37, T0 + Duration.FromHours(lotNumber), lotNumber % 3 == 0 ? PointsExpiry.AfterDays(5 + lotNumber) : null, lotNumber % 6 == 5 ? "ops" : null, lotNumber % 6 == 5 ? "goodwill" : null);
            var refund = $"R-{random.Next(3)}";
            var takeBack = $"T-{random.Next(4)}";
            var policy = random.Next(2) == 0 ? PointsClawback.CarryAsDebt : PointsClawback.CapAtAvailable;
            var window = Duration.FromDays(random.Next(0, 8));
            var completion = $"done-{random.Next(5)}";
            (string Name, Func<PointsWallet, PointsResult> InMemory, Func<StoredPoints, Task<PointsResult>> Stored) command = random.Next(11) switch
            {
                9 => ("sign in", w => w.SignIn(SignIn, at), s => s.SignInAsync(member, SignIn, at)),
                10 => ("task", w => w.CompleteTask(Review, completion, at), s => s.CompleteTaskAsync(member, Review, completion, at)),
                0 or 1 => ("earn", w => w.Earn(earning), s => s.EarnAsync(member, earning)),
                2 => ("complete", w => w.CompletePurchase(lot, at, window), s => s.CompletePurchaseAsync(member, lot, at, window)),
                3 or 4 => ("reserve", w => w.Reserve(order, points, at), s => s.ReserveAsync(member, order, points, at)),
                5 => ("commit", w => w.Commit(order, at), s => s.CommitAsync(member, order, at)),
                6 => ("release", w => w.Release(order, at), s => s.ReleaseAsync(member, order, at)),
                7 => ("return", w => w.Return(order, refund, 1 + (points % 60), at), s => s.ReturnAsync(member, order, refund, 1 + (points % 60), at)),
                _ => random.Next(2) == 0
                    ? ("take back", w => w.TakeBack(takeBack, lot, points, at, policy), s => s.TakeBackAsync(member, takeBack, lot, points, at, policy))
                    : ("expire", w => w.ExpireDue(at), s => s.ExpireDueAsync(member, at)),
            };

            var expected = command.InMemory(memory[member]);
            var deliveries = random.Next(1, 4);
            for (var d = 0; d < deliveries; d++)
            {
                var actual = await command.Stored(random.Next(2) == 0 ? a.Points : b.Points);
                var what = $"step {step}, {command.Name} for {member}, delivery {d + 1}: expected {expected}, got {actual}";
                if (d == 0 || !expected.IsApplied)
                {
                    Assert.True(expected.Outcome == actual.Outcome && expected.Refusal == actual.Refusal, what);
                    Assert.Equal(expected.Entries, actual.Entries);
                }
                else
                {
                    // A resend of an applied command answers Duplicate (an expiry resent finds nothing due).
                    Assert.True(actual.Outcome == PointsOutcome.Duplicate, what);
                }
            }

            if (expected.IsApplied)
            {
                applied.Add(command.Name);
            }
        }

        foreach (var member in Members)
        {
            var stored = await a.Points.GetWalletAsync(member);
            Assert.Equal(memory[member].GetBalance(), stored.GetBalance());
            Assert.Equal(memory[member].Version, stored.Version);
            Assert.Equal(memory[member].GetLots(), stored.GetLots());
        }

        // The streams reach every command, not only the easy ones.
        var missing = new[] { "earn", "complete", "reserve", "commit", "release", "return", "take back", "sign in", "task" }.Except(applied);
        Assert.True(!missing.Any(), $"never applied: {string.Join(", ", missing)}");
    }

    [SkippableFact]
    public async Task Racing_reservations_from_two_instances_never_spend_more_than_is_available()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        var member = new MemberId(7);
        Assert.True((await a.Points.EarnAsync(member, new PointsEarning("L-1", PointsSource.Task, 1_000, T0))).IsApplied);

        // 2 instances x 4 workers, 40 reservations of 37 points each, for 1,000 points: exactly 27 fit.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<PointsResult>();
            for (var i = w; i < 40; i += 8)
            {
                mine.Add(await (w % 2 == 0 ? a : b).Points.ReserveAsync(member, $"O-{i}", 37, T0 + Duration.FromMinutes(1)));
            }

            return mine;
        })));
        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(27, all.Count(r => r.IsApplied));
        Assert.All(all.Where(r => !r.IsApplied), r => Assert.Equal(PointsRefusal.InsufficientPoints, r.Refusal));
        var balance = await b.Points.GetBalanceAsync(member);
        Assert.Equal((1_000 - 27 * 37L, 27 * 37L), (balance.Available, balance.Reserved));
        Assert.True(balance.IsConserved);
    }

    [SkippableFact]
    public async Task The_expiry_job_settles_exactly_the_wallets_due_and_each_once()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        await a.Points.EarnAsync(new MemberId(1), new PointsEarning("L-1", PointsSource.SignIn, 50, T0, PointsExpiry.AfterDays(3)));
        await a.Points.EarnAsync(new MemberId(2), new PointsEarning("L-1", PointsSource.SignIn, 60, T0, PointsExpiry.AfterDays(10)));
        await a.Points.EarnAsync(new MemberId(3), new PointsEarning("L-1", PointsSource.SignIn, 70, T0));
        await a.Points.ReserveAsync(new MemberId(1), "O-1", 20, T0 + Duration.FromDays(1));

        // Two instances run the job at the same instant: member 1's lot expires once (30 points; 20 are reserved).
        var runs = await Task.WhenAll(a.Points.SettleDueAsync(T0 + Duration.FromDays(4)), b.Points.SettleDueAsync(T0 + Duration.FromDays(4)));
        var settled = Assert.Single(runs.SelectMany(r => r));
        Assert.Equal(new MemberId(1), settled.Member);
        Assert.Equal(30, Assert.Single(settled.Result.Entries, e => e.Kind == PointsEntryKind.Expired).Points);
        Assert.Equal(20, (await a.Points.GetBalanceAsync(new MemberId(1))).Reserved);
        Assert.Equal(60, (await a.Points.GetBalanceAsync(new MemberId(2))).Available);
        Assert.Empty(await a.Points.SettleDueAsync(T0 + Duration.FromDays(4)));

        // The release of points whose lot has expired expires them at once; member 2's lot is due later.
        Assert.True((await a.Points.ReleaseAsync(new MemberId(1), "O-1", T0 + Duration.FromDays(5))).IsApplied);
        Assert.Equal(50, (await b.Points.GetBalanceAsync(new MemberId(1))).Expired);
        var later = Assert.Single(await b.Points.SettleDueAsync(T0 + Duration.FromDays(11)));
        Assert.Equal(new MemberId(2), later.Member);
        Assert.Equal(0, (await a.Points.GetBalanceAsync(new MemberId(3))).Expired);
        Assert.Equal(new PointsBalance(0, 0, 0, 0, 0, 0, 0, 0, 0), await a.Points.GetBalanceAsync(new MemberId(99)));
    }

    [SkippableFact]
    public async Task A_wallet_row_the_package_cannot_read_is_a_schema_error_naming_the_member()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await a.Points.EarnAsync(new MemberId(5), new PointsEarning("L-1", PointsSource.Task, 10, T0));
        await using (var context = StoreHost.OpenContext(Database, db))
        {
            var row = await context.Set<WalletRow>().SingleAsync();
            row.State = row.State.Replace("\"available\":10", "\"available\":11", StringComparison.Ordinal);
            await context.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => a.Points.ReserveAsync(new MemberId(5), "O-1", 1, T0));
        Assert.Contains("member 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.lots[0]", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqlitePointsStoreTests(SqliteDatabase database) : PointsStoreTests<SqliteDatabase>(database);

public sealed class PostgresPointsStoreTests(PostgresDatabase database) : PointsStoreTests<PostgresDatabase>(database);

public sealed class RetryingSqlitePointsStoreTests(RetryingSqliteDatabase database) : PointsStoreTests<RetryingSqliteDatabase>(database);

public sealed class RetryingPostgresPointsStoreTests(RetryingPostgresDatabase database) : PointsStoreTests<RetryingPostgresDatabase>(database);
