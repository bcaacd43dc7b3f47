using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Growth;

namespace SocialCommerce.Testing.Tests.Growth;

public sealed class GrowthKitTests
{
    private static readonly IReadOnlyList<GrowthLevel> Levels =
    [
        new GrowthLevel("V1", 0), new GrowthLevel("V2", 500), new GrowthLevel("V3", 2_000), new GrowthLevel("V4", 6_000), new GrowthLevel("V5", 15_000),
    ];

    private static GrowthProgram Program(DateTimeZone zone, bool debt) => new(
        new GrowthPolicy(Currency.CNY, zone,
        [
            new GrowthSource(GrowthActivityKind.OrderCompleted, GrowthRules.PerCurrencyUnit(1m)),
            new GrowthSource(GrowthActivityKind.SignIn, GrowthRules.PerActivity(5)),
            new GrowthSource(GrowthActivityKind.TaskCompleted, GrowthRules.PerActivity(20), dailyCap: 60),
            new GrowthSource(ActivityHistory.PenaltyKind, GrowthRules.PerActivity(-300)),
        ], debt),
        new LevelLadder(Levels));

    [Property(Arbitrary = [typeof(GrowthArbitraries)], MaxTest = 500)]
    public void Level_monotonicity_holds_for_generated_histories_with_and_without_debt(ActivityHistory history, bool debt)
    {
        var program = Program(history.Zone, debt);
        GrowthInvariants.LevelMonotonicity(program, program.Enrol(ActivityHistory.Member, ActivityHistory.Start), history.Build()).ThrowIfViolated();
    }

    [Fact]
    public void Histories_cross_local_midnights_in_every_zone_and_ids_increase_except_reposts()
    {
        var histories = Draw.From(GrowthGen.Histories, 300, 20);
        Assert.Equal(GrowthGen.Zones.Order(), histories.Select(h => h.ZoneId).Distinct().Order());
        Assert.Contains(histories, h =>
        {
            var days = h.Build().Select(a => a.At.InZone(h.Zone).Date).Distinct().Count();
            return days > 5;
        });
        foreach (var h in histories)
        {
            var built = h.Build();
            Assert.True(built.Zip(built.Skip(1)).All(p => p.First.At <= p.Second.At));
            for (var i = 0; i < built.Length; i++)
            {
                Assert.True(built[i].Id.Value == i + 1 || h.Steps[i].Kind == ActivityStepKind.Repost);
            }
        }
    }

    [Property(Arbitrary = [typeof(GrowthArbitraries)], MaxTest = 200)]
    public void Shrunk_histories_have_fewer_or_smaller_steps(ActivityHistory history, SignInSeries signIns)
    {
        Assert.All(GrowthGen.Shrink(history), h => Assert.True(h.Steps.Count < history.Steps.Count || h.Steps.Sum(s => (long)s.AmountMinorUnits) < history.Steps.Sum(s => (long)s.AmountMinorUnits)));
        Assert.All(GrowthGen.Shrink(signIns), s => Assert.InRange(s.GapMinutes.Count, 1, signIns.GapMinutes.Count - 1));
    }

    [Fact]
    public void A_step_that_reports_a_demotion_to_the_same_level_is_named()
    {
        // The defect this check found in the SDK: a debt balance on the first level reported V1 -> V1.
        var program = Program(DateTimeZone.Utc, debt: true);
        var at = ActivityHistory.Start;
        var before = program.Enrol(ActivityHistory.Member, at);
        var penalty = new GrowthActivity(new ActivityId(1), ActivityHistory.Member, at, ActivityHistory.PenaltyKind);
        var honest = program.Evaluate(before, [penalty], at);
        var tampered = honest with { Events = [.. honest.Events, new LevelDemoted(ActivityHistory.Member, at, Levels[0], Levels[0], DemotionReason.BalanceFell, 0, 0, 0, honest.State.Balance)] };

        Assert.True(GrowthInvariants.LevelStep(program.Ladder, before, honest).Holds);
        var result = GrowthInvariants.LevelStep(program.Ladder, before, tampered);

        Assert.False(result.Holds);
        Assert.Contains("a demotion (BalanceFell) from V1 to V1 at balance -300 does not go down", result.Failure, StringComparison.Ordinal);
    }
}
