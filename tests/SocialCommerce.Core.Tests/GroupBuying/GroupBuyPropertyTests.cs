using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.GroupBuying;

public sealed class GroupBuyPropertyTests
{
    private static GroupBuyRun Play(GroupBuyScenario s)
    {
        var run = s.Play();
        Assert.True(run.Close is null || run.Close.Value.IsAccepted);
        return run;
    }

    private static long TierPriceMinor(GroupBuyScenario s, int finalCount) =>
        s.Tiers.Where(t => t.Participants <= finalCount).OrderBy(t => t.Participants).Last().PriceMinorUnits;

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void A_group_never_holds_more_than_its_capacity_whatever_the_order_of_joins(GroupBuyScenario s)
    {
        var run = Play(s);
        var accepted = new HashSet<MemberId> { GroupBuyScenario.Leader };
        foreach (var (attempt, result, countAfter) in run.Joins)
        {
            Assert.True(countAfter <= s.Capacity, $"count {countAfter} > capacity {s.Capacity}");
            if (result.IsAccepted && !result.IsDuplicate)
            {
                Assert.True(accepted.Add(new MemberId(attempt.Member)), $"member {attempt.Member} accepted twice");
            }
        }

        Assert.Equal(accepted.Count, run.Group.ParticipantCount);
        Assert.Equal(accepted.OrderBy(m => m.Value), run.Group.GetParticipants().OrderBy(m => m.Value));
        GroupBuyInvariants.Capacity(run).ThrowIfViolated();
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void Joins_are_accepted_exactly_when_the_rules_allow_them(GroupBuyScenario s)
    {
        var run = Play(s);
        var members = new HashSet<long> { GroupBuyScenario.Leader.Value };
        var status = GroupBuyStatus.Open;
        foreach (var (attempt, result, _) in run.Joins)
        {
            var at = GroupBuyScenario.Start + Duration.FromSeconds(attempt.OffsetSeconds);
            GroupBuyRefusal expected;
            if (attempt.Member != GroupBuyScenario.Leader.Value && members.Contains(attempt.Member))
            {
                // A join's identity is the group and the member: seen again it answers its first outcome, first of all.
                Assert.True(result.IsDuplicate);
                Assert.Equal(GroupBuyRefusal.None, result.Refusal);
                Assert.Equal(attempt.Member, Assert.IsType<MemberJoined>(result.Events[0]).Member.Value);
                continue;
            }

            Assert.False(result.IsDuplicate);
            if (status == GroupBuyStatus.Formed)
            {
                expected = GroupBuyRefusal.GroupFull;
            }
            else if (at >= s.Deadline)
            {
                expected = GroupBuyRefusal.Expired;
            }
            else if (attempt.Member == GroupBuyScenario.Leader.Value)
            {
                expected = GroupBuyRefusal.LeaderJoiningOwnGroup;
            }
            else if (s.NewMembersOnly && !attempt.IsNew)
            {
                expected = GroupBuyRefusal.MemberNotNew;
            }
            else
            {
                expected = GroupBuyRefusal.None;
                members.Add(attempt.Member);
                if (members.Count == s.Capacity)
                {
                    status = GroupBuyStatus.Formed;
                }
            }

            Assert.Equal(expected, result.Refusal);
            Assert.Equal(expected == GroupBuyRefusal.None, result.Events.Count > 0);
        }
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void Formed_and_failed_are_final(GroupBuyScenario s)
    {
        var run = Play(s);
        var group = run.Group;
        Assert.NotEqual(GroupBuyStatus.Open, group.Status);
        var status = group.Status;
        var version = group.Version;
        var count = group.ParticipantCount;
        var expected = status == GroupBuyStatus.Formed ? GroupBuyRefusal.AlreadyFormed : GroupBuyRefusal.Failed;
        var formed = run.Events.OfType<GroupFormed>().SingleOrDefault();
        var expectedJoin = formed is not null && formed.FinalParticipants >= s.Capacity ? GroupBuyRefusal.GroupFull : expected;
        var later = s.Deadline + Duration.FromMinutes(5);
        var joins = new[] { group.Join(new MemberId(99), GroupBuyScenario.Start), group.Join(new MemberId(98), later) };
        var others = new[] { group.CloseAtDeadline(later), group.Cancel(GroupBuyScenario.Start), group.Cancel(later) };
        foreach (var result in joins)
        {
            Assert.Equal(expectedJoin, result.Refusal);
            Assert.Empty(result.Events);
        }

        // A close of a group a close settled (failed, or formed at the deadline) is that close seen again: a duplicate
        // carrying the settlement. Anything else on a final group is refused with the final status' reason.
        var settledByClose = run.Events[^1] is GroupFailed || run.Events[^1] is GroupFormed { } f && f.At >= group.Deadline;
        Assert.Equal(settledByClose, others[0].IsDuplicate);
        Assert.Equal(settledByClose ? [run.Events[^1]] : [], others[0].Events);
        foreach (var result in settledByClose ? others[1..] : others)
        {
            Assert.Equal(expected, result.Refusal);
            Assert.Empty(result.Events);
        }

        Assert.Equal(status, group.Status);
        Assert.Equal(version, group.Version);
        Assert.Equal(count, group.ParticipantCount);
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void Every_participant_of_a_failed_group_is_refunded_exactly_what_was_charged(GroupBuyScenario s)
    {
        var run = Play(s);
        var charged = new Dictionary<MemberId, Money>();
        foreach (var e in run.Events)
        {
            switch (e)
            {
                case GroupOpened o:
                    charged.Add(o.Leader, o.Charged);
                    break;
                case MemberJoined j:
                    charged.Add(j.Member, j.Charged);
                    break;
            }
        }

        var failed = run.Events.OfType<GroupFailed>().SingleOrDefault();
        if (failed is null)
        {
            Assert.Equal(GroupBuyStatus.Formed, run.Group.Status);
            return;
        }

        Assert.Equal(GroupBuyStatus.Failed, run.Group.Status);
        Assert.Equal(charged.Count, failed.Refunds.Count);
        Assert.Equal(GroupBuyScenario.Leader, failed.Refunds[0].Member);
        Assert.True(failed.Refunds[0].IsLeader);
        var refunded = Money.Zero(Currency.CNY);
        var total = Money.Zero(Currency.CNY);
        foreach (var refund in failed.Refunds)
        {
            Assert.Equal(charged[refund.Member], refund.Amount);
            Assert.Equal(Money.FromMinorUnits(s.Tiers[0].PriceMinorUnits, Currency.CNY), refund.Amount);
            refunded += refund.Amount;
        }

        foreach (var amount in charged.Values)
        {
            total += amount;
        }

        Assert.Equal(total, refunded);
        GroupBuyInvariants.Conservation(run).ThrowIfViolated();

        // The group failed exactly when the rules say it could not form.
        var n = run.Group.ParticipantCount;
        Assert.True(n < s.Required && n < s.Tiers[0].Participants && (s.MinimumReal is not int m || n < m));
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void Each_participant_pays_the_tier_for_the_final_count_and_money_is_conserved(GroupBuyScenario s)
    {
        var run = Play(s);
        var formed = run.Events.OfType<GroupFormed>().SingleOrDefault();
        if (formed is null)
        {
            return;
        }

        var n = run.Group.ParticipantCount;
        var expectedFinal = n >= s.Required ? n : s.MinimumReal is int m && n >= m ? s.Required : n;
        Assert.Equal(n, formed.RealParticipants);
        Assert.Equal(expectedFinal, formed.FinalParticipants);
        Assert.Equal(expectedFinal - n, formed.SimulatedParticipants);

        var tierMinor = TierPriceMinor(s, expectedFinal);
        var leaderMinor = (int)s.Perk switch
        {
            1 => 0,
            2 => Math.Max(0, tierMinor - s.PerkValue),
            3 => tierMinor - (tierMinor * Math.Min(s.PerkValue, 100) / 100), // integer division truncates toward zero
            _ => tierMinor,
        };
        var joinPrice = Money.FromMinorUnits(s.Tiers[0].PriceMinorUnits, Currency.CNY);
        Assert.Equal(n, formed.Settlements.Count);
        var charged = Money.Zero(Currency.CNY);
        var paidAndRefunded = Money.Zero(Currency.CNY);
        foreach (var settlement in formed.Settlements)
        {
            var expectedMinor = settlement.IsLeader ? leaderMinor : tierMinor;
            Assert.Equal(Money.FromMinorUnits(expectedMinor, Currency.CNY), settlement.Price);
            Assert.Equal(joinPrice, settlement.Charged);
            Assert.Equal(settlement.Charged, settlement.Price + settlement.Refund);
            Assert.False(settlement.Refund.IsNegative);
            charged += settlement.Charged;
            paidAndRefunded += settlement.Price + settlement.Refund;
        }

        Assert.Equal(joinPrice * n, charged);
        Assert.Equal(charged, paidAndRefunded);
        GroupBuyInvariants.Conservation(run).ThrowIfViolated();
        Assert.Equal(1, formed.Settlements.Count(x => x.IsLeader));
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void Events_carry_consecutive_versions_and_replay_to_the_same_group(GroupBuyScenario s)
    {
        var run = Play(s);
        for (var i = 0; i < run.Events.Count; i++)
        {
            Assert.Equal(i + 1, run.Events[i].Version);
        }

        Assert.Equal(run.Events.Count, run.Group.Version);
        var replayed = GroupBuy.FromHistory(run.Rule, run.Events);
        Assert.Equal(run.Group.Status, replayed.Status);
        Assert.Equal(run.Group.Version, replayed.Version);
        Assert.Equal(run.Group.GetParticipants(), replayed.GetParticipants());
        Assert.Equal(run.Group.Deadline, replayed.Deadline);
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void A_group_continued_from_an_earlier_state_is_the_group_replayed_whole_and_the_earlier_state_is_untouched(GroupBuyScenario s, NonNegativeInt split)
    {
        var run = Play(s);
        var k = 1 + (split.Get % run.Events.Count);
        var earlier = GroupBuy.FromHistory(run.Rule, run.Events.Take(k));
        var (status, version, participants) = (earlier.Status, earlier.Version, earlier.GetParticipants().ToArray());

        // A later event that does not follow (its version skips one) is refused naming it, and changes nothing.
        if (k < run.Events.Count)
        {
            var skipped = run.Events.Skip(k + 1).ToList();
            if (skipped.Count > 0)
            {
                Assert.Equal("$[0].version", Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(earlier, skipped)).Path);
            }
        }

        var continued = GroupBuy.FromHistory(earlier, run.Events.Skip(k));
        var whole = GroupBuy.FromHistory(run.Rule, run.Events);

        Assert.Equal((status, version), (earlier.Status, earlier.Version));
        Assert.Equal(participants, earlier.GetParticipants());
        Assert.Equal((whole.Status, whole.Version, whole.Deadline), (continued.Status, continued.Version, continued.Deadline));
        Assert.Equal(whole.GetParticipants(), continued.GetParticipants());
        Assert.Same(earlier, GroupBuy.FromHistory(earlier, []));

        // The continued group answers every join again as the whole replay does (duplicates carry the first events).
        foreach (var attempt in s.Joins)
        {
            var at = GroupBuyScenario.Start + Duration.FromSeconds(attempt.OffsetSeconds);
            var facts = new ParticipantFacts(attempt.IsNew, 0);
            var (expected, actual) = (whole.Join(new MemberId(attempt.Member), at, facts), continued.Join(new MemberId(attempt.Member), at, facts));
            Assert.Equal((expected.Refusal, expected.IsDuplicate), (actual.Refusal, actual.IsDuplicate));
            Assert.Equal(expected.Events, actual.Events);
        }
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void Cancelling_an_open_group_refunds_exactly_what_was_charged(GroupBuyScenario s, NonNegativeInt cancelAfter)
    {
        var rule = s.BuildRule();
        var opened = GroupBuy.TryOpen(new GroupBuyId(9), rule, GroupBuyScenario.Leader, GroupBuyScenario.Start, out var group);
        var charged = new Dictionary<MemberId, Money> { [GroupBuyScenario.Leader] = ((GroupOpened)opened.Events[0]).Charged };
        foreach (var attempt in s.Joins.Take(cancelAfter.Get % (s.Joins.Count + 1)))
        {
            var joinedNow = group!.Join(new MemberId(attempt.Member), GroupBuyScenario.Start + Duration.FromSeconds(attempt.OffsetSeconds), new ParticipantFacts(attempt.IsNew, 0));
            foreach (var joined in joinedNow.IsDuplicate ? [] : joinedNow.Events.OfType<MemberJoined>())
            {
                charged.Add(joined.Member, joined.Charged);
            }
        }

        var wasOpen = group!.Status == GroupBuyStatus.Open;
        var version = group.Version;
        var result = group.Cancel(s.Deadline);
        if (!wasOpen)
        {
            Assert.Equal(GroupBuyRefusal.AlreadyFormed, result.Refusal);
            return;
        }

        var cancelled = Assert.IsType<GroupCancelled>(Assert.Single(result.Events));
        Assert.Equal(version + 1, cancelled.Version);
        Assert.Equal(charged.Count, cancelled.Refunds.Count);
        Assert.All(cancelled.Refunds, r => Assert.Equal(charged[r.Member], r.Amount));
        Assert.Equal(
            charged.Values.Aggregate(Money.Zero(Currency.CNY), (sum, m) => sum + m),
            cancelled.Refunds.Aggregate(Money.Zero(Currency.CNY), (sum, r) => sum + r.Amount));
    }
}
