using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Serialization;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.State;

/// <summary>A group rebuilt from its stored events (through JSON) continues exactly like the original, whatever the rule says now.</summary>
public sealed class GroupBuyRestoreProperties
{
    private const int Cases = 500;

    private static IReadOnlyList<GroupBuyEvent> ThroughJson(IReadOnlyList<GroupBuyEvent> events) =>
        JsonSerializer.Deserialize<IReadOnlyList<GroupBuyEvent>>(JsonSerializer.Serialize(events, SocialCommerceJson.Options), SocialCommerceJson.Options)!;

    private static List<string> Run(GroupBuyBook book, GroupBuyId id, IEnumerable<JoinAttempt> joins, List<GroupBuyEvent> events)
    {
        var outcomes = new List<string>();
        foreach (var attempt in joins)
        {
            var result = book.Join(id, new MemberId(attempt.Member), GroupBuyScenario.Start + Duration.FromSeconds(attempt.OffsetSeconds), attempt.IsNew);
            if (!result.IsDuplicate)
            {
                events.AddRange(result.Events);
            }
            outcomes.Add($"{result.IsAccepted} {result.Refusal} {string.Join(",", result.Events.Select(e => JsonSerializer.Serialize(e, SocialCommerceJson.Options)))}");
        }

        return outcomes;
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = Cases)]
    public void Restore_mid_campaign_then_continue_equals_the_uninterrupted_run(GroupBuyScenario scenario, int cut)
    {
        var rule = scenario.BuildRule();
        var joins = scenario.Joins.ToArray();
        var split = System.Math.Abs(cut % (joins.Length + 1));
        var close = GroupBuyScenario.Start + Duration.FromMinutes(scenario.CloseOffsetMinutes);

        var whole = new GroupBuyBook();
        whole.AddRule(rule);
        var opened = whole.Open(rule.Name, GroupBuyScenario.Leader, GroupBuyScenario.Start);
        var expectedEvents = new List<GroupBuyEvent>(opened.Events);
        var expected = Run(whole, opened.GroupId, joins, expectedEvents);
        expectedEvents.AddRange(whole.CloseAtDeadline(opened.GroupId, close).Events);

        var first = new GroupBuyBook();
        first.AddRule(rule);
        var events = new List<GroupBuyEvent>(first.Open(rule.Name, GroupBuyScenario.Leader, GroupBuyScenario.Start).Events);
        var outcomes = Run(first, opened.GroupId, joins.Take(split), events);

        var second = new GroupBuyBook();
        second.AddRule(rule);
        second.Restore(GroupBuy.FromHistory(rule, ThroughJson(events)));
        outcomes.AddRange(Run(second, opened.GroupId, joins.Skip(split), events));
        events.AddRange(second.CloseAtDeadline(opened.GroupId, close).Events);

        Assert.Equal(expected, outcomes);
        Assert.Equal(JsonSerializer.Serialize<IReadOnlyList<GroupBuyEvent>>(expectedEvents, SocialCommerceJson.Options), JsonSerializer.Serialize<IReadOnlyList<GroupBuyEvent>>(events, SocialCommerceJson.Options));
        var a = whole.GetSnapshot(opened.GroupId);
        var b = second.GetSnapshot(opened.GroupId);
        Assert.Equal((a.Status, a.Version, a.Deadline), (b.Status, b.Version, b.Deadline));
        Assert.Equal(a.Participants, b.Participants);

        // The next group of the restored book gets the next id, and the leader's open-group slots are counted again.
        Assert.Equal(whole.Open(rule.Name, new MemberId(99), close).GroupId, second.Open(rule.Name, new MemberId(99), close).GroupId);
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = Cases)]
    public void Replaying_stored_events_under_a_changed_rule_gives_the_stored_outcome(GroupBuyScenario scenario)
    {
        var run = scenario.Play();
        var changed = GroupBuyRule.Create(run.Rule.Name, Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromMinutes(1)).AddTier(2, 0.01m).Build();
        Assert.NotEqual(run.Rule.Version, changed.Version);

        var replayed = GroupBuy.FromHistory(changed, ThroughJson(run.Events.ToArray()));

        Assert.Equal(run.Group.Status, replayed.Status);
        Assert.Equal(run.Group.Version, replayed.Version);
        Assert.Equal(run.Group.Deadline, replayed.Deadline);
        Assert.Equal(run.Group.GetParticipants(), replayed.GetParticipants());
        Assert.Equal(run.Rule.Version, ((GroupOpened)run.Events[0]).RuleVersion);
    }

    [Fact]
    public void Restoring_a_group_twice_is_refused()
    {
        var scenario = new GroupBuyScenario(2, null, [new GroupBuyTierSample(2, 500)], LeaderPerkSample.None, 1, null, false, 60, [], 60);
        var run = scenario.Play();
        var book = new GroupBuyBook();
        book.AddRule(run.Rule);
        book.Restore(GroupBuy.FromHistory(run.Rule, run.Events));
        Assert.Throws<System.ArgumentException>(() => book.Restore(GroupBuy.FromHistory(run.Rule, run.Events)));
    }
}
