using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Testing.Tests.GroupBuying;

public sealed class GroupBuyKitTests
{
    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void Capacity_and_conservation_hold_for_every_generated_group(GroupBuyScenario s) =>
        GroupBuyInvariants.Capacity(s.Play()).And(GroupBuyInvariants.Conservation(s.Play())).ThrowIfViolated();

    [Fact]
    public void Generated_groups_cover_formation_failure_late_joins_and_simulated_participants()
    {
        var runs = Draw.From(GroupBuyGen.Groups, 500, 20).Select(s => (Scenario: s, Run: s.Play())).ToList();
        Assert.Contains(runs, r => r.Run.Group.Status == GroupBuyStatus.Formed);
        Assert.Contains(runs, r => r.Run.Group.Status == GroupBuyStatus.Failed);
        Assert.Contains(runs, r => r.Run.Joins.Any(j => j.Result.Refusal == GroupBuyRefusal.Expired));
        Assert.Contains(runs, r => r.Run.Events.OfType<GroupFormed>().Any(f => f.SimulatedParticipants > 0));
        Assert.All(runs, r => Assert.True(r.Scenario.Tiers.Zip(r.Scenario.Tiers.Skip(1)).All(p => p.First.Participants < p.Second.Participants && p.First.PriceMinorUnits >= p.Second.PriceMinorUnits)));
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 200)]
    public void Shrunk_groups_and_batches_are_smaller_and_still_play(GroupBuyScenario s, CommunityBatchScenario b)
    {
        Assert.All(GroupBuyGen.Shrink(s), smaller =>
        {
            Assert.True(smaller.Joins.Count < s.Joins.Count || smaller.Tiers.Count < s.Tiers.Count || smaller.MinimumReal is null && s.MinimumReal is not null);
            GroupBuyInvariants.Capacity(smaller.Play()).ThrowIfViolated();
        });
        Assert.All(GroupBuyGen.Shrink(b), smaller =>
        {
            Assert.True(smaller.Orders.Count < b.Orders.Count);
            Assert.Equal(smaller.Orders.Count, smaller.Play().Orders.Count);
        });
    }

    [Fact]
    public void Capacity_names_the_join_that_overfilled_a_tampered_run()
    {
        var scenario = new GroupBuyScenario(2, null, [new GroupBuyTierSample(2, 1000)], LeaderPerkSample.None, 1, null, false, 60, [new JoinAttempt(2, 10, true)], 60);
        var run = scenario.Play();
        var tampered = run with { Joins = [.. run.Joins, run.Joins[0] with { ParticipantsAfter = 3 }] };

        var result = GroupBuyInvariants.Capacity(tampered);

        Assert.False(result.Holds);
        Assert.Contains("after join 1 (2@10sn) the group holds 3 participants, above rule 'generated''s capacity 2", result.Failure, StringComparison.Ordinal);
        Assert.Contains("join 1 accepted member 2, who was already in the group", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Conservation_names_the_member_whose_refund_differs_from_the_charge()
    {
        var scenario = new GroupBuyScenario(3, null, [new GroupBuyTierSample(3, 1000)], LeaderPerkSample.None, 1, null, false, 60, [new JoinAttempt(2, 10, true)], 60);
        var run = scenario.Play();
        var failed = run.Events.OfType<GroupFailed>().Single();
        var shortRefund = failed with { Refunds = [failed.Refunds[0], failed.Refunds[1] with { Amount = new Money(9.99m, Currency.CNY) }] };
        var tampered = run with { Events = [.. run.Events.Where(e => e is not GroupFailed), shortRefund] };

        var result = GroupBuyInvariants.Conservation(tampered);

        Assert.True(GroupBuyInvariants.Conservation(run).Holds);
        Assert.False(result.Holds);
        Assert.True(result.Failure!.Contains("member 2 is refunded 9.99 but was charged 10", StringComparison.Ordinal), result.Failure);
        Assert.Contains("charged 20 in all, but refunded 19.99", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_offs_land_on_daylight_saving_changes()
    {
        var cutOffs = Draw.From(GroupBuyGen.CutOffs, 2000, 20);
        Assert.Contains(cutOffs, c => c.Zone.MapLocal(c.DeliveryDate.PlusDays(-c.DaysBefore) + c.CutOffTime).Count == 0);
        Assert.Contains(cutOffs, c => c.Zone.MapLocal(c.DeliveryDate.PlusDays(-c.DaysBefore) + c.CutOffTime).Count == 2);
    }
}
