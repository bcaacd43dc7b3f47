using System;
using System.Linq;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.GroupBuying;

public sealed class GroupBuyTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 10, 0);
    private static readonly MemberId Leader = new(1);

    private static GroupBuyRule Trio(Action<GroupBuyRuleBuilder>? configure = null)
    {
        var builder = GroupBuyRule.Create("trio", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(24)).AddTier(3, 9.90m);
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static GroupBuy Open(GroupBuyRule rule)
    {
        var result = GroupBuy.TryOpen(new GroupBuyId(1), rule, Leader, Start, out var group);
        Assert.True(result.IsAccepted);
        return group!;
    }

    [Fact]
    public void A_join_one_tick_before_the_deadline_is_accepted_and_at_the_deadline_refused_as_expired()
    {
        var group = Open(Trio());
        var deadline = Start + Duration.FromHours(24);
        Assert.Equal(deadline, group.Deadline);

        var late = group.Join(new MemberId(2), deadline);
        Assert.Equal(GroupBuyRefusal.Expired, late.Refusal);
        Assert.Empty(late.Events);
        Assert.Equal(1, group.ParticipantCount);
        Assert.Equal(1, group.Version);

        var inTime = group.Join(new MemberId(2), deadline - Duration.Epsilon);
        Assert.True(inTime.IsAccepted);
        Assert.Equal(2, group.ParticipantCount);
    }

    [Fact]
    public void Closing_before_the_deadline_is_refused_as_not_yet_due()
    {
        var group = Open(Trio());
        var result = group.CloseAtDeadline(group.Deadline - Duration.Epsilon);
        Assert.Equal(GroupBuyRefusal.NotYetDue, result.Refusal);
        Assert.Equal(GroupBuyStatus.Open, group.Status);
        Assert.True(group.CloseAtDeadline(group.Deadline).IsAccepted);
        Assert.Equal(GroupBuyStatus.Failed, group.Status);
    }

    [Fact]
    public void Ordinary_refusals_are_values_with_reasons()
    {
        var group = Open(Trio(b => b.ForNewMembersOnly()));
        Assert.Equal(GroupBuyRefusal.LeaderJoiningOwnGroup, group.Join(Leader, Start).Refusal);
        Assert.Equal(GroupBuyRefusal.MemberNotNew, group.Join(new MemberId(2), Start).Refusal);
        Assert.True(group.Join(new MemberId(2), Start, ParticipantFacts.NewMember).IsAccepted);
        var again = group.Join(new MemberId(2), Start + Duration.FromMinutes(1), ParticipantFacts.NewMember);
        Assert.True(again.IsDuplicate);                                     // the same join seen again answers its first outcome
        Assert.Equal(new MemberId(2), Assert.IsType<MemberJoined>(Assert.Single(again.Events)).Member);
        Assert.Null(again.Message);
        Assert.True(group.Join(new MemberId(3), Start, ParticipantFacts.NewMember).IsAccepted);
        Assert.Equal(GroupBuyStatus.Formed, group.Status);
        Assert.Equal(GroupBuyRefusal.GroupFull, group.Join(new MemberId(4), Start, ParticipantFacts.NewMember).Refusal);
        Assert.Equal(GroupBuyRefusal.AlreadyFormed, group.CloseAtDeadline(group.Deadline).Refusal);
    }

    [Fact]
    public void A_group_formed_below_capacity_at_the_deadline_refuses_joins_as_already_formed()
    {
        var rule = GroupBuyRule.Create("pair-or-more", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(1)).AddTier(2, 5m).Build();
        var group = Open(rule);
        group.Join(new MemberId(2), Start);
        Assert.True(group.CloseAtDeadline(group.Deadline).IsAccepted);
        Assert.Equal(GroupBuyStatus.Formed, group.Status);
        Assert.Equal(GroupBuyRefusal.AlreadyFormed, group.Join(new MemberId(3), Start).Refusal);
    }

    [Fact]
    public void Open_group_limits_are_refused_for_leaders_and_members()
    {
        var rule = Trio(b => b.LimitOpenGroupsPerMember(2));
        var refused = GroupBuy.TryOpen(new GroupBuyId(5), rule, Leader, Start, out var none, new ParticipantFacts(false, 2));
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, refused.Refusal);
        Assert.Null(none);

        var group = Open(rule);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, group.Join(new MemberId(2), Start, new ParticipantFacts(false, 2)).Refusal);
        Assert.True(group.Join(new MemberId(2), Start, new ParticipantFacts(false, 1)).IsAccepted);
    }

    [Fact]
    public void A_group_with_a_maximum_stays_open_past_the_required_count_and_forms_when_full()
    {
        var rule = GroupBuyRule.Create("ladder", Currency.CNY).RequireParticipants(2).AllowUpTo(4).WithTimeLimit(Duration.FromHours(1))
            .AddTier(2, 10m).AddTier(4, 8m).Build();
        var group = Open(rule);
        Assert.True(group.Join(new MemberId(2), Start).IsAccepted);
        Assert.Equal(GroupBuyStatus.Open, group.Status);
        Assert.True(group.Join(new MemberId(3), Start).IsAccepted);
        var last = group.Join(new MemberId(4), Start);
        Assert.Equal(2, last.Events.Count);
        var formed = Assert.IsType<GroupFormed>(last.Events[1]);
        Assert.Equal(4, formed.FinalParticipants);
        Assert.Equal(8m, formed.Tier.UnitPrice.Amount);
        Assert.All(formed.Settlements, s => Assert.Equal(2m, s.Refund.Amount));
        Assert.Equal(GroupBuyRefusal.GroupFull, group.Join(new MemberId(5), Start).Refusal);
    }

    [Fact]
    public void Simulated_participants_complete_a_group_at_the_deadline_and_are_disclosed()
    {
        // Required 4 at ¥6.00; simulation allowed once 2 real participants joined.
        var rule = GroupBuyRule.Create("sim", Currency.CNY).RequireParticipants(4).WithTimeLimit(Duration.FromHours(2))
            .AddTier(4, 6m).AllowSimulatedParticipants(2).Build();
        Assert.True(rule.AllowsSimulatedParticipants);
        var group = Open(rule);
        group.Join(new MemberId(2), Start + Duration.FromMinutes(5));
        var close = group.CloseAtDeadline(group.Deadline);
        var formed = Assert.IsType<GroupFormed>(Assert.Single(close.Events));
        Assert.Equal(2, formed.RealParticipants);
        Assert.Equal(2, formed.SimulatedParticipants);
        Assert.True(formed.HasSimulatedParticipants);
        Assert.Equal(2, formed.Settlements.Count);
        Assert.All(formed.Settlements, s => Assert.Equal(6m, s.Price.Amount));
    }

    [Fact]
    public void Without_enough_real_participants_a_simulation_rule_still_fails()
    {
        var rule = GroupBuyRule.Create("sim", Currency.CNY).RequireParticipants(4).WithTimeLimit(Duration.FromHours(2))
            .AddTier(4, 6m).AllowSimulatedParticipants(2).Build();
        var group = Open(rule);
        var failed = Assert.IsType<GroupFailed>(Assert.Single(group.CloseAtDeadline(group.Deadline).Events));
        Assert.Equal(6m, Assert.Single(failed.Refunds).Amount.Amount);
    }

    [Fact]
    public void The_host_can_cancel_an_open_group_and_everyone_is_refunded()
    {
        var group = Open(Trio());
        group.Join(new MemberId(2), Start);
        var result = group.Cancel(Start + Duration.FromMinutes(1));
        var cancelled = Assert.IsType<GroupCancelled>(Assert.Single(result.Events));
        Assert.Equal(3, cancelled.Version);
        Assert.Equal([Leader, new MemberId(2)], cancelled.Refunds.Select(r => r.Member));
        Assert.All(cancelled.Refunds, r => Assert.Equal(9.90m, r.Amount.Amount));
        Assert.Equal(GroupBuyRefusal.Cancelled, group.Join(new MemberId(3), Start).Refusal);
        var cancelledAgain = group.Cancel(Start + Duration.FromMinutes(5)); // a cancel seen again answers its first outcome
        Assert.True(cancelledAgain.IsDuplicate);
        Assert.Same(cancelled, Assert.Single(cancelledAgain.Events));
        Assert.True(result.IsApplied);
        Assert.False(cancelledAgain.IsApplied); // accepted the first time, applied only then
        Assert.Equal(3, group.Version);
        Assert.Equal(GroupBuyRefusal.Cancelled, group.CloseAtDeadline(group.Deadline).Refusal);
    }

    [Fact]
    public void Invalid_arguments_throw_naming_the_value()
    {
        var group = Open(Trio());
        var before = Assert.Throws<ArgumentOutOfRangeException>(() => group.Join(new MemberId(2), Start - Duration.Epsilon));
        Assert.Equal("at", before.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => group.Join(new MemberId(2), Start, new ParticipantFacts(false, -1)));
        Assert.Throws<ArgumentNullException>(() => GroupBuy.TryOpen(new GroupBuyId(1), null!, Leader, Start, out _));
    }

    [Fact]
    public void Large_groups_find_members_already_joined()
    {
        var rule = GroupBuyRule.Create("crowd", Currency.CNY).RequireParticipants(2).AllowUpTo(1000).WithTimeLimit(Duration.FromHours(1)).AddTier(2, 1m).Build();
        var group = Open(rule);
        for (var m = 2; m <= 500; m++)
        {
            Assert.True(group.Join(new MemberId(m), Start).IsAccepted);
        }

        Assert.True(group.Join(new MemberId(250), Start).IsDuplicate);
        Assert.True(group.Join(new MemberId(3), Start).IsDuplicate);
        Assert.Equal(500, group.ParticipantCount);
        Assert.True(group.Contains(new MemberId(500)));
        Assert.False(group.Contains(new MemberId(501)));
        Assert.Equal(500, group.ParticipantCount);
    }

    [Fact]
    public void History_that_skips_a_version_or_follows_a_final_event_is_refused()
    {
        var rule = Trio();
        var group = Open(rule);
        var opened = new GroupOpened(new GroupBuyId(1), 1, Start, "trio", Leader, Start + Duration.FromHours(24), new Money(9.90m, Currency.CNY));
        var joined = new MemberJoined(new GroupBuyId(1), 3, Start, new MemberId(2), new Money(9.90m, Currency.CNY), 2);
        Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, [opened, joined]));
        Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, [joined]));
        Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, []));
        var cancelled = new GroupCancelled(new GroupBuyId(1), 2, Start, []);
        var after = new MemberJoined(new GroupBuyId(1), 3, Start, new MemberId(2), new Money(9.90m, Currency.CNY), 2);
        Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, [opened, cancelled, after]));
        Assert.Equal(GroupBuyStatus.Cancelled, GroupBuy.FromHistory(rule, [opened, cancelled]).Status);
        Assert.Equal(1, group.Version);
    }
}
