using System;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Errors;

/// <summary>
/// Every engine refuses in its documented order (issue 24): each test starts from a command that breaks every rule at
/// once and removes the reported reason one at a time, so each refusal is seen exactly where the docs put it.
/// </summary>
public sealed class RefusalOrderTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 10, 0);
    private static readonly MemberId Owner = new(1);

    private static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    [Fact]
    public void A_help_is_answered_duplicate_first_then_refused_completed_expired_paid_owner_not_eligible_then_over_quota()
    {
        var rule = BargainRule.Create("cut", new BargainRuleOptions
        {
            StartPrice = Yuan(100m),
            Floor = Yuan(1m),
            Helpers = 2,
            TimeLimit = Duration.FromHours(24),
            Eligibility = HelperEligibility.NewMembersOnly,
            HelpsPerHelper = 1,
            HelpsPerHelperPerDay = 1,
        });
        Invitation Open()
        {
            Invitation.Open(new InvitationId(1), rule, Owner, T0, 7, out var invitation);
            return invitation;
        }

        var helper = new MemberId(2);
        var late = T0 + Duration.FromHours(24);
        var completed = Open();
        completed.Help(helper, T0, new HelperFacts(IsNewMember: true));
        completed.Help(new MemberId(3), T0, new HelperFacts(IsNewMember: true));
        Assert.Equal(InvitationRefusal.Completed, completed.Help(Owner, late, new HelperFacts(false, 5, true)).Refusal);

        var open = Open();
        open.Help(helper, T0, new HelperFacts(IsNewMember: true));
        Assert.Equal(InvitationRefusal.Expired, open.Help(Owner, late, new HelperFacts(false, 5, true)).Refusal);
        Assert.Equal(InvitationRefusal.PaidHelpForbidden, open.Help(Owner, T0, new HelperFacts(false, 5, true)).Refusal);
        Assert.Equal(InvitationRefusal.OwnerHelping, open.Help(Owner, T0, new HelperFacts(false, 5, false)).Refusal);
        Assert.Equal(InvitationRefusal.NotEligible, open.Help(new MemberId(8), T0, new HelperFacts(false, 5, false)).Refusal);
        Assert.True(open.Help(helper, late, new HelperFacts(false, 5, true)).IsDuplicate); // a help seen again: its first outcome, before every refusal
        Assert.Equal(InvitationRefusal.HelperQuotaReached, open.Help(new MemberId(9), T0, new HelperFacts(true, 5, false)).Refusal);
        Assert.True(open.Help(new MemberId(9), T0, new HelperFacts(true, 0, false)).IsAccepted);
    }

    [Fact]
    public void A_join_is_answered_duplicate_first_then_refused_final_status_expired_leader_not_new_then_too_many_open_groups()
    {
        var rule = GroupBuyRule.Create("trio", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(1)).AddTier(3, 9m)
            .ForNewMembersOnly().LimitOpenGroupsPerMember(1).Build();
        var everything = new ParticipantFacts(IsNewMember: false, OpenGroups: 3);
        var late = T0 + Duration.FromHours(1);
        GroupBuy Open()
        {
            GroupBuy.TryOpen(new GroupBuyId(1), rule, Owner, T0, out var group, new ParticipantFacts(true, 0));
            return group!;
        }

        var cancelled = Open();
        cancelled.Cancel(T0);
        Assert.Equal(GroupBuyRefusal.Cancelled, cancelled.Join(Owner, late, everything).Refusal);
        var failed = Open();
        failed.CloseAtDeadline(late);
        Assert.Equal(GroupBuyRefusal.Failed, failed.Join(Owner, late, everything).Refusal);

        var group = Open();
        var member = new MemberId(2);
        group.Join(member, T0, new ParticipantFacts(true, 0));
        Assert.Equal(GroupBuyRefusal.Expired, group.Join(Owner, late, everything).Refusal);
        Assert.Equal(GroupBuyRefusal.LeaderJoiningOwnGroup, group.Join(Owner, T0, everything).Refusal);
        Assert.True(group.Join(member, late, everything).IsDuplicate);     // a join seen again: its first outcome, before every refusal
        Assert.Equal(GroupBuyRefusal.MemberNotNew, group.Join(new MemberId(3), T0, everything).Refusal);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, group.Join(new MemberId(3), T0, everything with { IsNewMember = true }).Refusal);
        Assert.True(group.Join(new MemberId(3), T0, new ParticipantFacts(true, 0)).IsAccepted);
        Assert.Equal(GroupBuyRefusal.GroupFull, group.Join(new MemberId(4), late, everything).Refusal);
    }

    [Fact]
    public void A_community_order_is_refused_closed_cut_off_duplicate_then_over_the_limit()
    {
        var rule = new CommunityBatchRule(DateTimeZone.Utc, new LocalTime(23, 0), 1, Rate.Percent(10));
        CommunityBatch Open()
        {
            var batch = new CommunityBatch("B-1", Owner, new LocalDate(2026, 11, 5), rule, [new CommunityProduct("durian", Yuan(89m), 5, 2)]);
            batch.PlaceOrder("O-1", new MemberId(2), [new CommunityOrderLine("durian", 2)], T0);
            return batch;
        }

        // The order's identity first (a used id with other lines), then closed, cut-off passed, the member's limit.
        CommunityOrderLine[] over = [new("durian", 1)];
        var closed = Open();
        closed.CloseAtCutOff(closed.CutOff);
        Assert.Equal(CommunityBatchRefusal.ConflictingDuplicate, closed.PlaceOrder("O-1", new MemberId(2), over, closed.CutOff).Refusal);
        Assert.Equal(CommunityBatchRefusal.AlreadyClosed, closed.PlaceOrder("O-2", new MemberId(2), over, closed.CutOff).Refusal);
        var open = Open();
        Assert.Equal(CommunityBatchRefusal.CutOffPassed, open.PlaceOrder("O-2", new MemberId(2), over, open.CutOff).Refusal);
        Assert.Equal(CommunityBatchRefusal.PerMemberLimitExceeded, open.PlaceOrder("O-2", new MemberId(2), over, T0).Refusal);
        Assert.True(open.PlaceOrder("O-2", new MemberId(3), over, T0).IsAccepted);
    }

    [Fact]
    public void A_referral_claim_is_refused_rewarded_pending_currency_window_minimum_then_cap()
    {
        var rule = ReferralRewardRule.Create("first", new ReferralRewardRuleOptions
        {
            MinimumPurchase = Yuan(50m),
            Window = Duration.FromDays(30),
            InviterReward = ReferralRewardValue.Fixed(Yuan(10m)),
            InviterCap = 1,
            CapPeriod = Duration.FromDays(30),
        });
        var buyer = new MemberId(2);
        var bound = new NetworkMember(buyer, Owner, T0);
        Sale Purchase(string id, Money paid, Instant at) => new(id, buyer, at, paid.Currency, [new SaleLine("SKU", "tea", 1, paid)]);
        var everything = Purchase("S-9", new Money(1m, Currency.USD), T0 + Duration.FromDays(31));

        var earned = ReferralClaim.Start(buyer);
        earned.Claim(rule, Purchase("S-1", Yuan(60m), T0), bound);
        earned.Earn("S-1", T0 + Duration.FromDays(1));
        Assert.Equal(ReferralRewardRefusal.AlreadyRewarded, earned.Claim(rule, everything, bound, 5).Refusal);
        var pending = ReferralClaim.Start(buyer);
        pending.Claim(rule, Purchase("S-1", Yuan(60m), T0), bound);
        Assert.Equal(ReferralRewardRefusal.ClaimPending, pending.Claim(rule, everything, bound, 5).Refusal);

        var open = ReferralClaim.Start(buyer);
        Assert.Equal(ReferralRewardRefusal.OtherCurrency, open.Claim(rule, everything, bound, 5).Refusal);
        Assert.Equal(ReferralRewardRefusal.OutsideWindow, open.Claim(rule, Purchase("S-9", Yuan(1m), T0 + Duration.FromDays(30)), bound, 5).Refusal);
        Assert.Equal(ReferralRewardRefusal.BelowMinimum, open.Claim(rule, Purchase("S-9", Yuan(1m), T0), bound, 5).Refusal);
        Assert.Equal(ReferralRewardRefusal.InviterCapReached, open.Claim(rule, Purchase("S-9", Yuan(60m), T0), bound, 5).Refusal);
        Assert.True(open.Claim(rule, Purchase("S-9", Yuan(60m), T0), bound, 0).IsAccepted);
    }

    [Fact]
    public void A_withdrawal_is_answered_duplicate_or_conflicting_first_then_refused_below_minimum_then_insufficient()
    {
        var ledger = new CommissionLedger(new LedgerOptions { MinimumWithdrawals = [Yuan(10m)] });
        ledger.Post(new LedgerSale("S-1", new MemberId(3), T0, Currency.CNY, [new LedgerSaleLine(1, Yuan(100m))], [new LedgerEarning(Owner, 1, 0, Yuan(20m))], Duration.Zero));
        ledger.Complete("S-1", T0);
        ledger.Release(T0);
        Assert.True(ledger.Withdraw(new LedgerWithdrawal("W-1", Owner, Yuan(15m), T0)).Result.IsApplied);

        Assert.Equal(LedgerOutcome.Duplicate, ledger.Withdraw(new LedgerWithdrawal("W-1", Owner, Yuan(15m), T0 + Duration.FromDays(1))).Result.Outcome);
        Assert.Equal(LedgerRefusal.ConflictingDuplicate, ledger.Withdraw(new LedgerWithdrawal("W-1", Owner, Yuan(1m), T0)).Result.Refusal);
        Assert.Equal(LedgerRefusal.BelowMinimumWithdrawal, ledger.Withdraw(new LedgerWithdrawal("W-2", Owner, Yuan(1m), T0)).Result.Refusal);
        Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, ledger.Withdraw(new LedgerWithdrawal("W-2", Owner, Yuan(10m), T0)).Result.Refusal);
    }
}
