using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Faults;

/// <summary>The caller saw a failure, but the command had committed (an acknowledgement lost after the commit).</summary>
public sealed class AcknowledgementLostException() : Exception("injected: the commit succeeded but its acknowledgement was lost");

/// <summary>
/// Fails the caller once, right after a commit, while armed: after a save in its own transaction, or after the commit of
/// a store's explicit transaction (a save inside one has not committed yet).
/// </summary>
public sealed class LosingAcknowledgements : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private int _armed;

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    /// <summary>Disarms without failing (the armed command committed nothing).</summary>
    public void Disarm() => Interlocked.Exchange(ref _armed, 0);

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        eventData.Context?.Database.CurrentTransaction is null && Interlocked.Exchange(ref _armed, 0) == 1 ? throw new AcknowledgementLostException() : ValueTask.FromResult(result);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Interlocked.Exchange(ref _armed, 0) == 1 ? throw new AcknowledgementLostException() : Task.CompletedTask;
}

/// <summary>
/// Exactly-once replies (issue 25): for each command the issue found answering a resend with a refusal or an exception,
/// the first send commits and its caller sees a failure; the resend — in the same process, from a second instance and
/// after a restart — answers the command's first outcome.
/// </summary>
public abstract class LostAcknowledgementTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly Instant T0 = StoreHost.T0;

    private async Task ResendEverywhereAsync<T>(string db, LosingAcknowledgements lost, StoreHost first, StoreHost second, Func<StoreHost, Task<T>> command, Action<T> isFirstOutcome, string restartName)
    {
        lost.Arm();
        await Assert.ThrowsAsync<AcknowledgementLostException>(() => command(first));
        isFirstOutcome(await command(first));
        isFirstOutcome(await command(second));
        await using var restarted = await StoreHost.StartAsync(database, db, restartName);
        isFirstOutcome(await command(restarted));
    }

    [SkippableFact]
    public async Task A_binding_resent_after_a_later_binding_replaced_it_answers_its_first_outcome_and_changes_nothing()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var lost = new LosingAcknowledgements();
        static void Rebind(SocialCommerceStoreOptions o) => o.Binding = BindingPolicy.RebindAfter(Duration.Zero);
        await using var a = await StoreHost.StartAsync(database, db, "a", Rebind, lost);
        await using var b = await StoreHost.StartAsync(database, db, "b", Rebind);
        foreach (var m in new[] { 1, 2, 30 })
        {
            await a.Network.RegisterAsync(new MemberId(m), null, T0);
        }

        // Member 30 bound to 1 (the caller sees a failure), then to 2 on the other instance; the first is resent as it was.
        lost.Arm();
        await Assert.ThrowsAsync<AcknowledgementLostException>(() => a.Network.TryBindAsync(new MemberId(30), new MemberId(1), T0 + Duration.FromHours(1)));
        Assert.True((await b.Network.TryBindAsync(new MemberId(30), new MemberId(2), T0 + Duration.FromHours(2))) is { IsBound: true, AlreadyBound: false });
        await using var restarted = await StoreHost.StartAsync(database, db, "c", Rebind);
        foreach (var host in new[] { a, b, restarted })
        {
            var resent = await host.Network.TryBindAsync(new MemberId(30), new MemberId(1), T0 + Duration.FromHours(1));
            Assert.True(resent is { IsBound: true, AlreadyBound: true }, resent.Message);
        }

        await using var fresh = await StoreHost.StartAsync(database, db, "d", Rebind);
        Assert.True(fresh.Network.TryGetReferrer(new MemberId(30), out var referrer));
        Assert.Equal(new MemberId(2), referrer);
        Assert.Equal(2, fresh.Network.GetBindingHistory(new MemberId(30)).Count);
    }

    [SkippableFact]
    public async Task Every_command_resent_after_a_lost_acknowledgement_answers_its_first_outcome()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var lost = new LosingAcknowledgements();
        await using var a = await StoreHost.StartAsync(database, db, "a", null, lost);
        await using var b = await StoreHost.StartAsync(database, db, "b");
        await a.Network.RegisterAsync(new MemberId(1), null, T0);
        await a.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);

        // Registration: AlreadyRegistered before.
        await ResendEverywhereAsync(db, lost, a, b, s => s.Network.RegisterAsync(new MemberId(10), new MemberId(1), T0), r => Assert.True(r is { IsBound: true, AlreadyBound: true }, r.Message), "r1");
        Assert.Equal(BindingRefusalReason.AlreadyRegistered, (await b.Network.RegisterAsync(new MemberId(10), new MemberId(2), T0)).Refusal);

        // Opening under a one-open-group rule: TooManyOpenGroups (or an ArgumentException) before.
        await ResendEverywhereAsync(db, lost, a, b, s => s.Groups.OpenAsync(new GroupBuyId(7), "pair", new MemberId(2), T0), r =>
        {
            Assert.True(r.IsDuplicate, r.ToString());
            Assert.Equal(new MemberId(2), Assert.IsType<GroupOpened>(Assert.Single(r.Events)).Leader);
        }, "r2");
        Assert.Equal(GroupBuyRefusal.ConflictingDuplicate, (await b.Groups.OpenAsync(new GroupBuyId(7), "pair", new MemberId(3), T0)).Refusal);

        // The join that took the last seat: GroupFull before.
        await ResendEverywhereAsync(db, lost, a, b, s => s.Groups.JoinAsync(new GroupBuyId(7), new MemberId(3), T0 + Duration.FromMinutes(1)), r =>
        {
            Assert.True(r.IsDuplicate, r.ToString());
            Assert.IsType<MemberJoined>(r.Events[0]);
            Assert.IsType<GroupFormed>(r.Events[1]);
        }, "r3");

        // A join of an open group: AlreadyJoined before.
        await a.Groups.OpenAsync(new GroupBuyId(8), "five", new MemberId(4), T0);
        await ResendEverywhereAsync(db, lost, a, b, s => s.Groups.JoinAsync(new GroupBuyId(8), new MemberId(5), T0 + Duration.FromMinutes(1)), r =>
        {
            Assert.True(r.IsDuplicate, r.ToString());
            Assert.Equal(2, Assert.IsType<MemberJoined>(Assert.Single(r.Events)).Participants);
        }, "r4");
        Assert.Equal(2, (await b.Groups.GetAsync(new GroupBuyId(8)))!.ParticipantCount);

        // Opening an invitation: ArgumentException ("already exists") before.
        await ResendEverywhereAsync(db, lost, a, b, s => s.Invitations.OpenAsync(new InvitationId(11), "tea", new MemberId(1), T0, 0), r =>
        {
            Assert.True(r.IsDuplicate, r.ToString());
            Assert.IsType<InvitationOpened>(Assert.Single(r.Events));
        }, "r5");

        // The help that completed the assist: Completed before.
        await a.Invitations.HelpAsync(new InvitationId(11), new MemberId(20), T0 + Duration.FromMinutes(1));
        await a.Invitations.HelpAsync(new InvitationId(11), new MemberId(21), T0 + Duration.FromMinutes(2));
        await ResendEverywhereAsync(db, lost, a, b, s => s.Invitations.HelpAsync(new InvitationId(11), new MemberId(22), T0 + Duration.FromMinutes(3)), r =>
        {
            Assert.True(r.IsDuplicate, r.ToString());
            Assert.IsType<InvitationHelped>(r.Events[0]);
            Assert.IsType<InvitationCompleted>(r.Events[1]);
        }, "r6");
        Assert.Equal(3, (await b.Invitations.GetAsync(new InvitationId(11)))!.HelpsDone);

        // Retrying a failed withdrawal: WithdrawalStateConflict before.
        await a.SellAsync("S-1", 2, 100m, T0);                              // member 1 earns 10.00
        await a.Ledger.CompleteAsync("S-1", T0);
        await a.Ledger.ReleaseDueAsync(T0 + Duration.FromDays(8));
        await a.Ledger.RequestWithdrawalAsync(new LedgerWithdrawal("W-1", new MemberId(1), new Money(5m, Currency.CNY), T0 + Duration.FromDays(8)));
        await a.Ledger.ApproveWithdrawalAsync(new MemberId(1), Currency.CNY, "W-1");
        await a.Ledger.MarkWithdrawalFailedAsync(new MemberId(1), Currency.CNY, "W-1", "bank refused");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Ledger.RetryWithdrawalAsync(new MemberId(1), Currency.CNY, "W-1"), r =>
        {
            Assert.Equal(LedgerOutcome.Duplicate, r.Outcome);
            Assert.Equal(WithdrawalStatus.Approved, r.Withdrawal!.Status);
            Assert.Equal(2, r.Withdrawal.Attempts);
        }, "r7");
        Assert.Equal(new Money(5m, Currency.CNY), await b.Ledger.GetInWithdrawalAsync(new MemberId(1), Currency.CNY));

        // A hold resent after its lift: held the sale again before (a hold had no identity).
        await a.SellAsync("S-2", 2, 100m, T0);
        await a.Ledger.CompleteAsync("S-2", T0);
        lost.Arm();
        await Assert.ThrowsAsync<AcknowledgementLostException>(() => a.Ledger.HoldSaleAsync("S-2", "H-1", "fraud review"));
        Assert.True((await b.Ledger.LiftHoldAsync("S-2", "H-1")).IsApplied);
        await using var holdRestarted = await StoreHost.StartAsync(database, db, "r7b");
        foreach (var host in new[] { a, b, holdRestarted })
        {
            Assert.Equal(LedgerOutcome.Duplicate, (await host.Ledger.HoldSaleAsync("S-2", "H-1", "fraud review")).Outcome);
            Assert.Equal(LedgerRefusal.ConflictingDuplicate, (await host.Ledger.HoldSaleAsync("S-2", "H-1", "other")).Refusal);
        }

        Assert.False((await b.Ledger.GetSaleAsync("S-2"))!.IsHeld);

        // Community batches: creating one again threw ArgumentException ("already exists"), an order DuplicateOrder
        // (AlreadyClosed after the close), the close AlreadyClosed without its settlement, before.
        var delivery = new LocalDate(2026, 11, 4);
        var batch = new CommunityBatch("B-9", new MemberId(1), delivery, StoreHost.DailyRule, [new CommunityProduct("durian", new Money(89m, Currency.CNY), 1)]);
        await ResendEverywhereAsync(db, lost, a, b, async s => { await s.Batches.CreateAsync(batch, "daily"); return true; }, Assert.True, "r8");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Batches.PlaceOrderAsync("B-9", "O-1", new MemberId(2), [new CommunityOrderLine("durian", 2)], T0),
            r => Assert.True(r is { IsAccepted: true, IsDuplicate: true, Version: 1 }, r.ToString()), "r9");
        var cutOff = StoreHost.DailyRule.ResolveCutOff(delivery);
        await ResendEverywhereAsync(db, lost, a, b, s => s.Batches.CloseAtCutOffAsync("B-9", cutOff), r =>
        {
            Assert.True(r is { IsClosed: true, IsDuplicate: true }, r.ToString());
            Assert.Equal((cutOff, new Money(178m, Currency.CNY)), (r.Settlement!.At, r.Settlement.ConfirmedSales));
        }, "r10");
        Assert.True((await b.Batches.PlaceOrderAsync("B-9", "O-1", new MemberId(2), [new CommunityOrderLine("durian", 2)], cutOff)).IsDuplicate);
        await Assert.ThrowsAsync<ArgumentException>(() => b.Batches.CreateAsync(new CommunityBatch("B-9", new MemberId(3), delivery, StoreHost.DailyRule, [new CommunityProduct("durian", new Money(89m, Currency.CNY), 1)]), "daily"));

        // Growth activity: ActivityIgnored(Duplicate) with nothing of the first outcome before.
        var order = GrowthActivity.OrderCompleted(new ActivityId(1), new MemberId(40), T0 + Duration.FromHours(1), new Money(300m, Currency.CNY));
        await a.Growth.EnrolAsync(new MemberId(40), T0);
        static void AnswersFirst(GrowthEvaluation r, IgnoredReason reason)
        {
            var answer = Assert.IsType<ActivityIgnored>(Assert.Single(r.Events));
            Assert.Equal((reason, 300L, (IgnoredReason?)null), (answer.Reason, answer.FirstPoints!.Value, answer.FirstIgnored));
            Assert.Equal(800, r.State.Balance);
        }

        lost.Arm();
        await Assert.ThrowsAsync<AcknowledgementLostException>(() => a.Growth.RecordAsync(new MemberId(40), [order], order.At));
        await b.Growth.RecordAsync(new MemberId(40), [GrowthActivity.OrderCompleted(new ActivityId(2), new MemberId(40), T0 + Duration.FromHours(2), new Money(500m, Currency.CNY))], T0 + Duration.FromHours(2));
        await using var growthRestarted = await StoreHost.StartAsync(database, db, "r11");
        foreach (var host in new[] { a, b, growthRestarted })
        {
            AnswersFirst(await host.Growth.RecordAsync(new MemberId(40), [order], order.At), IgnoredReason.Duplicate);
            AnswersFirst(await host.Growth.RecordAsync(new MemberId(40), [order with { Amount = new Money(1m, Currency.CNY) }], order.At), IgnoredReason.ConflictingDuplicate);
        }

        // Points (issue 27): every wallet command resent after its commit answers Duplicate and changes nothing — the
        // first earning inserts the wallet's row, the reservation of the last available points (InsufficientPoints if
        // it ran again), the return of everything an order spent (ExceedsAmount if it ran again).
        var wallet = new MemberId(50);
        static void Duplicate(SocialCommerce.Points.PointsResult r) => Assert.True(r.Outcome == SocialCommerce.Points.PointsOutcome.Duplicate, r.ToString());
        var lot = new SocialCommerce.Points.PointsEarning("L-1", SocialCommerce.Points.PointsSource.Purchase, 300, T0);
        await ResendEverywhereAsync(db, lost, a, b, s => s.Points.EarnAsync(wallet, lot), Duplicate, "p1");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Points.CompletePurchaseAsync(wallet, "L-1", T0, Duration.FromDays(7)), Duplicate, "p2");
        var thawed = T0 + Duration.FromDays(7);
        await ResendEverywhereAsync(db, lost, a, b, s => s.Points.ReserveAsync(wallet, "O-1", 300, thawed), Duplicate, "p3");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Points.CommitAsync(wallet, "O-1", thawed), Duplicate, "p4");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Points.ReturnAsync(wallet, "O-1", "R-1", 300, thawed), Duplicate, "p5");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Points.ReserveAsync(wallet, "O-2", 100, thawed), Duplicate, "p6");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Points.ReleaseAsync(wallet, "O-2", thawed), Duplicate, "p7");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Points.TakeBackAsync(wallet, "T-1", "L-1", 300, thawed), Duplicate, "p8");
        var balance = await b.Points.GetBalanceAsync(wallet);
        Assert.Equal(new SocialCommerce.Points.PointsBalance(300, 0, 0, 0, 0, 0, 300, 0, 0), balance);
        Assert.Equal(SocialCommerce.Points.PointsRefusal.ConflictingDuplicate, (await b.Points.ReserveAsync(wallet, "O-1", 299, thawed)).Refusal);

        // Coupons (issue 27): the claim that took the last of a member's limit (MemberLimitReached if it ran again), and
        // every step of the coupon's lifecycle.
        await a.Coupons.IssueAsync("flash", "C-1", new MemberId(60), T0);
        await ResendEverywhereAsync(db, lost, a, b, s => s.Coupons.IssueAsync("flash", "C-2", new MemberId(60), T0), r =>
        {
            Assert.Equal(SocialCommerce.Coupons.CouponOutcome.Duplicate, r.Result.Outcome);
            Assert.Equal("C-2", r.Coupon!.CouponId);
        }, "c1");
        Assert.Equal(2, await b.Coupons.CountIssuedAsync("flash", new MemberId(60)));
        static void Same(SocialCommerce.Coupons.CouponResult r) => Assert.True(r.Outcome == SocialCommerce.Coupons.CouponOutcome.Duplicate, r.ToString());
        await ResendEverywhereAsync(db, lost, a, b, s => s.Coupons.LockAsync("C-2", "O-9", T0), Same, "c2");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Coupons.UseAsync("C-2", "O-9", T0), Same, "c3");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Coupons.ReturnAsync("C-2", "R-9", T0, SocialCommerce.Coupons.CouponReturnPolicy.ReturnWhileValid), Same, "c4");
        Assert.Equal(SocialCommerce.Coupons.CouponStatus.Issued, (await b.Coupons.GetAsync("C-2"))!.Status);

        // Sign-ins and tasks (issue 27): wallet commands like the others.
        var signIn = new SocialCommerce.Points.SignInRule(5);
        await ResendEverywhereAsync(db, lost, a, b, s => s.Points.SignInAsync(new MemberId(70), signIn, T0), Duplicate, "s1");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Points.CompleteTaskAsync(new MemberId(70), new SocialCommerce.Points.PointsTaskRule("review", 20, totalCap: 1), "done-1", T0), Duplicate, "s2");

        // The mall (issue 27): the redemption that took a member's last unit and points (MemberLimitReached and
        // InsufficientPoints if it ran again), its completion, and a cancellation that gave units and points back.
        static void Again(SocialCommerce.Points.MallResult r) => Assert.True(r.Outcome == SocialCommerce.Points.PointsOutcome.Duplicate, r.ToString());
        var buyer = new MemberId(80);
        await a.Points.EarnAsync(buyer, new SocialCommerce.Points.PointsEarning("gift", SocialCommerce.Points.PointsSource.Grant, 300, T0, null, "ops", "launch"));
        await ResendEverywhereAsync(db, lost, a, b, s => s.Mall.RedeemAsync("mug", "M-1", buyer, 2, T0), Again, "m1");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Mall.CompleteAsync("M-1", T0), Again, "m2");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Mall.RefundAsync("M-1", T0), Again, "m3");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Mall.RedeemAsync("mug", "M-2", buyer, 1, T0), Again, "m4");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Mall.CancelAsync("M-2", T0), Again, "m5");
        Assert.Equal(0, await b.Mall.CountTakenAsync("mug", buyer));
        Assert.Equal(300, (await b.Points.GetBalanceAsync(buyer)).Available);

        // A campaign's groups (issue 28): the opening that took a member's last units (MemberUnitLimitReached if it ran
        // again), the join that formed a group (refused as formed), a refund after formation, a leaving, a cancellation
        // and a close — each resent answers its first outcome and moves no seat twice.
        static void Echo(CampaignResult r) => Assert.True(r.IsDuplicate, r.ToString());
        Assert.True((await a.Campaign.OpenAsync(new GroupBuyId(201), "TEA", new MemberId(90), 3, T0)).IsApplied);
        Assert.True((await a.Campaign.OpenAsync(new GroupBuyId(202), "TEA", new MemberId(91), 3, T0)).IsApplied);
        await ResendEverywhereAsync(db, lost, a, b, s => s.Campaign.OpenAsync(new GroupBuyId(203), "TEA", new MemberId(90), 3, T0), Echo, "g1");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Campaign.JoinAsync(new GroupBuyId(201), new MemberId(92), 2, T0), Echo, "g2");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Campaign.JoinAsync(new GroupBuyId(201), new MemberId(93), 1, T0), Echo, "g3");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Campaign.RefundSeatAsync(new GroupBuyId(201), new MemberId(93), T0), Echo, "g4");
        Assert.True((await a.Campaign.JoinAsync(new GroupBuyId(202), new MemberId(94), 2, T0)).IsApplied);
        await ResendEverywhereAsync(db, lost, a, b, s => s.Campaign.LeaveAsync(new GroupBuyId(202), new MemberId(94), T0), Echo, "g5");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Campaign.CancelAsync(new GroupBuyId(202), T0), Echo, "g6");
        await ResendEverywhereAsync(db, lost, a, b, s => s.Campaign.CloseAtDeadlineAsync(new GroupBuyId(203), T0 + Duration.FromHours(3)), Echo, "g7");
        Assert.Equal(40 - 5, await b.Campaign.GetLeftAsync("TEA")); // group 201 sold 3 + 2 + 1 units, the refunded 1 back
        Assert.Equal((3, 1), await b.Campaign.GetHeldByAsync(new MemberId(90)));
        Assert.Equal((0, 0), await b.Campaign.GetHeldByAsync(new MemberId(93)));
    }
}

public sealed class SqliteLostAcknowledgementTests(SqliteDatabase database) : LostAcknowledgementTests<SqliteDatabase>(database);

public sealed class PostgresLostAcknowledgementTests(PostgresDatabase database) : LostAcknowledgementTests<PostgresDatabase>(database);

public sealed class RetryingSqliteLostAcknowledgementTests(RetryingSqliteDatabase database) : LostAcknowledgementTests<RetryingSqliteDatabase>(database);

public sealed class RetryingPostgresLostAcknowledgementTests(RetryingPostgresDatabase database) : LostAcknowledgementTests<RetryingPostgresDatabase>(database);
