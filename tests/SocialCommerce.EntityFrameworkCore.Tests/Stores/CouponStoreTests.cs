using NodaTime;
using SocialCommerce.Coupons;
using SocialCommerce.EntityFrameworkCore.Coupons;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// Coupons on the database (issue 27, on the one command path of issue 25): racing claims from two instances never
/// pass a template's total or per-member limit; issues and lifecycle steps, each delivered one to three times over two
/// instances, answer exactly as the in-memory <see cref="CouponIssuance"/> and <see cref="IssuedCoupon"/> do.
/// </summary>
public abstract class CouponStoreTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : StoreDatabase
{
    [SkippableFact]
    public async Task Racing_claims_from_two_instances_never_pass_the_total_or_a_members_limit()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");

        // 2 instances x 4 workers, 60 claims by 20 members (3 each) of a template of 25 in all and 2 a member.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<(int Claim, CouponIssue Issue)>();
            for (var i = w; i < 60; i += 8)
            {
                mine.Add((i, await (w % 2 == 0 ? a : b).Coupons.IssueAsync("flash", $"C-{i}", new MemberId(100 + i % 20), T0)));
            }

            return mine;
        })));
        var all = results.SelectMany(r => r).ToList();
        var issued = all.Where(r => r.Issue.Result.IsApplied).ToList();
        Assert.Equal(25, issued.Count);
        Assert.All(issued.GroupBy(r => r.Claim % 20), g => Assert.True(g.Count() <= 2, $"member {100 + g.Key} holds {g.Count()}"));
        Assert.All(all.Where(r => !r.Issue.Result.IsApplied), r => Assert.Contains(r.Issue.Result.Refusal, new[] { CouponRefusal.TotalLimitReached, CouponRefusal.MemberLimitReached }));
        Assert.Equal(25, await a.Coupons.CountIssuedAsync("flash"));
        foreach (var member in Enumerable.Range(100, 20))
        {
            Assert.Equal(issued.Count(r => 100 + r.Claim % 20 == member), await b.Coupons.CountIssuedAsync("flash", new MemberId(member)));
        }

        // A resend of any claim, after the limit, answers its first outcome: the coupon it issued, or its refusal again.
        foreach (var (claim, issue) in all.Take(12))
        {
            var again = await b.Coupons.IssueAsync("flash", $"C-{claim}", new MemberId(100 + claim % 20), T0);
            Assert.Equal(issue.Result.IsApplied ? CouponOutcome.Duplicate : CouponOutcome.Refused, again.Result.Outcome);
            Assert.Equal(issue.Coupon?.CouponId, again.Coupon?.CouponId);
        }
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Issues_and_steps_delivered_one_to_three_times_answer_as_the_in_memory_coupons(int seed)
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        var issuance = new CouponIssuance(StoreHost.Flash);
        var coupons = new Dictionary<string, IssuedCoupon>();
        var random = new Random(seed);
        var now = T0;
        var applied = new HashSet<string>();
        for (var step = 0; step < 240; step++)
        {
            now += Duration.FromHours(random.Next(0, 3));
            var at = now;
            var couponId = $"C-{random.Next(8)}";
            var member = new MemberId(random.Next(1, 15));
            var order = $"O-{random.Next(2)}";
            var refund = $"R-{random.Next(2)}";
            var policy = random.Next(3) == 0 ? CouponReturnPolicy.Keep : CouponReturnPolicy.ReturnWhileValid;
            coupons.TryGetValue(couponId, out var coupon);
            CouponResult Unknown() => new(CouponOutcome.Refused, CouponRefusal.UnknownCoupon, "not issued");
            (string Name, Func<CouponResult> InMemory, Func<StoredCoupons, Task<CouponResult>> Stored) command = random.Next(6) switch
            {
                0 or 1 => ("issue", () =>
                {
                    var r = issuance.Issue(couponId, member, at, false, out var issued);
                    if (r.IsApplied)
                    {
                        coupons[couponId] = issued!;
                    }

                    return r;
                }, async s => (await s.IssueAsync("flash", couponId, member, at)).Result),
                2 => ("lock", () => coupon?.Lock(order, at) ?? Unknown(), s => s.LockAsync(couponId, order, at)),
                3 => ("unlock", () => coupon?.Unlock(order, at) ?? Unknown(), s => s.UnlockAsync(couponId, order, at)),
                4 => ("use", () => coupon?.Use(order, at) ?? Unknown(), s => s.UseAsync(couponId, order, at)),
                _ => random.Next(4) > 0
                    ? ("return", () => coupon?.Return(refund, at, policy) ?? Unknown(), s => s.ReturnAsync(couponId, refund, at, policy))
                    : ("expire", () => coupon?.Expire(at) ?? Unknown(), s => s.ExpireAsync(couponId, at)),
            };

            var expected = command.InMemory();
            var deliveries = random.Next(1, 4);
            for (var d = 0; d < deliveries; d++)
            {
                var actual = await command.Stored(random.Next(2) == 0 ? a.Coupons : b.Coupons);
                var what = $"step {step}, {command.Name} {couponId}, delivery {d + 1}: expected {expected}, got {actual}";
                if (d == 0 || !expected.IsApplied)
                {
                    Assert.True(expected.Outcome == actual.Outcome && expected.Refusal == actual.Refusal, what);
                }
                else
                {
                    Assert.True(actual.Outcome == CouponOutcome.Duplicate, what);
                }
            }

            if (expected.IsApplied)
            {
                applied.Add(command.Name);
            }
        }

        foreach (var (id, coupon) in coupons)
        {
            Assert.Equal(coupon.ToSnapshot(), (await a.Coupons.GetAsync(id))!.ToSnapshot());
        }

        Assert.Equal(issuance.IssuedCount, await b.Coupons.CountIssuedAsync("flash"));
        Assert.Superset(new HashSet<string> { "issue", "lock", "unlock", "use", "return" }, applied);
        Assert.Null(await a.Coupons.GetAsync("C-never"));
    }

    [SkippableFact]
    public async Task A_new_members_template_and_an_unregistered_template_are_refused_naming_why()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        Assert.Equal(CouponRefusal.NewMembersOnly, (await a.Coupons.IssueAsync("welcome", "W-1", new MemberId(1), T0, isNewMember: false)).Result.Refusal);
        Assert.True((await a.Coupons.IssueAsync("welcome", "W-1", new MemberId(1), T0, isNewMember: true)).Result.IsApplied);
        Assert.Equal(CouponRefusal.ConflictingDuplicate, (await a.Coupons.IssueAsync("flash", "W-1", new MemberId(1), T0)).Result.Refusal);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => a.Coupons.IssueAsync("autumn", "A-1", new MemberId(1), T0));
        Assert.Contains("'autumn' is not registered", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteCouponStoreTests(SqliteDatabase database) : CouponStoreTests<SqliteDatabase>(database);

public sealed class PostgresCouponStoreTests(PostgresDatabase database) : CouponStoreTests<PostgresDatabase>(database);

public sealed class RetryingSqliteCouponStoreTests(RetryingSqliteDatabase database) : CouponStoreTests<RetryingSqliteDatabase>(database);

public sealed class RetryingPostgresCouponStoreTests(RetryingPostgresDatabase database) : CouponStoreTests<RetryingPostgresDatabase>(database);
