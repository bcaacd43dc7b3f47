using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// The stores' behaviour, the same on every provider: each test on a fresh database, and each ends with a restart
/// (a new host on the same database) that must see exactly what was committed.
/// </summary>
public abstract class StoreTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : StoreDatabase
{
    private static readonly MemberId One = new(1);

    [SkippableFact]
    public async Task The_network_registers_binds_refuses_a_cycle_and_is_the_same_after_a_restart()
    {
        var db = await NewDatabaseAsync();
        await using (var shop = await StoreHost.StartAsync(Database, db))
        {
            Assert.True((await shop.Network.RegisterAsync(new MemberId(1), null, T0)).IsBound);
            Assert.True((await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0)).IsBound);
            Assert.True((await shop.Network.RegisterAsync(new MemberId(3), null, T0)).IsBound);
            var again = await shop.Network.RegisterAsync(new MemberId(2), new MemberId(3), T0);
            Assert.Equal(BindingRefusalReason.AlreadyRegistered, again.Refusal);
            Assert.Equal(BindingRefusalReason.UnknownReferrer, (await shop.Network.RegisterAsync(new MemberId(4), new MemberId(99), T0)).Refusal);

            Assert.True((await shop.Network.TryBindAsync(new MemberId(1), new MemberId(3), T0 + Duration.FromHours(1))).IsBound);
            var cycle = await shop.Network.TryBindAsync(new MemberId(3), new MemberId(2), T0 + Duration.FromHours(2));
            Assert.Equal(BindingRefusalReason.Cycle, cycle.Refusal);
            Assert.True((await shop.Network.TryBindAsync(new MemberId(1), new MemberId(3), T0 + Duration.FromHours(3))).AlreadyBound);
            Assert.Equal(BindingRefusalReason.UnknownMember, (await shop.Network.TryBindAsync(new MemberId(404), new MemberId(1), T0 + Duration.FromHours(3))).Refusal); // refused as in memory, not thrown
            Assert.Equal(4, shop.Network.Sequence);
        }

        await using var restarted = await StoreHost.StartAsync(Database, db, "b");
        var network = restarted.Network;
        Assert.Equal(3, network.Count);
        Assert.Equal(4, network.Sequence);
        Span<MemberId> upline = stackalloc MemberId[4];
        Assert.Equal(2, network.CopyUpline(new MemberId(2), upline));
        Assert.Equal([new MemberId(1), new MemberId(3)], upline[..2].ToArray());
        Assert.Single(network.GetBindingHistory(new MemberId(1)));

