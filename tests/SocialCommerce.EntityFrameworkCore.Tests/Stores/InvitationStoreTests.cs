using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Invitations;
using SocialCommerce.EntityFrameworkCore.Tests.Faults;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>Invitations and referral rewards on every provider, each ending with a restart that must see what was committed.</summary>
public abstract class InvitationStoreTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : StoreDatabase
{
    [SkippableFact]
    public async Task A_help_on_a_kept_invitation_reads_only_the_events_since_and_a_failed_commit_leaves_nothing_behind()
    {
        var db = await NewDatabaseAsync();
        var id = new InvitationId(30);
        var faults = new FailingCommits(1) { Enabled = false, Remaining = 1 };
        await using var a = await StoreHost.StartAsync(Database, db, "a", null, faults);
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        Assert.True((await a.Invitations.OpenAsync(id, "tea", new MemberId(1), T0, seed: 1)).IsAccepted);
        Assert.True((await b.Invitations.HelpAsync(id, new MemberId(2), T0 + Duration.FromMinutes(1))).IsAccepted);

        // a's next commit fails once before committing: the retry decides again from the Database, not from a kept
        // invitation that had already counted the help (which would answer Duplicate for a help never stored).
        faults.Enabled = true;
        var helped = await a.Invitations.HelpAsync(id, new MemberId(3), T0 + Duration.FromMinutes(2));
        Assert.Equal(1, faults.Injected);
        Assert.True(helped.IsAccepted && !helped.IsDuplicate, helped.ToString());
        Assert.Equal(2, Assert.IsType<InvitationHelped>(helped.Events[0]).HelpsDone);

        // The opening is made unreadable: a reader of the whole stream now fails, but both instances kept the
        // invitation and read only what the other appended since (b: a's help; a: b's completing help).
        await using (var context = OpenContext(db))
        {
            await context.Set<InvitationEventRow>().Where(e => e.InvitationId == id.Value && e.Version == 1).ExecuteUpdateAsync(s => s.SetProperty(e => e.Event, "{\"$type\":\"unknown\"}"));
        }

        Assert.Contains((await b.Invitations.HelpAsync(id, new MemberId(4), T0 + Duration.FromMinutes(3))).Events, e => e is InvitationCompleted);
        Assert.Equal(InvitationRefusal.Completed, (await a.Invitations.HelpAsync(id, new MemberId(5), T0 + Duration.FromMinutes(4))).Refusal);

        await using var fresh = await StoreHost.StartAsync(Database, db, "c");
        var unreadable = await Assert.ThrowsAsync<StoreSchemaException>(() => fresh.Invitations.HelpAsync(id, new MemberId(6), T0 + Duration.FromMinutes(5)));
        Assert.Contains("row '30/1' of sc_invitation_events", unreadable.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_bargain_keeps_its_schedule_refusals_and_daily_limits_across_a_restart_and_lands_on_the_floor()
    {
        var db = await NewDatabaseAsync();
        var id = new InvitationId(1);
        var owner = new MemberId(1);
        BargainSchedule schedule;
        await using (var shop = await StoreHost.StartAsync(Database, db))
        {
            var opened = await shop.Invitations.OpenAsync(id, "cut", owner, T0, seed: 20261111);
            schedule = StoreHost.Bargain.CreateSchedule(20261111);
            Assert.Equal(schedule.Hash, ((InvitationOpened)opened.Events[0]).ScheduleHash);
            Assert.Equal(InvitationRefusal.ConflictingDuplicate, (await shop.Invitations.OpenAsync(id, "cut", owner, T0, 1)).Refusal); // another seed: another opening
            Assert.True((await shop.Invitations.OpenAsync(id, "cut", owner, T0, 20261111)).IsDuplicate);
            Assert.True((await shop.Invitations.OpenAsync(new InvitationId(2), "cut", new MemberId(50), T0, 7)).IsAccepted);

            Assert.Equal(InvitationRefusal.OwnerHelping, (await shop.Invitations.HelpAsync(id, owner, T0)).Refusal);
            for (var m = 2; m <= 6; m++)
            {
                var help = await shop.Invitations.HelpAsync(id, new MemberId(m), T0 + Duration.FromMinutes(m));
                Assert.Equal(schedule.Cuts[m - 2], ((InvitationHelped)help.Events[0]).Cut);
            }

            Assert.True((await shop.Invitations.HelpAsync(id, new MemberId(2), T0)).IsDuplicate); // a help seen again answers its first outcome
            Assert.True((await shop.Invitations.HelpAsync(new InvitationId(2), new MemberId(2), T0)).IsAccepted);

            // Member 2's third help of the day (two per day in Asia/Shanghai) is refused, in any invitation of the rule.
            Assert.True((await shop.Invitations.OpenAsync(new InvitationId(3), "cut", new MemberId(51), T0, 8)).IsAccepted);
            Assert.Equal(InvitationRefusal.HelperQuotaReached, (await shop.Invitations.HelpAsync(new InvitationId(3), new MemberId(2), T0 + Duration.FromHours(1))).Refusal);
            await Assert.ThrowsAsync<UnknownInvitationException>(() => shop.Invitations.HelpAsync(new InvitationId(404), new MemberId(2), T0));
        }

        await using var restarted = await StoreHost.StartAsync(Database, db, "b");
        Assert.Equal(InvitationRefusal.HelperQuotaReached, (await restarted.Invitations.HelpAsync(new InvitationId(3), new MemberId(2), T0 + Duration.FromHours(2))).Refusal);
        InvitationResult last = default;
        for (var m = 7; m <= 11; m++)
        {
            last = await restarted.Invitations.HelpAsync(id, new MemberId(m), T0 + Duration.FromHours(1));
            Assert.True(last.IsAccepted);
        }

        var completed = Assert.IsType<InvitationCompleted>(last.Events[1]);
        Assert.Equal(new Money(1m, Currency.CNY), completed.Price);
        var stored = await restarted.Invitations.GetAsync(id);
        Assert.Equal(InvitationStatus.Completed, stored!.Status);
        Assert.Equal(schedule.Cuts, stored.Schedule!.Cuts);
        Assert.Equal(InvitationRefusal.Completed, (await restarted.Invitations.HelpAsync(id, new MemberId(12), T0 + Duration.FromHours(1))).Refusal);
        Assert.Equal([id], await restarted.Invitations.GetInvitationsAsync(owner));
    }

    [SkippableFact]
    public async Task The_deadline_job_deletes_the_helper_days_no_open_invitation_can_use_and_the_quota_of_the_others_holds()
    {
        var db = await NewDatabaseAsync();
        await using var shop = await StoreHost.StartAsync(Database, db);
        async Task<int> HelperDaysAsync()
        {
            await using var context = StoreHost.OpenContext(Database, db);
            return await context.Set<HelperDayRow>().CountAsync();
        }

        // T0 is noon in Shanghai (the rule's zone, two helps a helper a day).
        var first = new InvitationId(1);
        await shop.Invitations.OpenAsync(first, "cut", new MemberId(1), T0, 1);
        Assert.True((await shop.Invitations.HelpAsync(first, new MemberId(2), T0)).IsAccepted);
        Assert.True((await shop.Invitations.HelpAsync(first, new MemberId(3), T0)).IsAccepted);
        Assert.Equal(2, await HelperDaysAsync());

        // The next morning a second bargain opens; the first is still open (24 hours), so its day's counts stay.
        var nextMorning = T0 + Duration.FromHours(20);
        await shop.Invitations.OpenAsync(new InvitationId(2), "cut", new MemberId(4), nextMorning, 2);
        Assert.True((await shop.Invitations.HelpAsync(new InvitationId(2), new MemberId(2), nextMorning)).IsAccepted);
        Assert.Empty(await shop.Invitations.CloseDueAsync(nextMorning));
        Assert.Equal(3, await HelperDaysAsync());

        // The first closes at its deadline: no help can fall on its day any more.
        var deadline = T0 + Duration.FromHours(24);
        Assert.Single(await shop.Invitations.CloseDueAsync(deadline));
        Assert.Equal(1, await HelperDaysAsync());

        // The day kept still decides: member 2's second help today is accepted, its third refused.
        await shop.Invitations.OpenAsync(new InvitationId(3), "cut", new MemberId(5), deadline, 3);
        Assert.True((await shop.Invitations.HelpAsync(new InvitationId(3), new MemberId(2), deadline)).IsAccepted);
        await shop.Invitations.OpenAsync(new InvitationId(4), "cut", new MemberId(6), deadline, 4);
        Assert.Equal(InvitationRefusal.HelperQuotaReached, (await shop.Invitations.HelpAsync(new InvitationId(4), new MemberId(2), deadline)).Refusal);
    }

    [SkippableFact]
    public async Task An_assist_unlocks_and_an_unfinished_one_fails_at_the_deadline_job()
    {
        var db = await NewDatabaseAsync();
        await using var shop = await StoreHost.StartAsync(Database, db);
        await shop.Invitations.OpenAsync(new InvitationId(1), "tea", new MemberId(1), T0, 0);
        await shop.Invitations.OpenAsync(new InvitationId(2), "tea", new MemberId(1), T0, 0);
        await shop.Invitations.HelpAsync(new InvitationId(1), new MemberId(2), T0);
        await shop.Invitations.HelpAsync(new InvitationId(1), new MemberId(3), T0);
        var unlocked = await shop.Invitations.HelpAsync(new InvitationId(1), new MemberId(4), T0);
        Assert.Equal(AssistReward.FreeItem("TEA-1"), Assert.IsType<InvitationCompleted>(unlocked.Events[1]).Reward);
        await shop.Invitations.HelpAsync(new InvitationId(2), new MemberId(2), T0);

        var closed = await shop.Invitations.CloseDueAsync(T0 + Duration.FromHours(2));
        var expired = Assert.IsType<InvitationExpired>(Assert.Single(Assert.Single(closed).Events));
        Assert.False(expired.Purchasable);
        Assert.Empty(await shop.Invitations.CloseDueAsync(T0 + Duration.FromHours(3)));
        Assert.Equal(InvitationStatus.Failed, (await shop.Invitations.GetAsync(new InvitationId(2)))!.Status);
    }

    [SkippableFact]
    public async Task Two_instances_racing_on_one_bargain_take_each_cut_once_and_never_more_than_its_helps()
    {
        var db = await NewDatabaseAsync();
        var id = new InvitationId(1);
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        await a.Invitations.OpenAsync(id, "cut", new MemberId(1), T0, 99);
        var accepted = new ConcurrentBag<InvitationHelped>();
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var shop = w % 2 == 0 ? a : b;
            for (var m = 2 + w; m <= 40; m += 8)
            {
                var result = await shop.Invitations.HelpAsync(id, new MemberId(m), T0 + Duration.FromSeconds(m));
                foreach (var e in result.Events.OfType<InvitationHelped>())
                {
                    accepted.Add(e);
                }
            }
        }));
        await Task.WhenAll(workers);

