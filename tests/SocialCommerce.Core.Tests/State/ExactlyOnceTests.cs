using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.State;

/// <summary>
/// Exactly-once replies in memory (issue 25): a command seen again answers its first outcome — before any state check —
/// and the same identity with other content is a conflicting duplicate; the same after a restore from history.
/// </summary>
public sealed class ExactlyOnceTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 10, 0);

    private static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    [Fact]
    public void An_opening_resent_with_its_command_id_answers_its_first_outcome_even_under_a_one_open_group_rule()
    {
        var book = new GroupBuyBook();
        book.AddRule(GroupBuyRule.Create("pair", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(1)).AddTier(2, 9m).LimitOpenGroupsPerMember(1).Build());
        var first = book.Open("pair", new MemberId(1), T0, commandId: "open-1");

        var again = book.Open("pair", new MemberId(1), T0 + Duration.FromMinutes(1), commandId: "open-1");
        var other = book.Open("pair", new MemberId(2), T0, commandId: "open-1");

        Assert.True(again.IsDuplicate);
        Assert.Equal(first.GroupId, again.GroupId);
        Assert.Same(first.Events[0], again.Events[0]);
        Assert.Equal(GroupBuyRefusal.ConflictingDuplicate, other.Refusal);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, book.Open("pair", new MemberId(1), T0, commandId: "open-2").Refusal);
        Assert.Single(book.GetOpenGroups("pair"));
        Assert.Throws<ArgumentException>(() => book.Open("pair", new MemberId(1), T0, commandId: new string('x', Limits.MaxIdLength + 1)));
    }

    [Fact]
    public void The_join_that_took_the_last_seat_resent_answers_its_join_and_the_formation_also_after_a_restore()
    {
        var rule = GroupBuyRule.Create("trio", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(1)).AddTier(3, 9m).Build();
        var history = new List<GroupBuyEvent>(GroupBuy.TryOpen(new GroupBuyId(1), rule, new MemberId(1), T0, out var group).Events);
        history.AddRange(group!.Join(new MemberId(2), T0).Events);
        var last = group.Join(new MemberId(3), T0 + Duration.FromMinutes(1));
        history.AddRange(last.Events);

        foreach (var g in new[] { group, GroupBuy.FromHistory(rule, history) })
        {
            var again = g.Join(new MemberId(3), T0 + Duration.FromMinutes(2));
            Assert.True(again.IsDuplicate);
            Assert.Equal(GroupBuyRefusal.None, again.Refusal);
            Assert.Equal(last.Events.Select(e => e.Version), again.Events.Select(e => e.Version));
            Assert.IsType<GroupFormed>(again.Events[1]);
            Assert.Equal(GroupBuyRefusal.GroupFull, g.Join(new MemberId(4), T0).Refusal);
            Assert.Equal(3, g.ParticipantCount);
            Assert.Equal(group.Version, g.Version);
        }
    }

    [Fact]
    public void The_help_that_completed_a_bargain_resent_answers_the_help_and_the_completion_also_after_a_restore()
    {
        var rule = BargainRule.Create("cut", new BargainRuleOptions { StartPrice = Yuan(100m), Floor = Yuan(1m), Helpers = 2, TimeLimit = Duration.FromHours(24) });
        var book = new InvitationBook();
        book.AddRule(rule);
        var opened = book.Open("cut", new MemberId(1), T0, seed: 5, commandId: "inv-1");
        var id = opened.InvitationId;
        Assert.True(book.Open("cut", new MemberId(1), T0, seed: 5, commandId: "inv-1").IsDuplicate);
        Assert.Equal(InvitationRefusal.ConflictingDuplicate, book.Open("cut", new MemberId(1), T0, seed: 6, commandId: "inv-1").Refusal);
        var history = new List<InvitationEvent>(opened.Events);
        history.AddRange(book.Help(id, new MemberId(2), T0).Events);
        var completing = book.Help(id, new MemberId(3), T0 + Duration.FromMinutes(1));
        history.AddRange(completing.Events);
        Assert.Equal(InvitationStatus.Completed, book.GetSnapshot(id).Status);

        var again = book.Help(id, new MemberId(3), T0 + Duration.FromHours(30));   // after the deadline too
        Assert.True(again.IsDuplicate);
        Assert.Equal(completing.Events.Select(e => e.GetType()), again.Events.Select(e => e.GetType()));
        Assert.Equal(InvitationRefusal.Completed, book.Help(id, new MemberId(4), T0).Refusal);

        var restored = Invitation.FromHistory(rule, history);
        var afterRestore = restored.Help(new MemberId(3), T0 + Duration.FromMinutes(5));
        Assert.True(afterRestore.IsDuplicate);
        Assert.IsType<InvitationCompleted>(afterRestore.Events[1]);
        Assert.Equal(2, restored.HelpsDone);
    }

    [Fact]
    public void A_retry_of_a_failed_withdrawal_resent_is_a_duplicate_whatever_the_withdrawal_became_since()
    {
        var member = new MemberId(1);
        var account = new CommissionAccount(member, Currency.CNY);
        account.Apply(new AccountPosting("S/e", "S", member, Currency.CNY, AccountPostingKind.Earned, LedgerState.Pending, 1000));
        account.Apply(new AccountPosting("S/c", "S", member, Currency.CNY, AccountPostingKind.Completed, LedgerState.Pending, 1000));
        account.Apply(new AccountPosting("S/r", "S", member, Currency.CNY, AccountPostingKind.Released, LedgerState.Frozen, 1000));
        account.RequestWithdrawal(new LedgerWithdrawal("W-1", member, Yuan(5m), T0));
        account.ApproveWithdrawal("W-1");
        Assert.Equal(LedgerRefusal.WithdrawalStateConflict, account.RetryWithdrawal("W-1").Refusal);   // never failed: nothing to retry
        account.MarkWithdrawalFailed("W-1", "bank");
        Assert.True(account.RetryWithdrawal("W-1").IsApplied);
        var version = account.Version;

        Assert.Equal(LedgerOutcome.Duplicate, account.RetryWithdrawal("W-1").Outcome);
        account.MarkWithdrawalPaid("W-1", "T-1");
        Assert.Equal(LedgerOutcome.Duplicate, account.RetryWithdrawal("W-1").Outcome);
        Assert.Equal(version + 1, account.Version);
        Assert.Equal(Yuan(5m), account.Balance.Withdrawn);
    }

    [Fact]
    public void A_registration_seen_again_is_judged_by_the_referrer_it_was_registered_with()
    {
        var network = new ReferralNetwork(BindingPolicy.RebindAfter(Duration.FromHours(1)));
        network.AddMember(new MemberId(1), T0);
        network.AddMember(new MemberId(2), new MemberId(1), T0);
        network.AddMember(new MemberId(3), T0);
        network.Bind(new MemberId(2), new MemberId(3), T0 + Duration.FromDays(1)); // rebound since (policy permitting)
        Assert.True(network.CheckRegistration(new MemberId(2), new MemberId(1)).AlreadyBound); // the registration it had
        Assert.Equal(BindingRefusalReason.AlreadyRegistered, network.CheckRegistration(new MemberId(2), new MemberId(3)).Refusal);
    }
}