        // The next command behaves as it would have without the restart.
        Assert.Equal(BindingRefusalReason.Cycle, (await network.TryBindAsync(new MemberId(3), new MemberId(2), T0 + Duration.FromHours(4))).Refusal);
    }

    [SkippableFact]
    public async Task The_ledger_books_completes_releases_withdraws_and_claws_back_exactly_and_idempotently_across_a_restart()
    {
        var db = await NewDatabaseAsync();
        var memory = new CommissionLedger(StoreHost.LedgerOptions);
        LedgerSale sale;
        await using (var shop = await StoreHost.StartAsync(Database, db))
        {
            await shop.Network.RegisterAsync(new MemberId(1), null, T0);
            await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
            await shop.Network.RegisterAsync(new MemberId(3), new MemberId(2), T0);

            (sale, var posted) = await shop.SellAsync("S-1", buyer: 3, amount: 644.26m, T0 + Duration.FromHours(1));
            memory.Post(sale);
            Assert.Equal(LedgerOutcome.Applied, posted.Outcome);
            Assert.Equal(2, posted.Postings.Count);
            Assert.Equal(LedgerOutcome.Duplicate, (await shop.Ledger.PostAsync(sale)).Outcome);

            // Identity is business content: quoted again under another plan (other earnings) it is the same sale...
            var requoted = new LedgerSale("S-1", new MemberId(3), sale.PaidAt, Currency.CNY, sale.Lines, [new LedgerEarning(new MemberId(1), 1, 0, new Money(1m, Currency.CNY))], sale.ReturnWindow);
            Assert.Equal(LedgerOutcome.Duplicate, (await shop.Ledger.PostAsync(requoted)).Outcome);

            // ...while another buyer under the same id is a conflicting duplicate; the first posting stands.
            var other = new LedgerSale("S-1", new MemberId(2), sale.PaidAt, Currency.CNY, sale.Lines, [new LedgerEarning(new MemberId(1), 1, 0, new Money(1m, Currency.CNY))], sale.ReturnWindow);
            Assert.Equal(LedgerRefusal.ConflictingDuplicate, (await shop.Ledger.PostAsync(other)).Refusal);

            var completedAt = T0 + Duration.FromDays(1);
            Assert.True((await shop.Ledger.CompleteAsync("S-1", completedAt)).IsApplied);
            memory.Complete("S-1", completedAt);
            Assert.Equal(LedgerRefusal.UnknownSale, (await shop.Ledger.CompleteAsync("S-404", completedAt)).Refusal);

            Assert.Empty(await shop.Ledger.ReleaseDueAsync(completedAt + Duration.FromDays(7) - Duration.Epsilon));
            var released = await shop.Ledger.ReleaseDueAsync(completedAt + Duration.FromDays(7));
            memory.Release(completedAt + Duration.FromDays(7));
            Assert.Single(released);
            Assert.Empty(await shop.Ledger.ReleaseDueAsync(completedAt + Duration.FromDays(8)));

            var balance = await shop.Ledger.GetBalanceAsync(new MemberId(2), Currency.CNY);
            Assert.Equal(new Money(64.42m, Currency.CNY), balance.Available);

            var withdrawal = new LedgerWithdrawal("W-1", new MemberId(2), new Money(50m, Currency.CNY), completedAt + Duration.FromDays(9));
            var paid = await shop.Ledger.WithdrawAsync(withdrawal);
            memory.Withdraw(withdrawal);
            Assert.Equal(new Money(0.50m, Currency.CNY), paid.Fee);
            Assert.Equal(LedgerOutcome.Duplicate, (await shop.Ledger.WithdrawAsync(withdrawal with { At = withdrawal.At + Duration.FromMinutes(1) })).Result.Outcome);
            Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, (await shop.Ledger.WithdrawAsync(new LedgerWithdrawal("W-2", new MemberId(2), new Money(50m, Currency.CNY), withdrawal.At))).Result.Refusal);
        }

        await using (var restarted = await StoreHost.StartAsync(Database, db, "b"))
        {
            // A refund after release and a withdrawal: the clawback becomes debt, exactly as in memory.
            var refund = LedgerRefund.Full("R-1", "S-1", T0 + Duration.FromDays(10));
            Assert.True((await restarted.Ledger.RefundAsync(refund)).IsApplied);
            memory.Refund(refund);
            Assert.Equal(LedgerOutcome.Duplicate, (await restarted.Ledger.RefundAsync(refund)).Outcome);

            foreach (var expected in memory.GetBalances(new MemberId(1)).Concat(memory.GetBalances(new MemberId(2))))
            {
                var stored = await restarted.Ledger.GetBalanceAsync(expected.Member, expected.Currency);
                Assert.Equal(expected, stored);
            }

            foreach (var stored in await restarted.Ledger.GetBalancesAsync())
            {
                Assert.Equal(stored.Booked.Amount - stored.Reversed.Amount + stored.WrittenOff.Amount + stored.Forgiven.Amount, stored.Pending.Amount + stored.Frozen.Amount + stored.Available.Amount + stored.Withdrawn.Amount - stored.ClawbackDebt.Amount);
            }

            var record = await restarted.Ledger.GetSaleAsync("S-1");
            Assert.NotNull(record);
            Assert.Equal(sale.Earnings, record.Sale.Earnings);
        }

        await using var context = OpenContext(db);
        var postings = await context.Set<EntryRow>().Select(e => e.PostingId).ToListAsync();
        Assert.Equal(postings.Count, postings.Distinct().Count());
        Assert.Equal(2 + 2 + 2 + 2 + 1, postings.Count); // earned, completed, released, clawed back (2 each), one withdrawal
    }

    [SkippableFact]
    public async Task Withdrawals_go_through_review_and_failed_transfers_with_exact_balances_across_a_restart()
    {
        var db = await NewDatabaseAsync();
        await using (var shop = await StoreHost.StartAsync(Database, db))
        {
            await shop.Network.RegisterAsync(new MemberId(1), null, T0);
            await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
            await shop.SellAsync("S-1", buyer: 2, amount: 1000m, T0);
            await shop.Ledger.CompleteAsync("S-1", T0);
            await shop.Ledger.ReleaseDueAsync(T0 + Duration.FromDays(7));

            var requested = await shop.Ledger.RequestWithdrawalAsync(new LedgerWithdrawal("W-1", new MemberId(1), new Money(60m, Currency.CNY), T0 + Duration.FromDays(8)));
            Assert.Equal(WithdrawalStatus.Requested, requested.Withdrawal!.Status);
            Assert.Equal(new Money(0.60m, Currency.CNY), requested.Withdrawal.Fee);
            Assert.Equal(LedgerRefusal.WithdrawalStateConflict, (await shop.Ledger.MarkWithdrawalPaidAsync(One, Currency.CNY, "W-1", "T-1", T0 + Duration.FromDays(8))).Refusal);
            Assert.True((await shop.Ledger.ApproveWithdrawalAsync(One, Currency.CNY, "W-1")).IsApplied);
            Assert.True((await shop.Ledger.MarkWithdrawalFailedAsync(One, Currency.CNY, "W-1", "bank refused")).IsApplied);
            Assert.Equal(new Money(100m, Currency.CNY), (await shop.Ledger.GetBalanceAsync(new MemberId(1), Currency.CNY)).Available);
            Assert.True((await shop.Ledger.RequestWithdrawalAsync(new LedgerWithdrawal("W-2", new MemberId(1), new Money(30m, Currency.CNY), T0 + Duration.FromDays(8)))).IsApplied);
        }

        await using var restarted = await StoreHost.StartAsync(Database, db, "b");
        Assert.Equal(new Money(30m, Currency.CNY), await restarted.Ledger.GetInWithdrawalAsync(new MemberId(1), Currency.CNY));
        Assert.True((await restarted.Ledger.RetryWithdrawalAsync(One, Currency.CNY, "W-1")).IsApplied);
        var paid = await restarted.Ledger.MarkWithdrawalPaidAsync(One, Currency.CNY, "W-1", "T-2", T0 + Duration.FromDays(9));
        Assert.Equal(2, paid.Withdrawal!.Attempts);
        Assert.Equal(LedgerOutcome.Duplicate, (await restarted.Ledger.MarkWithdrawalPaidAsync(One, Currency.CNY, "W-1", "T-2", T0 + Duration.FromDays(9))).Outcome);
        Assert.True((await restarted.Ledger.RejectWithdrawalAsync(One, Currency.CNY, "W-2", "review")).IsApplied);
        Assert.Equal(LedgerRefusal.UnknownWithdrawal, (await restarted.Ledger.ApproveWithdrawalAsync(One, Currency.CNY, "W-404")).Refusal);

        var balance = await restarted.Ledger.GetBalanceAsync(new MemberId(1), Currency.CNY);
        Assert.Equal(new Money(40m, Currency.CNY), balance.Available);
        Assert.Equal(new Money(60m, Currency.CNY), balance.Withdrawn);
        Assert.Equal(new Money(0.60m, Currency.CNY), balance.WithdrawalFees);
        Assert.Equal(new Money(0m, Currency.CNY), await restarted.Ledger.GetInWithdrawalAsync(new MemberId(1), Currency.CNY));
        Assert.Equal("T-2", (await restarted.Ledger.GetWithdrawalAsync(One, Currency.CNY, "W-1"))!.TransferReference);
        Assert.Equal(WithdrawalStatus.Rejected, (await restarted.Ledger.GetWithdrawalAsync(One, Currency.CNY, "W-2"))!.Status);
    }

    [SkippableFact]
    public async Task A_payout_run_is_planned_reviewed_committed_once_and_skips_small_balances()
    {
        var db = await NewDatabaseAsync();
        await using var shop = await StoreHost.StartAsync(Database, db);
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        await shop.Network.RegisterAsync(new MemberId(3), new MemberId(2), T0);
        await shop.SellAsync("S-1", buyer: 3, amount: 5m, T0);       // member 2 earns 0.50 (below the ¥1 minimum), member 1 earns 0.25
        await shop.SellAsync("S-2", buyer: 2, amount: 200m, T0);     // member 1 earns 20.00
        await shop.Ledger.CompleteAsync("S-1", T0);
        await shop.Ledger.CompleteAsync("S-2", T0);
        await shop.Ledger.ReleaseDueAsync(T0 + Duration.FromDays(8));

        var run = await shop.Ledger.PlanPayoutRunAsync("2026-11", T0 + Duration.FromDays(9));
        var payout = Assert.Single(run.Payouts);
        Assert.Equal((new MemberId(1), new Money(20.25m, Currency.CNY)), (payout.Member, payout.Gross));
        var skipped = Assert.Single(run.Skipped);
        Assert.Equal((new MemberId(2), PayoutSkipReason.BelowMinimum, new Money(0.50m, Currency.CNY)), (skipped.Member, skipped.Reason, skipped.Available));
        Assert.Equal(new Money(20.25m, Currency.CNY), (await shop.Ledger.GetBalanceAsync(new MemberId(1), Currency.CNY)).Available); // the plan changed nothing

        var committed = Assert.Single(await shop.Ledger.CommitPayoutRunAsync(run));
        Assert.True(committed.IsApplied);
        Assert.Equal(WithdrawalStatus.Approved, committed.Withdrawal!.Status);
        Assert.False(Assert.Single(await shop.Ledger.CommitPayoutRunAsync(run)).IsApplied);
        Assert.Equal(new Money(20.25m, Currency.CNY), await shop.Ledger.GetInWithdrawalAsync(new MemberId(1), Currency.CNY));
        Assert.True((await shop.Ledger.MarkWithdrawalPaidAsync(One, Currency.CNY, payout.WithdrawalId, "BATCH-7", T0 + Duration.FromDays(10))).IsApplied);
        Assert.Equal(new Money(20.25m, Currency.CNY), (await shop.Ledger.GetBalanceAsync(new MemberId(1), Currency.CNY)).Withdrawn);
        Assert.Equal(new Money(0.50m, Currency.CNY), (await shop.Ledger.GetBalanceAsync(new MemberId(2), Currency.CNY)).Available); // carried to the next run
    }

    [SkippableFact]
    public async Task Holds_declines_and_adjustments_change_balances_only_as_decided_and_the_reports_add_up()
    {
        var db = await NewDatabaseAsync();
        await using var shop = await StoreHost.StartAsync(Database, db);
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        await shop.Network.RegisterAsync(new MemberId(3), new MemberId(2), T0);
        foreach (var id in new[] { "S-1", "S-2", "S-3" })
        {
            await shop.SellAsync(id, buyer: 3, amount: 100m, T0);
            await shop.Ledger.CompleteAsync(id, T0);
        }

        Assert.True((await shop.Ledger.HoldSaleAsync("S-1", "H-1", "flagged referral")).IsApplied);
        Assert.True((await shop.Ledger.HoldSaleAsync("S-2", "H-2", "fraud review")).IsApplied);
        Assert.Equal(LedgerRefusal.UnknownSale, (await shop.Ledger.HoldSaleAsync("S-404", "H-3", "x")).Refusal);
        var released = await shop.Ledger.ReleaseDueAsync(T0 + Duration.FromDays(8));
        Assert.Single(released);                                             // S-3 only: the held sales stay frozen
        Assert.True((await shop.Ledger.DeclineSaleAsync("S-2", T0 + Duration.FromDays(9))).IsApplied);
        Assert.True((await shop.Ledger.LiftHoldAsync("S-1", "H-1")).IsApplied);
        var later = await shop.Ledger.ReleaseDueAsync(T0 + Duration.FromDays(9));          // S-1 now; S-2 (declined) releases nothing
        Assert.Equal(2, later.Sum(r => r.Postings.Count));
        Assert.All(later.SelectMany(r => r.Postings), p => Assert.Equal("S-1", p.SaleId));
        Assert.Equal(LedgerRefusal.SaleAlreadyReleased, (await shop.Ledger.HoldSaleAsync("S-1", "H-4", "late")).Refusal);

        var adjustment = new AccountAdjustment("A-1", new MemberId(2), new Money(-25m, Currency.CNY), "ops-7", "duplicate payment in October", T0 + Duration.FromDays(10));
        Assert.True((await shop.Ledger.AdjustAsync(adjustment)).IsApplied);
        Assert.Equal(LedgerOutcome.Duplicate, (await shop.Ledger.AdjustAsync(adjustment)).Outcome);
        Assert.Equal(LedgerRefusal.ConflictingDuplicate, (await shop.Ledger.AdjustAsync(adjustment with { Amount = new Money(-26m, Currency.CNY) })).Refusal);

        // Member 2 earned 10 % of three sales (30.00); S-2 was declined (10.00 reversed); 20.00 released; −25.00 adjusted: 5.00 debt.
        var two = await shop.Ledger.GetBalanceAsync(new MemberId(2), Currency.CNY);
        Assert.Equal(new Money(0m, Currency.CNY), two.Available);
        Assert.Equal(new Money(5m, Currency.CNY), two.ClawbackDebt);
        Assert.Equal(new Money(10m, Currency.CNY), two.Reversed);

        var totals = Assert.Single(await shop.Ledger.GetTotalsAsync());
        Assert.Equal(2, totals.Accounts);
        Assert.Equal(new Money(45m, Currency.CNY), totals.Booked);                     // 30.00 + 15.00
        Assert.Equal(new Money(15m, Currency.CNY), totals.Reversed);
        Assert.Equal(new Money(-25m, Currency.CNY), totals.Adjusted);
        Assert.True(totals.IsConserved, totals.ToString());
        var byAvailable = await shop.Ledger.ListAccountsAsync(Currency.CNY, AccountOrder.ByAvailableDescending);
        Assert.Equal([new MemberId(1), new MemberId(2)], byAvailable.Select(b => b.Member).ToArray());
        Assert.Equal([new MemberId(2)], (await shop.Ledger.ListAccountsAsync(Currency.CNY, AccountOrder.ByMember, skip: 1, take: 1)).Select(b => b.Member).ToArray());
    }

    [SkippableTheory]
    [InlineData(ClawbackPolicy.CarryAsDebt)]
    [InlineData(ClawbackPolicy.CapAtAvailable)]
    [InlineData(ClawbackPolicy.ForgiveWithdrawn)]
    public async Task The_totals_show_written_off_and_forgiven_clawbacks_and_conserve_under_every_policy(ClawbackPolicy policy)
    {
        var db = await NewDatabaseAsync();
        await using var shop = await StoreHost.StartAsync(Database, db, configure: o => o.Ledger = StoreHost.LedgerOptions with { Clawback = policy });
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        await shop.SellAsync("S-1", 2, 100m, T0);                                  // member 1 earns 10.00
        await shop.Ledger.CompleteAsync("S-1", T0);
        await shop.Ledger.ReleaseDueAsync(T0 + Duration.FromDays(8));
        Assert.True((await shop.Ledger.WithdrawAsync(new LedgerWithdrawal("W-1", new MemberId(1), new Money(6m, Currency.CNY), T0 + Duration.FromDays(8)))).Result.IsApplied);
        await shop.Ledger.RefundAsync(LedgerRefund.Full("R-1", "S-1", T0 + Duration.FromDays(9)));    // claws back 10.00 of which 4.00 is available

        var totals = Assert.Single(await shop.Ledger.GetTotalsAsync());
        Assert.True(totals.IsConserved, totals.ToString());
        var (writtenOff, forgiven, debt) = policy switch
        {
            ClawbackPolicy.CapAtAvailable => (6m, 0m, 0m),
            ClawbackPolicy.ForgiveWithdrawn => (0m, 6m, 0m),
            _ => (0m, 0m, 6m),
        };
        Assert.Equal(new Money(writtenOff, Currency.CNY), totals.WrittenOff);
        Assert.Equal(new Money(forgiven, Currency.CNY), totals.Forgiven);
        Assert.Equal(new Money(debt, Currency.CNY), totals.Debt);
    }

    [SkippableFact]
    public async Task Group_buys_open_join_form_refuse_and_keep_the_per_member_limit_across_a_restart()
    {
        var db = await NewDatabaseAsync();
        var group = new GroupBuyId(7);
        await using (var shop = await StoreHost.StartAsync(Database, db))
        {
            Assert.True((await shop.Groups.OpenAsync(group, "five", new MemberId(1), T0)).IsAccepted);
            Assert.Equal(GroupBuyRefusal.ConflictingDuplicate, (await shop.Groups.OpenAsync(group, "five", new MemberId(9), T0)).Refusal);
            for (var m = 2; m <= 4; m++)
            {
                Assert.True((await shop.Groups.JoinAsync(group, new MemberId(m), T0 + Duration.FromMinutes(m))).IsAccepted);
            }

            var again = await shop.Groups.JoinAsync(group, new MemberId(3), T0 + Duration.FromMinutes(9));
            Assert.True(again.IsDuplicate);                                 // a join seen again answers its first outcome
            Assert.Equal(T0 + Duration.FromMinutes(3), Assert.IsType<MemberJoined>(Assert.Single(again.Events)).At);
            Assert.True((await shop.Groups.OpenAsync(new GroupBuyId(8), "pair", new MemberId(20), T0)).IsAccepted);
            Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, (await shop.Groups.OpenAsync(new GroupBuyId(9), "pair", new MemberId(20), T0)).Refusal);
            await Assert.ThrowsAsync<UnknownGroupBuyException>(() => shop.Groups.JoinAsync(new GroupBuyId(404), new MemberId(2), T0));
        }

        await using var restarted = await StoreHost.StartAsync(Database, db, "b");
        var joined = await restarted.Groups.JoinAsync(group, new MemberId(5), T0 + Duration.FromMinutes(10));
        Assert.Contains(joined.Events, e => e is GroupFormed);
        Assert.Equal(GroupBuyRefusal.GroupFull, (await restarted.Groups.JoinAsync(group, new MemberId(6), T0 + Duration.FromMinutes(11))).Refusal);
        var stored = await restarted.Groups.GetAsync(group);
        Assert.Equal(GroupBuyStatus.Formed, stored!.Status);
        Assert.Equal(5, stored.ParticipantCount);

        // Still limited after the restart; free again once the pair fails at its deadline.
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, (await restarted.Groups.OpenAsync(new GroupBuyId(9), "pair", new MemberId(20), T0)).Refusal);
        var settled = await restarted.Groups.CloseDueAsync(T0 + Duration.FromHours(1));
        Assert.Contains(settled, r => r.Events.Any(e => e is GroupFailed));
        Assert.Empty(await restarted.Groups.GetOpenGroupsAsync("pair"));
        Assert.True((await restarted.Groups.OpenAsync(new GroupBuyId(9), "pair", new MemberId(20), T0 + Duration.FromHours(2))).IsAccepted);

        await using var context = OpenContext(db);
        Assert.Contains(await context.Set<RuleVersionRow>().ToListAsync(), r => r.Kind == "group-buy-rule" && r.Name == "five");
        Assert.Contains(await context.Set<RuleVersionRow>().ToListAsync(), r => r.Kind == "commission-plan" && r.Version == restarted.Engine.Plan.Version);
    }

    [SkippableFact]
    public async Task Seats_of_several_units_a_hand_over_and_a_refund_after_formation_are_stored_and_answer_resends_across_a_restart()
    {
        var db = await NewDatabaseAsync();
        var group = new GroupBuyId(21);
        var leader = new MemberId(1);
        await using (var shop = await StoreHost.StartAsync(Database, db))
        {
            Assert.True((await shop.Groups.OpenAsync(group, "seats", leader, T0, units: 2)).IsApplied);
            Assert.Equal(GroupBuyRefusal.TooManyUnits, (await shop.Groups.JoinAsync(group, new MemberId(2), T0 + Duration.FromMinutes(1), units: 6)).Refusal);
            Assert.True((await shop.Groups.JoinAsync(group, new MemberId(2), T0 + Duration.FromMinutes(1), units: 4)).IsApplied);
            Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, (await shop.Groups.OpenAsync(new GroupBuyId(22), "seats", leader, T0 + Duration.FromMinutes(2))).Refusal);

            var left = await shop.Groups.LeaveAsync(group, leader, T0 + Duration.FromMinutes(30));
            var leftEvent = Assert.IsType<MemberLeft>(Assert.Single(left.Events));
            Assert.Equal(new MemberId(2), leftEvent.NewLeader);
            Assert.Equal(T0 + Duration.FromMinutes(150), leftEvent.Deadline);
            Assert.Equal(new Money(20m, Currency.CNY), leftEvent.Refund);
            Assert.True((await shop.Groups.LeaveAsync(group, leader, T0 + Duration.FromMinutes(31))).IsDuplicate);

            // The leaver's open-group slot is free again; the group's stored deadline moved, so the job leaves it open.
            Assert.True((await shop.Groups.OpenAsync(new GroupBuyId(22), "seats", leader, T0 + Duration.FromMinutes(32))).IsApplied);
            Assert.DoesNotContain(await shop.Groups.CloseDueAsync(T0 + Duration.FromMinutes(125)), r => r.GroupId == group);
        }

        await using var restarted = await StoreHost.StartAsync(Database, db, "b");
        Assert.True((await restarted.Groups.JoinAsync(group, new MemberId(3), T0 + Duration.FromMinutes(40), units: 3)).IsApplied);
        var formed = Assert.IsType<GroupFormed>((await restarted.Groups.JoinAsync(group, new MemberId(4), T0 + Duration.FromMinutes(41))).Events[^1]);
        Assert.Equal(8, formed.Units);
        Assert.Equal(new Money(8m, Currency.CNY), formed.Tier.UnitPrice);
        Assert.Equal(new Money(24m, Currency.CNY), formed.Settlements[0].Price); // the new leader: one of its four units free

        var refund = await restarted.Groups.RefundSeatAsync(group, new MemberId(3), T0 + Duration.FromHours(5));
        Assert.Equal(new Money(24m, Currency.CNY), Assert.IsType<SeatRefunded>(Assert.Single(refund.Events)).Refund);
        Assert.True((await restarted.Groups.RefundSeatAsync(group, new MemberId(3), T0 + Duration.FromHours(6))).IsDuplicate);
        Assert.Equal(GroupBuyRefusal.NotFormed, (await restarted.Groups.RefundSeatAsync(new GroupBuyId(22), leader, T0 + Duration.FromHours(1))).Refusal);

        var stored = await restarted.Groups.GetAsync(group);
        Assert.Equal(GroupBuyStatus.Formed, stored!.Status);
        Assert.Equal(new MemberId(2), stored.Leader);
        Assert.True(stored.IsRefunded(new MemberId(3)));
        Assert.Equal(3, stored.ParticipantCount);
        Assert.Equal(8, stored.Units);
    }

    [SkippableFact]
    public async Task A_community_batch_takes_orders_and_closes_at_its_cut_off_across_a_restart()
    {
        var db = await NewDatabaseAsync();
        var delivery = new LocalDate(2026, 11, 4);
        await using (var shop = await StoreHost.StartAsync(Database, db))
        {
            var batch = new CommunityBatch("B-1", new MemberId(1), delivery, StoreHost.DailyRule, [new CommunityProduct("durian", new Money(89m, Currency.CNY), 3), new CommunityProduct("melon", new Money(12m, Currency.CNY), 10)]);
            await shop.Batches.CreateAsync(batch, "daily");
            Assert.True((await shop.Batches.PlaceOrderAsync("B-1", "O-1", new MemberId(2), [new CommunityOrderLine("durian", 2), new CommunityOrderLine("melon", 1)], T0)).IsAccepted);
            Assert.Equal(CommunityBatchRefusal.ConflictingDuplicate, (await shop.Batches.PlaceOrderAsync("B-1", "O-1", new MemberId(2), [new CommunityOrderLine("durian", 1)], T0)).Refusal);
        }

        await using var restarted = await StoreHost.StartAsync(Database, db, "b");
        Assert.True((await restarted.Batches.PlaceOrderAsync("B-1", "O-2", new MemberId(3), [new CommunityOrderLine("durian", 1)], T0)).IsAccepted);
        var cutOff = StoreHost.DailyRule.ResolveCutOff(delivery);
        Assert.Equal(CommunityBatchRefusal.CutOffPassed, (await restarted.Batches.PlaceOrderAsync("B-1", "O-3", new MemberId(4), [new CommunityOrderLine("durian", 1)], cutOff)).Refusal);
        var closed = await restarted.Batches.CloseAtCutOffAsync("B-1", cutOff);
        Assert.True(closed.IsClosed);
        Assert.Equal(new Money(267m, Currency.CNY), closed.Settlement!.ConfirmedSales); // durian met 3; melon (1 of 10) refunded
        Assert.Equal(new Money(12m, Currency.CNY), closed.Settlement.Refunded);
        var again = await restarted.Batches.CloseAtCutOffAsync("B-1", cutOff + Duration.FromHours(1));
        Assert.True(again is { IsClosed: true, IsDuplicate: true });
        Assert.Equal(closed.Settlement.Lines, again.Settlement!.Lines);
        Assert.Equal(CommunityBatchStatus.Closed, (await restarted.Batches.GetAsync("B-1"))!.Status);
    }

    [SkippableFact]
    public async Task Growth_accounts_record_activity_once_and_keep_it_across_a_restart()
    {
        var db = await NewDatabaseAsync();
        var member = new MemberId(5);
        await using (var shop = await StoreHost.StartAsync(Database, db))
        {
            await shop.Growth.EnrolAsync(member, T0);
            var first = await shop.Growth.RecordAsync(member, [GrowthActivity.OrderCompleted(new ActivityId(1), member, T0 + Duration.FromHours(1), new Money(320m, Currency.CNY))], T0 + Duration.FromHours(2));
            Assert.Equal(320, first.State.Balance);
            var repeated = await shop.Growth.RecordAsync(member, [GrowthActivity.OrderCompleted(new ActivityId(1), member, T0 + Duration.FromHours(1), new Money(320m, Currency.CNY))], T0 + Duration.FromHours(2));
            Assert.Equal(320, repeated.State.Balance);
            await Assert.ThrowsAsync<KeyNotFoundException>(() => shop.Growth.RecordAsync(new MemberId(404), [], T0));
        }

        await using var restarted = await StoreHost.StartAsync(Database, db, "b");
        var next = await restarted.Growth.RecordAsync(member, [GrowthActivity.OrderCompleted(new ActivityId(2), member, T0 + Duration.FromHours(3), new Money(200m, Currency.CNY))], T0 + Duration.FromHours(4));
        Assert.Equal(520, next.State.Balance);
        Assert.Equal("V2", next.State.Level.Name);
        Assert.Equal(520, (await restarted.Growth.GetAsync(member))!.Balance);
    }

    [SkippableFact]
    public async Task A_batch_of_sales_is_booked_in_one_transaction_and_a_retried_or_overlapping_batch_books_each_sale_once()
    {
        var db = await NewDatabaseAsync();
        await using var shop = await StoreHost.StartAsync(Database, db);
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        await shop.Network.RegisterAsync(new MemberId(3), new MemberId(2), T0);
        var sales = new List<LedgerSale>();
        for (var i = 0; i < 150; i++)
        {
            var sale = new Sale($"B-{i}", new MemberId(3), T0 + Duration.FromSeconds(i), Currency.CNY, [new SaleLine("p", "c", 1 + i % 3, new Money(10m + i * 0.37m, Currency.CNY))]);
            sales.Add(LedgerSale.FromQuote(sale, await shop.Network.QuoteAsync(shop.Engine, sale), shop.Engine.Plan));
        }

        var memory = new CommissionLedger(StoreHost.LedgerOptions);
        sales.ForEach(s => memory.Post(s));
        Assert.All(await shop.Ledger.PostManyAsync(sales[..100]), r => Assert.Equal(LedgerOutcome.Applied, r.Outcome));

        // 50 already booked and 50 new: the unique keys refuse the batch, its retry books only the new ones.
        var overlapping = await shop.Ledger.PostManyAsync(sales[50..]);
        Assert.Equal(50, overlapping.Count(r => r.Outcome == LedgerOutcome.Duplicate));
        Assert.Equal(50, overlapping.Count(r => r.Outcome == LedgerOutcome.Applied));
        Assert.All(await shop.Ledger.PostManyAsync(sales), r => Assert.Equal(LedgerOutcome.Duplicate, r.Outcome));
        await Assert.ThrowsAsync<ArgumentException>(() => shop.Ledger.PostManyAsync([sales[0], sales[0]]));

        foreach (var balance in await shop.Ledger.GetBalancesAsync())
        {
            Assert.Equal(memory.GetBalance(balance.Member, balance.Currency), balance);
        }

        await using var context = OpenContext(db);
        Assert.Equal(150, await context.Set<SaleRow>().CountAsync());
        Assert.Equal(300, await context.Set<EntryRow>().CountAsync());
    }

    [SkippableFact]
    public async Task Posting_a_quoted_sale_is_one_transaction_and_two_round_trips_without_reading_an_account()
    {
        var db = await NewDatabaseAsync();
        var counter = new RoundTripCounter();
        await using var shop = await StoreHost.StartAsync(Database, db, "a", null, counter);
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        var sale = new Sale("S-rt", new MemberId(2), T0, Currency.CNY, [new SaleLine("p", "c", 1, new Money(100m, Currency.CNY))]);
        var ledgerSale = LedgerSale.FromQuote(sale, await shop.Network.QuoteAsync(shop.Engine, sale), shop.Engine.Plan);

        counter.Reset();
        Assert.True((await shop.Ledger.PostAsync(ledgerSale)).IsApplied);
        Assert.Equal(1, counter.Transactions);
        if (Database.IsNetworked)
        {
            // One command (the sale, the entries, each account's delta) and the commit: nothing is read first.
            Assert.True(counter.Commands + counter.Transactions <= 2, $"{counter.Commands} commands and {counter.Transactions} commits");
        }
    }

    [SkippableFact]
    public async Task Concurrent_quotes_share_refreshes_and_each_sees_every_binding_committed_before_it_was_called()
    {
        var db = await NewDatabaseAsync();
        var counter = new RoundTripCounter();
        var hold = new HoldAfterRead();
        await using var a = await StoreHost.StartAsync(Database, db, "a", null, counter, hold);
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        await a.Network.RegisterAsync(new MemberId(1), null, T0);
        for (var m = 10; m < 14; m++)
        {
            await a.Network.RegisterAsync(new MemberId(m), null, T0);
        }

        await b.Network.LoadAsync();
        static Sale SaleBy(string id, long buyer) => new(id, new MemberId(buyer), T0, Currency.CNY, [new SaleLine("p", "c", 1, new Money(100m, Currency.CNY))]);

        for (var round = 0; round < 3; round++)
        {
            // Instance b binds member 10 + round to member 1; instance a has not seen it when its quotes are called.
            var member = 10 + round;
            Assert.True((await b.Network.TryBindAsync(new MemberId(member), new MemberId(1), T0 + Duration.FromHours(1))).IsBound);
            counter.Reset();

            // The first quote's refresh is held after its read until all 40 quotes are called (on a busy machine it
            // could otherwise finish while they are still being called, and a third refresh would be due).
            hold.Arm();
            var calls = Enumerable.Range(0, 40).Select(i => a.Network.QuoteAsync(a.Engine, SaleBy($"S-{round}-{i}", member))).ToList();
            await hold.Read.WaitAsync(TimeSpan.FromSeconds(30));
            hold.Release();
            var quotes = await Task.WhenAll(calls);

            Assert.All(quotes, quote => Assert.Equal(new MemberId(1), Assert.Single(quote.Lines).Beneficiary));

            // 40 quotes, not 40 queries: the first quote's refresh; the 39 called while it was in flight cannot rely
            // on it (it started before they were called), so they share exactly one more.
            Assert.Equal(2, counter.Commands);
        }

        // One quote at a time still reads the bindings committed since the last one, every time.
        Assert.True((await b.Network.TryBindAsync(new MemberId(13), new MemberId(1), T0 + Duration.FromHours(1))).IsBound);
        counter.Reset();
        var single = await a.Network.QuoteAsync(a.Engine, SaleBy("S-single", 13));
        Assert.Equal(new MemberId(1), Assert.Single(single.Lines).Beneficiary);
        Assert.Equal(1, counter.Commands);
    }

    [SkippableFact]
    public async Task A_fresh_database_gets_its_tables_at_start_without_a_failed_command()
    {
        var db = await NewDatabaseAsync();
        var counter = new RoundTripCounter();
        await using var shop = await StoreHost.StartAsync(Database, db, "a", null, counter);
        Assert.Equal(0, counter.Failed);
        Assert.True((await shop.Network.RegisterAsync(new MemberId(1), null, T0)).IsBound);
    }

    [SkippableFact]
    public async Task A_stored_row_of_an_unknown_schema_version_is_an_error_naming_the_table_the_row_and_the_version()
    {
        var db = await NewDatabaseAsync();
        await using var shop = await StoreHost.StartAsync(Database, db);
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        await shop.SellAsync("S-v", buyer: 2, amount: 10m, T0);
        await using (var context = OpenContext(db))
        {
            var row = await context.Set<SaleRow>().SingleAsync();
            row.SchemaVersion = 7;
            await context.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => shop.Ledger.CompleteAsync("S-v", T0 + Duration.FromHours(1)));
        Assert.Contains("sc_sales", error.Message);
        Assert.Contains("'S-v'", error.Message);
        Assert.Contains("version 7", error.Message);
        await using (var context = OpenContext(db))
        {
            Assert.Equal((int)LedgerSaleStatus.Pending, (await context.Set<SaleRow>().SingleAsync()).Status);
        }
    }

    [SkippableFact]
    public async Task A_database_without_the_tables_stops_the_host_saying_which_table_is_missing_and_what_to_do()
    {
        var db = await NewDatabaseAsync();
        using var host = StoreHost.Build(Database, db, "a", o => o.CreateSchemaAtStart = false);
        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => host.StartAsync());
        Assert.Contains("sc_schema", error.Message);
        Assert.Contains("migrations", error.Message);
    }

    [SkippableFact]
    public async Task Tables_at_another_schema_version_stop_the_host_naming_both_versions()
    {
        var db = await NewDatabaseAsync();
        await using (var shop = await StoreHost.StartAsync(Database, db))
        {
        }

        await using (var context = OpenContext(db))
        {
            var row = await context.Set<SchemaRow>().SingleAsync();
            row.Version = 99;
            await context.SaveChangesAsync();
        }

        using var host = StoreHost.Build(Database, db, "b");
        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => host.StartAsync());
        Assert.Contains("version 99", error.Message);
        Assert.Contains($"version {SocialCommerceSchema.Version}", error.Message);
    }

    [SkippableFact]
    public async Task An_unreachable_database_stops_the_host_with_an_error_naming_the_database()
    {
        Database.SkipUnlessAvailable();
        using var host = StoreHost.Build(Database, Database.Unreachable, "a", o => o.MaxAttempts = 2);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => host.StartAsync());
        Assert.Contains("connect to", error.Message);
        Assert.Contains(Database is PostgresDatabase ? "Npgsql" : "Sqlite", error.Message);       // our words: which database
        Assert.Contains("Retry later", error.Message);
        Assert.DoesNotContain(error.InnerException!.GetBaseException().Message, error.Message, StringComparison.Ordinal); // never the provider's text
        Assert.DoesNotContain("1 times", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteStoreTests(SqliteDatabase database) : StoreTests<SqliteDatabase>(database);

public sealed class PostgresStoreTests(PostgresDatabase database) : StoreTests<PostgresDatabase>(database);

public sealed class RetryingSqliteStoreTests(RetryingSqliteDatabase database) : StoreTests<RetryingSqliteDatabase>(database);

public sealed class RetryingPostgresStoreTests(RetryingPostgresDatabase database) : StoreTests<RetryingPostgresDatabase>(database);