        var schedule = StoreHost.Bargain.CreateSchedule(99);
        Assert.Equal(10, accepted.Count);
        Assert.Equal(Enumerable.Range(1, 10), accepted.Select(e => e.HelpsDone).OrderBy(n => n));
        Assert.All(accepted, e => Assert.Equal(schedule.Cuts[e.HelpsDone - 1], e.Cut));
        var stored = await b.Invitations.GetAsync(id);
        Assert.Equal(new Money(1m, Currency.CNY), stored!.Price);
        Assert.Equal(accepted.Select(e => e.Helper).OrderBy(m => m.Value), stored.GetHelpers().OrderBy(m => m.Value));
    }

    [SkippableFact]
    public async Task A_first_purchase_posts_its_referral_rewards_with_the_sale_a_retry_is_a_duplicate_and_a_refund_reverses_them()
    {
        var db = await NewDatabaseAsync();
        var alice = new MemberId(1);
        var bob = new MemberId(2);
        var sale = new Sale("S-1", bob, T0 + Duration.FromDays(1), Currency.CNY, [new SaleLine("p-1", "tea", 1, new Money(100m, Currency.CNY))]);
        await using (var shop = await StoreHost.StartAsync(Database, db))
        {
            await shop.Network.RegisterAsync(alice, null, T0);
            await shop.Network.RegisterAsync(bob, alice, T0);
            var quote = await shop.Network.QuoteAsync(shop.Engine, sale);
            var booked = LedgerSale.FromQuote(sale, quote, shop.Engine.Plan);

            var posting = await shop.Referrals.PostAsync(sale, shop.Network.GetMember(bob), booked, quote);
            Assert.True(posting.Reward.IsAccepted);
            Assert.Equal(new Money(20m, Currency.CNY), (await shop.Ledger.GetBalanceAsync(alice, Currency.CNY)).Pending); // 10 % commission + ¥10 reward
            Assert.Equal(new Money(5m, Currency.CNY), (await shop.Ledger.GetBalanceAsync(bob, Currency.CNY)).Pending);

            var retry = await shop.Referrals.PostAsync(sale, shop.Network.GetMember(bob), booked, quote);
            Assert.True(retry.Reward.IsDuplicate);
            Assert.Equal(LedgerOutcome.Duplicate, retry.Ledger.Outcome);
            Assert.Equal(new Money(20m, Currency.CNY), (await shop.Ledger.GetBalanceAsync(alice, Currency.CNY)).Pending);

            await shop.Ledger.CompleteAsync("S-1", sale.PaidAt + Duration.FromDays(1));
            Assert.IsType<ReferralRewardEarned>((await shop.Referrals.EarnAsync("S-1", sale.PaidAt + Duration.FromDays(1))).Event);
        }

        await using var restarted = await StoreHost.StartAsync(Database, db, "b");
        var refundAt = sale.PaidAt + Duration.FromDays(2);
        await restarted.Ledger.RefundAsync(LedgerRefund.Full("R-1", "S-1", refundAt));
        Assert.IsType<ReferralRewardReversed>((await restarted.Referrals.ReverseAsync("S-1", refundAt)).Event);
        var balance = await restarted.Ledger.GetBalanceAsync(alice, Currency.CNY);
        Assert.Equal(new Money(0m, Currency.CNY), balance.Pending + balance.Frozen + balance.Available);
        Assert.Equal(new Money(20m, Currency.CNY), balance.Reversed);
        Assert.Equal(ReferralClaimStatus.Reversed, (await restarted.Referrals.GetAsync(bob)).Status);

        var second = new Sale("S-2", bob, refundAt, Currency.CNY, [new SaleLine("p-1", "tea", 1, new Money(100m, Currency.CNY))]);
        Assert.Equal(ReferralRewardRefusal.AlreadyRewarded, (await restarted.Referrals.ClaimAsync(second, restarted.Network.GetMember(bob))).Refusal);
        Assert.Equal(ReferralRewardRefusal.NotClaimedBySale, (await restarted.Referrals.EarnAsync("S-404", refundAt)).Refusal);
    }

    [SkippableFact]
    public async Task A_sale_id_claimed_for_one_buyer_is_refused_for_another_and_the_first_reward_still_earns()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        Sale Purchase(long buyer) => new("S-1", new MemberId(buyer), T0 + Duration.FromHours(1), Currency.CNY, [new SaleLine("p", "tea", 1, new Money(60m, Currency.CNY))]);

        Assert.True((await a.Referrals.ClaimAsync(Purchase(20), new NetworkMember(new MemberId(20), new MemberId(1), T0))).IsAccepted);
        var other = await b.Referrals.ClaimAsync(Purchase(21), new NetworkMember(new MemberId(21), new MemberId(1), T0));

        Assert.Equal(ReferralRewardRefusal.ConflictingDuplicate, other.Refusal);
        Assert.Equal(ReferralClaimStatus.Open, (await b.Referrals.GetAsync(new MemberId(21))).Status);
        Assert.IsType<ReferralRewardEarned>((await b.Referrals.EarnAsync("S-1", T0 + Duration.FromDays(1))).Event);
        Assert.Equal(ReferralClaimStatus.Earned, (await a.Referrals.GetAsync(new MemberId(20))).Status);
    }

    [SkippableFact]
    public async Task Racing_claims_of_one_inviters_friends_never_pass_the_cap()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        var claims = await Task.WhenAll(Enumerable.Range(10, 16).Select(friend => Task.Run(async () =>
        {
            var shop = friend % 2 == 0 ? a : b;
            var sale = new Sale("S-" + friend, new MemberId(friend), T0 + Duration.FromHours(1), Currency.CNY, [new SaleLine("p", "tea", 1, new Money(60m, Currency.CNY))]);
            return await shop.Referrals.ClaimAsync(sale, new NetworkMember(new MemberId(friend), new MemberId(1), T0));
        })));

        Assert.Equal(3, claims.Count(c => c.IsAccepted));
        Assert.Equal(13, claims.Count(c => c.Refusal == ReferralRewardRefusal.InviterCapReached));
    }
}

public sealed class SqliteInvitationStoreTests(SqliteDatabase database) : InvitationStoreTests<SqliteDatabase>(database);

public sealed class PostgresInvitationStoreTests(PostgresDatabase database) : InvitationStoreTests<PostgresDatabase>(database);

public sealed class RetryingSqliteInvitationStoreTests(RetryingSqliteDatabase database) : InvitationStoreTests<RetryingSqliteDatabase>(database);

public sealed class RetryingPostgresInvitationStoreTests(RetryingPostgresDatabase database) : InvitationStoreTests<RetryingPostgresDatabase>(database);
