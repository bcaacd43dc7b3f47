using System;
using System.Linq;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Serialization;

namespace SocialCommerce.Core.Tests.GroupBuying;

/// <summary>Seats of several units, tiers by units, leaving and hand-over, refunds after formation, a simulation threshold as a share (issue 28).</summary>
public sealed class GroupSeatExamples
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 1, 10, 0);
    private static readonly MemberId Leader = new(1);
    private static readonly MemberId Ann = new(2);
    private static readonly MemberId Bob = new(3);
    private static readonly MemberId Cai = new(4);

    private static Instant Min(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static GroupBuyRule Rule(Action<GroupBuyRuleBuilder>? configure = null)
    {
        var builder = GroupBuyRule.Create("seats", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(24))
            .AddTier(3, 100m).AllowUnitsPerParticipant(5).WithLeaderPerk(LeaderPerk.Off(Rate.Percent(50)));
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static GroupBuy Open(GroupBuyRule rule, int units = 1)
    {
        Assert.True(GroupBuy.TryOpen(new GroupBuyId(1), rule, Leader, T0, out var group, default, units).IsApplied);
        return group!;
    }

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    [Fact]
    public void A_seat_of_several_units_is_charged_and_settled_per_unit_and_the_leader_perk_applies_to_one_unit()
    {
        var group = Open(Rule(), units: 2);
        Assert.Equal(Cny(200m), Assert.IsType<GroupOpened>(GroupBuy.TryOpen(new GroupBuyId(9), group.Rule, Leader, T0, out _, default, 2).Events[0]).Charged);
        var ann = group.Join(Ann, Min(1), default, 3);
        Assert.Equal(Cny(300m), Assert.IsType<MemberJoined>(ann.Events[0]).Charged);
        Assert.Equal(3, ((MemberJoined)ann.Events[0]).Units);

        var formed = Assert.IsType<GroupFormed>(group.Join(Bob, Min(2)).Events[^1]);
        Assert.Equal(6, formed.Units);
        Assert.Equal(GroupBuyTierBasis.Participants, formed.TierBasis);
        Assert.Equal([2, 3, 1], formed.Settlements.Select(s => s.Units));
        Assert.Equal(Cny(150m), formed.Settlements[0].Price); // 50 + 100: half off one unit
        Assert.Equal(Cny(50m), formed.Settlements[0].Refund);
        Assert.Equal(Cny(300m), formed.Settlements[1].Price);
        Assert.All(formed.Settlements, s => Assert.Equal(s.Charged, s.Price + s.Refund));
        Assert.Equal(6, group.Units);
        Assert.Equal(3, group.UnitsOf(Ann));
    }

    [Fact]
    public void Too_many_units_are_refused_and_a_resend_naming_other_units_is_a_conflicting_duplicate()
    {
        var group = Open(Rule());
        Assert.Equal(GroupBuyRefusal.TooManyUnits, group.Join(Ann, Min(1), default, 6).Refusal);
        Assert.Equal(GroupBuyRefusal.TooManyUnits, GroupBuy.TryOpen(new GroupBuyId(2), group.Rule, Leader, T0, out var none, default, 6).Refusal);
        Assert.Null(none);
        Assert.Throws<ArgumentOutOfRangeException>(() => group.Join(Ann, Min(1), default, 0));

        var first = group.Join(Ann, Min(1), default, 2);
        Assert.True(first.IsApplied);
        var resend = group.Join(Ann, Min(3), default, 2);
        Assert.True(resend.IsDuplicate);
        Assert.Same(first.Events[0], resend.Events[0]);
        Assert.Equal(GroupBuyRefusal.ConflictingDuplicate, group.Join(Ann, Min(3), default, 1).Refusal);
        Assert.Equal(2, group.Version);
    }

    [Fact]
    public void Tiers_by_units_price_the_group_by_the_units_its_participants_took()
    {
        var rule = GroupBuyRule.Create("bulk", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(1))
            .AddTier(2, 10m).AddTier(6, 8m).AddTier(50, 7m).TierBy(GroupBuyTierBasis.Units).AllowUnitsPerParticipant(10).Build();
        Assert.Equal(2, rule.MinimumToForm);

        var small = Open(rule, units: 2);
        var smallFormed = Assert.IsType<GroupFormed>(small.Join(Ann, Min(1), default, 3).Events[^1]);
        Assert.Equal(Cny(10m), smallFormed.Tier.UnitPrice); // 5 units
        Assert.Equal(GroupBuyTierBasis.Units, smallFormed.TierBasis);

        var big = Open(rule, units: 3);
        var bigFormed = Assert.IsType<GroupFormed>(big.Join(Ann, Min(1), default, 3).Events[^1]);
        Assert.Equal(6, bigFormed.Units);
        Assert.Equal(Cny(8m), bigFormed.Tier.UnitPrice);
        Assert.Equal(Cny(24m), bigFormed.Settlements[1].Price);
        Assert.Equal(Cny(6m), bigFormed.Settlements[1].Refund);
    }

    [Fact]
    public void A_member_who_leaves_before_formation_is_refunded_its_charge_and_does_not_take_a_seat_again()
    {
        var group = Open(Rule());
        var joined = group.Join(Ann, Min(1), default, 2);
        var left = group.Leave(Ann, Min(2));
        var leftEvent = Assert.IsType<MemberLeft>(Assert.Single(left.Events));
        Assert.Equal(Cny(200m), leftEvent.Refund);
        Assert.Equal(2, leftEvent.Units);
        Assert.Equal(1, leftEvent.Participants);
        Assert.Null(leftEvent.NewLeader);
        Assert.Equal(group.Deadline, leftEvent.Deadline);
        Assert.False(group.Contains(Ann));
        Assert.Equal(1, group.ParticipantCount);

        // Both identities stay spent: the join answers its first outcome, the leaving too.
        var rejoin = group.Join(Ann, Min(3), default, 2);
        Assert.True(rejoin.IsDuplicate);
        Assert.Same(joined.Events[0], rejoin.Events[0]);
        Assert.True(group.Leave(Ann, Min(4)).IsDuplicate);
        Assert.Same(leftEvent, group.Leave(Ann, Min(4)).Events[0]);
        Assert.Equal(GroupBuyRefusal.NotParticipant, group.Leave(Bob, Min(4)).Refusal);
        Assert.Equal(3, group.Version);

        // The seat is free again for someone else.
        Assert.True(group.Join(Bob, Min(5)).IsApplied);
        Assert.True(group.Join(Cai, Min(6)).IsApplied);
        Assert.Equal(GroupBuyStatus.Formed, group.Status);
        Assert.Equal(GroupBuyRefusal.AlreadyFormed, group.Leave(Bob, Min(7)).Refusal);
    }

    [Fact]
    public void When_the_leader_leaves_the_next_joiner_leads_the_perk_moves_and_the_deadline_is_kept_by_default()
    {
        var group = Open(Rule());
        group.Join(Ann, Min(10));
        var deadline = group.Deadline;
        var left = Assert.IsType<MemberLeft>(group.Leave(Leader, Min(30)).Events[0]);
        Assert.Equal(Ann, left.NewLeader);
        Assert.True(left.PerkMoved);
        Assert.Equal(deadline, left.Deadline);
        Assert.Equal(Ann, group.Leader);
        Assert.Equal([Ann], group.GetParticipants());

        Assert.Equal(GroupBuyRefusal.LeftGroup, group.Join(Leader, Min(31)).Refusal); // the old leader opened; it never joined
        Assert.True(group.Join(Ann, Min(31)).IsDuplicate); // the new leader's own join, sent again
        Assert.Equal(GroupBuyRefusal.ConflictingDuplicate, group.Join(Ann, Min(31), default, 2).Refusal);
        group.Join(Bob, Min(35));
        var formed = Assert.IsType<GroupFormed>(group.Join(Cai, Min(40)).Events[^1]);
        Assert.Equal(Ann, formed.Settlements[0].Member);
        Assert.True(formed.Settlements[0].IsLeader);
        Assert.Equal(Cny(50m), formed.Settlements[0].Price);
        Assert.Equal(LeaderPerkKind.RateOff, formed.LeaderPerk.Kind);
    }

    [Fact]
    public void Under_the_other_rule_the_deadline_resets_from_the_hand_over_and_nobody_gets_the_perk()
    {
        var group = Open(Rule(b => b.OnLeaderLeaving(HandOverDeadline.Reset, perkMovesToNewLeader: false)));
        group.Join(Ann, Min(10));
        var left = Assert.IsType<MemberLeft>(group.Leave(Leader, Min(30)).Events[0]);
        Assert.Equal(Min(30) + Duration.FromHours(24), left.Deadline);
        Assert.Equal(left.Deadline, group.Deadline);
        Assert.False(left.PerkMoved);
        Assert.True(group.Join(Bob, T0 + Duration.FromHours(24) + Duration.FromMinutes(5)).IsApplied); // after the first deadline
        var formed = Assert.IsType<GroupFormed>(group.Join(Cai, Min(24 * 60 + 6)).Events[^1]);
        Assert.Equal(LeaderPerkKind.None, formed.LeaderPerk.Kind);
        Assert.Equal(Cny(100m), formed.Settlements[0].Price);
    }

    [Fact]
    public void The_last_participant_leaving_cancels_the_group_and_a_resend_answers_both_events()
    {
        var group = Open(Rule(), units: 3);
        var result = group.Leave(Leader, Min(1));
        Assert.Equal([typeof(MemberLeft), typeof(GroupCancelled)], result.Events.Select(e => e.GetType()));
        Assert.Equal(Cny(300m), ((MemberLeft)result.Events[0]).Refund);
        Assert.Empty(((GroupCancelled)result.Events[1]).Refunds);
        Assert.Equal(GroupBuyStatus.Cancelled, group.Status);
        Assert.Equal(result.Events, group.Leave(Leader, Min(2)).Events);
        Assert.True(group.Cancel(Min(2)).IsDuplicate);

        var restored = GroupBuy.FromHistory(group.Rule, [GroupBuy.TryOpen(new GroupBuyId(1), group.Rule, Leader, T0, out _, default, 3).Events[0], .. result.Events]);
        Assert.Equal(GroupBuyStatus.Cancelled, restored.Status);
        Assert.Equal(result.Events, restored.Leave(Leader, Min(2)).Events);
    }

    [Fact]
    public void A_refund_after_formation_refunds_that_seat_and_the_group_stays_formed()
    {
        var group = Open(Rule());
        group.Join(Ann, Min(1), default, 2);
        var formed = (GroupFormed)group.Join(Bob, Min(2)).Events[^1];
        Assert.Equal(GroupBuyRefusal.NotFormed, Open(Rule()).RefundSeat(Leader, Min(3)).Refusal);

        var refund = group.RefundSeat(Ann, Min(60));
        var refunded = Assert.IsType<SeatRefunded>(Assert.Single(refund.Events));
        Assert.Equal(formed.Settlements[1].Price, refunded.Refund);
        Assert.Equal(2, refunded.Units);
        Assert.False(refunded.IsLeader);
        Assert.Equal(GroupBuyStatus.Formed, group.Status);
        Assert.Equal(3, group.ParticipantCount);
        Assert.True(group.IsRefunded(Ann));
        Assert.False(group.IsRefunded(Bob));

        Assert.Same(refunded, group.RefundSeat(Ann, Min(61)).Events[0]);
        Assert.True(group.RefundSeat(Ann, Min(61)).IsDuplicate);
        Assert.Equal(GroupBuyRefusal.NotParticipant, group.RefundSeat(Cai, Min(61)).Refusal);
        Assert.Equal(GroupBuyRefusal.GroupFull, group.Join(Cai, Min(61)).Refusal); // the refunded seat does not reopen the group
        var leader = Assert.IsType<SeatRefunded>(group.RefundSeat(Leader, Min(62)).Events[0]);
        Assert.Equal(Cny(50m), leader.Refund);
        Assert.True(leader.IsLeader);
    }

    [Fact]
    public void A_failed_or_cancelled_group_refunds_everyone_at_once_so_a_seat_refund_is_refused()
    {
        var group = Open(Rule(), units: 2);
        group.Join(Ann, Min(1), default, 4);
        var failed = Assert.IsType<GroupFailed>(group.CloseAtDeadline(group.Deadline).Events[0]);
        Assert.Equal([Cny(200m), Cny(400m)], failed.Refunds.Select(r => r.Amount));
        Assert.Equal([2, 4], failed.Refunds.Select(r => r.Units));
        Assert.Equal(GroupBuyRefusal.Failed, group.RefundSeat(Ann, group.Deadline).Refusal);
        Assert.Equal(GroupBuyRefusal.Failed, group.Leave(Ann, group.Deadline).Refusal);
    }

    [Fact]
    public void A_threshold_given_as_a_share_of_the_seats_is_rounded_up_and_disclosed_in_the_formation()
    {
        var rule = GroupBuyRule.Create("share", Currency.CNY).RequireParticipants(5).WithTimeLimit(Duration.FromHours(1)).AddTier(5, 10m)
            .AllowSimulatedParticipants(Rate.Percent(50)).Build();
        Assert.Equal(3, rule.MinimumRealParticipants); // 2.5 rounded up
        Assert.Equal(Rate.Percent(50), rule.MinimumRealShare);

        var two = Open(rule);
        two.Join(Ann, Min(1));
        Assert.IsType<GroupFailed>(two.CloseAtDeadline(two.Deadline).Events[0]);

        var three = Open(rule);
        three.Join(Ann, Min(1));
        three.Join(Bob, Min(2));
        var formed = Assert.IsType<GroupFormed>(three.CloseAtDeadline(three.Deadline).Events[0]);
        Assert.Equal(2, formed.SimulatedParticipants);
        Assert.Equal(3, formed.SimulationThreshold);
        Assert.Equal(Rate.Percent(50), formed.SimulationShare);

        var ex = Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("x", Currency.CNY).RequireParticipants(5).WithTimeLimit(Duration.FromHours(1)).AddTier(5, 10m)
            .AllowSimulatedParticipants(Rate.Percent(81)).Build());
        Assert.Contains("MinimumRealShare", ex.Message, StringComparison.Ordinal);
        Assert.Contains("5 of the 5", ex.Message, StringComparison.Ordinal);
        Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("x", Currency.CNY).AllowSimulatedParticipants(Rate.Full));
    }

    [Fact]
    public void New_terms_change_the_rule_version_and_the_defaults_keep_it()
    {
        GroupBuyRule Plain() => GroupBuyRule.Create("v", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(1)).AddTier(3, 10m).Build();
        var plain = Plain();
        var defaults = GroupBuyRule.Create("v", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(1)).AddTier(3, 10m)
            .TierBy(GroupBuyTierBasis.Participants).AllowUnitsPerParticipant(1).OnLeaderLeaving(HandOverDeadline.Kept).Build();
        Assert.Equal(plain.Version, defaults.Version);
        Assert.Equal(Plain().Version, plain.Version);
        var units = GroupBuyRule.Create("v", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(1)).AddTier(3, 10m).AllowUnitsPerParticipant(2).Build();
        Assert.NotEqual(plain.Version, units.Version);
        var ex = Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("v", Currency.CNY).AllowUnitsPerParticipant(GroupBuyRuleBuilder.MaxUnitsLimit + 1));
        Assert.Contains("MaxUnitsPerParticipant", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_with_units_leaving_hand_over_and_refunds_restores_and_answers_resends_like_the_live_group()
    {
        var rule = Rule(b => b.OnLeaderLeaving(HandOverDeadline.Reset).AllowUpTo(4));
        Assert.True(GroupBuy.TryOpen(new GroupBuyId(1), rule, Leader, T0, out var live, default, 2).IsApplied);
        var events = new System.Collections.Generic.List<GroupBuyEvent>(GroupBuy.TryOpen(new GroupBuyId(1), rule, Leader, T0, out _, default, 2).Events);
        void Keep(GroupBuyResult r) => events.AddRange(r.IsApplied ? r.Events : []);
        Keep(live!.Join(Ann, Min(1), default, 3));
        Keep(live.Join(Bob, Min(2)));
        Keep(live.Leave(Leader, Min(3)));
        Keep(live.Join(Cai, Min(4), default, 5));
        Keep(live.Join(new MemberId(5), Min(5)));
        Keep(live.RefundSeat(Bob, Min(6)));

        var options = SocialCommerceJson.CreateOptions();
        var json = System.Text.Json.JsonSerializer.Serialize<System.Collections.Generic.IReadOnlyList<GroupBuyEvent>>(events, options);
        Assert.Contains("\"group.member-left\"", json, StringComparison.Ordinal);
        Assert.Contains("\"group.seat-refunded\"", json, StringComparison.Ordinal);
        var read = System.Text.Json.JsonSerializer.Deserialize<System.Collections.Generic.IReadOnlyList<GroupBuyEvent>>(json, options)!;
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(read, options));

        var restored = GroupBuy.FromHistory(rule, read);
        Assert.Equal(live.Leader, restored.Leader);
        Assert.Equal(live.Deadline, restored.Deadline);
        Assert.Equal(live.Version, restored.Version);
        Assert.Equal(live.Status, restored.Status);
        Assert.Equal(live.GetParticipants(), restored.GetParticipants());
        Assert.Equal(live.Units, restored.Units);
        Assert.Equal(live.Leave(Leader, Min(9)).Events, restored.Leave(Leader, Min(9)).Events);
        Assert.Equal(live.Join(Ann, Min(9), default, 3).Events, restored.Join(Ann, Min(9), default, 3).Events);
        Assert.Equal(live.RefundSeat(Bob, Min(9)).Events, restored.RefundSeat(Bob, Min(9)).Events);
        Assert.Equal(GroupBuyRefusal.GroupFull, restored.Join(Leader, Min(9)).Refusal); // the final status comes first, as live
        Assert.Equal(live.Join(Leader, Min(9)).Refusal, restored.Join(Leader, Min(9)).Refusal);

        var from = GroupBuy.FromHistory(GroupBuy.FromHistory(rule, read.Take(3)), read.Skip(3));
        Assert.Equal(live.Leader, from.Leader);
        Assert.Equal(live.Version, from.Version);
    }

    [Fact]
    public void A_stored_leaving_or_refund_that_does_not_follow_is_refused_naming_the_field()
    {
        var rule = Rule();
        var opened = GroupBuy.TryOpen(new GroupBuyId(1), rule, Leader, T0, out var group, default, 2).Events[0];
        var joined = group!.Join(Ann, Min(1)).Events[0];
        var left = (MemberLeft)group.Leave(Leader, Min(2)).Events[0];

        var wrongRefund = Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, [opened, joined, left with { Refund = Cny(100m) }]));
        Assert.Contains("$[2].refund", wrongRefund.Message, StringComparison.Ordinal);
        var wrongLeader = Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, [opened, joined, left with { NewLeader = Bob }]));
        Assert.Contains("$[2].newLeader", wrongLeader.Message, StringComparison.Ordinal);
        var wrongDeadline = Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, [opened, joined, left with { Deadline = Min(99) }]));
        Assert.Contains("$[2].deadline", wrongDeadline.Message, StringComparison.Ordinal);
        var refundOpen = new SeatRefunded(new GroupBuyId(1), 3, Min(2), Ann, false, 1, Cny(100m));
        var early = Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, [opened, joined, refundOpen]));
        Assert.Contains("$[2]", early.Message, StringComparison.Ordinal);
        var odd = Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, [(GroupOpened)opened with { Units = 3 }]));
        Assert.Contains("$[0].charged", odd.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_book_takes_units_frees_a_leaver_s_open_group_slot_and_refunds_a_seat_after_formation()
    {
        var book = new GroupBuyBook();
        book.AddRule(Rule(b => b.LimitOpenGroupsPerMember(1)));
        var first = book.Open("seats", Leader, T0, units: 2);
        Assert.Equal(Cny(200m), ((GroupOpened)first.Events[0]).Charged);
        var id = first.GroupId;
        Assert.True(book.Join(id, Ann, Min(1), units: 3).IsApplied);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, book.Open("seats", Ann, Min(2)).Refusal);

        Assert.Equal(Ann, ((MemberLeft)book.Leave(id, Ann, Min(3)).Events[0]).Member);
        Assert.True(book.Open("seats", Ann, Min(4)).IsApplied); // Ann's slot is free again
        Assert.True(book.Leave(id, Ann, Min(5)).IsDuplicate);

        Assert.True(book.Join(id, Bob, Min(6)).IsApplied);
        Assert.True(book.Join(id, Cai, Min(7)).IsApplied);
        Assert.Equal(GroupBuyStatus.Formed, book.GetSnapshot(id).Status);
        Assert.DoesNotContain(id, book.GetOpenGroups("seats"));
        Assert.True(book.Open("seats", Bob, Min(8)).IsApplied); // formation freed every participant's slot
        Assert.True(book.RefundSeat(id, Bob, Min(9)).IsApplied);
        Assert.True(book.RefundSeat(id, Bob, Min(9)).IsDuplicate);
        Assert.Equal(GroupBuyStatus.Formed, book.GetSnapshot(id).Status);

        var alone = book.Open("seats", Cai, Min(10)).GroupId;
        Assert.IsType<GroupCancelled>(book.Leave(alone, Cai, Min(11)).Events[^1]);
        Assert.DoesNotContain(alone, book.GetOpenGroups("seats"));
        Assert.True(book.Open("seats", Cai, Min(12)).IsApplied);
    }

    [Fact]
    public void A_rule_document_states_units_the_tier_basis_the_hand_over_and_a_threshold_in_percent()
    {
        var rule = GroupBuyRule.FromJson("""
            { "name": "bulk", "currency": "CNY", "requiredParticipants": 4, "timeLimit": "0:02:00:00",
              "tiers": [ { "participants": 4, "price": 10 }, { "participants": 12, "price": 8 } ],
              "tierBasis": "units", "maxUnitsPerParticipant": 6,
              "leaderHandOver": { "deadline": "reset", "perkMoves": false },
              "allowsSimulatedParticipants": true, "minimumRealPercent": 60 }
            """);
        Assert.Equal(GroupBuyTierBasis.Units, rule.TierBasis);
        Assert.Equal(6, rule.MaxUnitsPerParticipant);
        Assert.Equal(HandOverDeadline.Reset, rule.HandOverDeadline);
        Assert.False(rule.PerkMovesToNewLeader);
        Assert.Equal(Rate.Percent(60), rule.MinimumRealShare);
        Assert.Equal(3, rule.MinimumRealParticipants);

        static string Fault(string extra) => Assert.Throws<GroupBuyRuleFormatException>(() => GroupBuyRule.FromJson(
            "{ \"name\": \"x\", \"currency\": \"CNY\", \"requiredParticipants\": 4, \"timeLimit\": \"0:02:00:00\", \"tiers\": [ { \"participants\": 4, \"price\": 10 } ]" + extra + " }")).Message;
        Assert.Contains("$.tierBasis", Fault(", \"tierBasis\": \"weight\""), StringComparison.Ordinal);
        Assert.Contains("$.maxUnitsPerParticipant", Fault(", \"maxUnitsPerParticipant\": 0"), StringComparison.Ordinal);
        Assert.Contains("$.leaderHandOver.deadline", Fault(", \"leaderHandOver\": { \"deadline\": \"later\" }"), StringComparison.Ordinal);
        Assert.Contains("$.leaderHandOver.who", Fault(", \"leaderHandOver\": { \"who\": 1 }"), StringComparison.Ordinal);
        Assert.Contains("$.minimumRealPercent", Fault(", \"allowsSimulatedParticipants\": true, \"minimumRealPercent\": 100"), StringComparison.Ordinal);
        Assert.Contains("$.minimumRealPercent", Fault(", \"allowsSimulatedParticipants\": true, \"minimumRealPercent\": 50, \"minimumRealParticipants\": 2"), StringComparison.Ordinal);
        Assert.Contains("$.minimumRealPercent", Fault(", \"minimumRealPercent\": 50"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_guide_s_family_pack_example_holds_number_for_number()
    {
        var rule = GroupBuyRule.Create("family-pack", Currency.CNY)
            .RequireParticipants(3).WithTimeLimit(Duration.FromHours(24))
            .AddTier(3, 100m).AddTier(8, 80m).TierBy(GroupBuyTierBasis.Units)
            .AllowUnitsPerParticipant(5)
            .WithLeaderPerk(LeaderPerk.Free)
            .OnLeaderLeaving(HandOverDeadline.Reset, perkMovesToNewLeader: true)
            .Build();
        var t0 = Instant.FromUtc(2026, 12, 12, 10, 0);
        Assert.Equal(Cny(200m), ((GroupOpened)GroupBuy.TryOpen(new GroupBuyId(1), rule, new MemberId(1), t0, out var group, default, units: 2).Events[0]).Charged);
        Assert.Equal(Cny(400m), ((MemberJoined)group!.Join(new MemberId(2), t0 + Duration.FromMinutes(5), default, units: 4).Events[0]).Charged);
        var left = (MemberLeft)group.Leave(new MemberId(1), t0 + Duration.FromHours(1)).Events[0];
        Assert.Equal(Cny(200m), left.Refund);
        Assert.Equal(new MemberId(2), left.NewLeader);
        Assert.Equal(t0 + Duration.FromHours(25), left.Deadline);
        group.Join(new MemberId(3), t0 + Duration.FromHours(2), default, units: 3);
        var formed = (GroupFormed)group.Join(new MemberId(4), t0 + Duration.FromHours(3), default, units: 1).Events[^1];
        Assert.Equal(Cny(80m), formed.Tier.UnitPrice);
        Assert.Equal((Cny(240m), Cny(160m)), (formed.Settlements[0].Price, formed.Settlements[0].Refund));
        var refund = (SeatRefunded)group.RefundSeat(new MemberId(3), t0 + Duration.FromDays(2)).Events[0];
        Assert.Equal(Cny(240m), refund.Refund);
        Assert.Equal(GroupBuyStatus.Formed, group.Status);
    }

    [Fact]
    public void Events_written_before_units_were_recorded_read_as_one_unit_and_restore()
    {
        var options = SocialCommerceJson.CreateOptions();
        var old = """
            [ { "type": "group.opened", "groupId": 1, "version": 1, "at": "2026-12-01T10:00:00Z", "ruleName": "seats", "leader": 1,
                "deadline": "2026-12-02T10:00:00Z", "charged": { "amount": "100.00", "currency": "CNY" } },
              { "type": "group.member-joined", "groupId": 1, "version": 2, "at": "2026-12-01T10:01:00Z", "member": 2,
                "charged": { "amount": "100.00", "currency": "CNY" }, "participants": 2 } ]
            """;
        var events = System.Text.Json.JsonSerializer.Deserialize<System.Collections.Generic.IReadOnlyList<GroupBuyEvent>>(old, options)!;
        Assert.Equal(1, ((GroupOpened)events[0]).Units);
        Assert.Equal(1, ((MemberJoined)events[1]).Units);
        var group = GroupBuy.FromHistory(Rule(), events);
        Assert.Equal(2, group.Units);
        Assert.Equal(Cny(100m), ((MemberLeft)group.Leave(Ann, Min(2)).Events[0]).Refund);
    }
}
