using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.GroupBuying;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Concurrency;

/// <summary>
/// The background jobs (issue 26) on two instances at once, on the host's clock: a 7-day return window released as soon
/// as a fake clock passes it, groups and invitations settled past their deadline — each due item settled once.
/// </summary>
public abstract class JobTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly Instant T0 = StoreHost.T0;

    [SkippableFact]
    public async Task Jobs_on_two_instances_release_and_settle_every_due_item_once_at_the_host_clock()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var clock = new FakeClock(T0);
        var logs = new CapturedLogs();
        StoreHost.Logs = logs;
        StoreHost.Jobs = (o =>
        {
            o.ReleaseEarningsEvery = TimeSpan.FromMilliseconds(20);
            o.CloseGroupsEvery = TimeSpan.FromMilliseconds(20);
            o.CloseInvitationsEvery = TimeSpan.FromMilliseconds(20);
            o.CloseBatchesEvery = TimeSpan.FromMilliseconds(20);
            o.SettlePointsEvery = TimeSpan.FromMilliseconds(20);
            o.ExpireCouponsEvery = TimeSpan.FromMilliseconds(20);
        }, clock);
        await using var a = await StoreHost.StartAsync(database, db, "jobs-a");
        await using var b = await StoreHost.StartAsync(database, db, "jobs-b");

        await a.Network.RegisterAsync(new MemberId(1), null, T0);
        await a.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        var memory = new CommissionLedger(StoreHost.LedgerOptions);
        for (var i = 0; i < 20; i++)
        {
            var (sale, _) = await a.SellAsync($"S-{i}", 2, 100m + i, T0);
            memory.Post(sale);
            await a.Ledger.CompleteAsync(sale.SaleId, T0);
            memory.Complete(sale.SaleId, T0);
        }

        for (var g = 1; g <= 5; g++)
        {
            Assert.True((await a.Groups.OpenAsync(new GroupBuyId(g), "five", new MemberId(10 + g), T0)).IsAccepted);
        }

        Assert.True((await a.Campaign.OpenAsync(new GroupBuyId(101), "TEA", new MemberId(11), 3, T0)).IsApplied);     // campaign groups close through their campaign,
        Assert.True((await b.Campaign.OpenAsync(new GroupBuyId(102), "POT", new MemberId(12), 2, T0)).IsApplied);     // releasing their seats
        Assert.True((await a.Invitations.OpenAsync(new InvitationId(1), "tea", new MemberId(1), T0, 0)).IsAccepted);
        var delivery = new LocalDate(2026, 11, 4);
        await a.Batches.CreateAsync(new CommunityBatch("B-1", new MemberId(1), delivery, StoreHost.DailyRule, [new CommunityProduct("melon", new Money(12m, Currency.CNY), 10)]), "daily");
        Assert.True((await a.Batches.PlaceOrderAsync("B-1", "O-1", new MemberId(2), [new CommunityOrderLine("melon", 2)], T0)).IsAccepted);
        Assert.True((await a.Coupons.IssueAsync("flash", "C-job-1", new MemberId(2), T0)).Result.IsApplied);   // valid 3 days
        Assert.True((await a.Coupons.IssueAsync("flash", "C-job-2", new MemberId(3), T0)).Result.IsApplied);
        Assert.True((await a.Coupons.LockAsync("C-job-2", "O-job", T0)).IsApplied);                          // locked: waits for its order
        Assert.True((await a.Points.EarnAsync(new MemberId(2), new SocialCommerce.Points.PointsEarning("L-1", SocialCommerce.Points.PointsSource.SignIn, 40, T0, SocialCommerce.Points.PointsExpiry.AfterDays(7)))).IsApplied);

        // Nothing is due yet: the jobs tick and change nothing.
        await Task.Delay(200);
        Assert.Equal(Money.Zero(Currency.CNY), (await a.Ledger.GetBalanceAsync(new MemberId(1), Currency.CNY)).Available);

        // Eight days later on the host clock, the 7-day window has passed and every deadline too.
        clock.Advance(Duration.FromDays(8));
        memory.Release(clock.GetCurrentInstant());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !await AllSettledAsync(a))
        {
            await Task.Delay(50);
        }

        Assert.True(await AllSettledAsync(a), "the jobs settled everything due within 20 s");
        foreach (var member in new[] { 1L, 2L })
        {
            Assert.Equal(memory.GetBalance(new MemberId(member), Currency.CNY), await b.Ledger.GetBalanceAsync(new MemberId(member), Currency.CNY));
        }

        await using var context = StoreHost.OpenContext(database, db);
        Assert.Equal(20, await context.Set<EntryRow>().CountAsync(e => e.Kind == nameof(AccountPostingKind.Released)));   // 20 sales × 1 earning (member 1), once each
        Assert.Equal(5, await context.Set<GroupEventRow>().CountAsync(e => e.Type == nameof(GroupFailed) && e.GroupId <= 5));
        Assert.Equal(GroupBuyStatus.Failed, (await b.Groups.GetAsync(new GroupBuyId(3)))!.Status);
        Assert.Equal(InvitationStatus.Failed, (await b.Invitations.GetAsync(new InvitationId(1)))!.Status);
        Assert.Equal(1, await context.Set<SocialCommerce.EntityFrameworkCore.Invitations.InvitationEventRow>().CountAsync(e => e.Type == nameof(InvitationExpired)));
        Assert.Contains(logs.Entries, e => e.Id.Id == 1411 && e.Message.Contains("release-earnings", StringComparison.Ordinal));
        Assert.Equal(40, (await b.Points.GetBalanceAsync(new MemberId(2))).Expired);
        Assert.Equal(SocialCommerce.Coupons.CouponStatus.Locked, (await b.Coupons.GetAsync("C-job-2"))!.Status);
        Assert.Equal((40, 12), (await b.Campaign.GetLeftAsync("TEA"), await b.Campaign.GetLeftAsync("POT")));
        Assert.Equal(CampaignSeatStatus.Released, (await b.Campaign.FindSeatAsync(new GroupBuyId(101), new MemberId(11)))!.Status);
        Assert.Equal(2, await context.Set<GroupEventRow>().CountAsync(e => e.Type == nameof(GroupFailed) && e.GroupId > 100));
    }

    [SkippableFact]
    public async Task A_job_period_out_of_range_stops_the_host_naming_it()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        StoreHost.Jobs = (o => o.CloseGroupsEvery = TimeSpan.FromDays(2), new FakeClock(T0));
        using var host = StoreHost.Build(database, db, "bad-jobs");
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("CloseGroupsEvery must be 0 (off) or 10 ms – 1 day; it is 2.00:00:00", error.Message);
    }

    private static async Task<bool> AllSettledAsync(StoreHost shop)
    {
        for (var i = 0; i < 20; i++)
        {
            if ((await shop.Ledger.GetSaleAsync($"S-{i}"))!.Status != LedgerSaleStatus.Released)
            {
                return false;
            }
        }

        for (var g = 1; g <= 5; g++)
        {
            if ((await shop.Groups.GetAsync(new GroupBuyId(g)))!.Status == GroupBuyStatus.Open)
            {
                return false;
            }
        }

        if ((await shop.Campaign.GetOpenGroupsAsync()).Count > 0)
        {
            return false;
        }

        if ((await shop.Points.GetBalanceAsync(new MemberId(2))).Expired == 0 || (await shop.Coupons.GetAsync("C-job-1"))!.Status != SocialCommerce.Coupons.CouponStatus.Expired)
        {
            return false;
        }

        return (await shop.Invitations.GetAsync(new InvitationId(1)))!.Status != InvitationStatus.Open
            && (await shop.Batches.GetAsync("B-1"))!.Status == CommunityBatchStatus.Closed;
    }
}

public sealed class SqliteJobTests(SqliteDatabase database) : JobTests<SqliteDatabase>(database);

public sealed class PostgresJobTests(PostgresDatabase database) : JobTests<PostgresDatabase>(database);
