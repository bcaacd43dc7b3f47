using System;
using System.Linq;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Growth.GrowthExamples;

namespace SocialCommerce.Core.Tests.Growth;

public sealed class GrowthPointsTests
{
    private static readonly MemberId Lin = new(1);

    private static MemberGrowth Fresh(GrowthProgram? program = null) =>
        (program ?? ProgramWithoutRetention).Enrol(Lin, Local(2026, 1, 5, 9));

    [Fact]
    public void Order_points_per_yuan_round_down_to_whole_points()
    {
        var at = Local(2026, 1, 10);
        var result = ProgramWithoutRetention.Evaluate(Fresh(), [GrowthActivity.OrderCompleted(new(1), Lin, at, Yuan(399.90m))], at);
        var earned = Assert.IsType<PointsEarned>(Assert.Single(result.Events));
        Assert.Equal(399, earned.Points);
        Assert.Equal(399, result.State.Balance);
        Assert.Equal(Yuan(399.90m), result.State.CumulativeSales);
    }

    [Fact]
    public void Daily_cap_clips_the_fourth_task_of_a_local_day_and_the_next_local_day_starts_fresh()
    {
        // 20 points per task, 60 per local day. 23:50 and 00:10 Shanghai are two days.
        var tasks = new[]
        {
            GrowthActivity.TaskCompleted(new(1), Lin, Local(2026, 2, 1, 9), "t1"),
            GrowthActivity.TaskCompleted(new(2), Lin, Local(2026, 2, 1, 10), "t2"),
            GrowthActivity.TaskCompleted(new(3), Lin, Local(2026, 2, 1, 11), "t3"),
            GrowthActivity.TaskCompleted(new(4), Lin, Local(2026, 2, 1, 23, 50), "t4"),
            GrowthActivity.TaskCompleted(new(5), Lin, Local(2026, 2, 2, 0, 10), "t5"),
        };
        var result = ProgramWithoutRetention.Evaluate(Fresh(), tasks, Local(2026, 2, 2, 1));
        var points = result.Events.OfType<PointsEarned>().Select(e => e.Points).ToArray();
        Assert.Equal(new long[] { 20, 20, 20, 0, 20 }, points);
        Assert.True(result.Events.OfType<PointsEarned>().ElementAt(3).Capped);
        Assert.Equal(80, result.State.Balance);
    }

    [Fact]
    public void Refund_takes_back_exactly_what_the_order_earned_and_a_second_refund_is_ignored()
    {
        var state = Fresh();
        var t = Local(2026, 1, 10);
        var result = ProgramWithoutRetention.Evaluate(state,
        [
            GrowthActivity.OrderCompleted(new(1), Lin, t, Yuan(120m)),
            GrowthActivity.OrderCompleted(new(2), Lin, t, Yuan(450.5m)),
            GrowthActivity.OrderRefunded(new(3), Lin, t, new ActivityId(2)),
            GrowthActivity.OrderRefunded(new(4), Lin, t, new ActivityId(2)),
        ], t);
        Assert.Equal(120, result.State.Balance);
        var reversed = Assert.Single(result.Events.OfType<PointsReversed>());
        Assert.Equal(450, reversed.Points);
        Assert.Equal(IgnoredReason.AlreadyReversed, Assert.Single(result.Events.OfType<ActivityIgnored>()).Reason);
        Assert.Equal(Yuan(120m), result.State.CumulativeSales);
    }

    [Fact]
    public void Refund_that_would_go_below_zero_stops_at_zero_unless_debt_is_allowed()
    {
        var penaltyKind = new GrowthActivityKind("review.removed");
        GrowthProgram Make(bool debt) => new(
            new GrowthPolicy(Currency.CNY, Shanghai,
            [
                new GrowthSource(GrowthActivityKind.OrderCompleted, GrowthRules.PerCurrencyUnit(1m)),
                new GrowthSource(penaltyKind, GrowthRules.PerActivity(-80)),
            ], debt),
            LadderWithoutRetention);
        var t = Local(2026, 1, 10);
        GrowthActivity[] activities =
        [
            GrowthActivity.OrderCompleted(new(1), Lin, t, Yuan(100m)),
            new GrowthActivity(new(2), Lin, t, penaltyKind),
            GrowthActivity.OrderRefunded(new(3), Lin, t, new ActivityId(1)),
        ];
        var noDebt = Make(false);
        var floor = noDebt.Evaluate(noDebt.Enrol(Lin, t), activities, t);
        Assert.Equal(0, floor.State.Balance);
        Assert.Equal(20, floor.Events.OfType<PointsReversed>().Single().Points);

        var debt = Make(true);
        var owed = debt.Evaluate(debt.Enrol(Lin, t), activities, t);
        Assert.Equal(-80, owed.State.Balance);

        // A debt balance stays on the first level: no demotion is reported, since there is no lower level
        // (found by the Testing kit's level-monotonicity check).
        Assert.Equal(0, owed.State.LevelIndex);
        Assert.Empty(owed.Events.OfType<LevelDemoted>());
    }

    [Fact]
    public void Same_activity_id_twice_counts_once()
    {
        var t = Local(2026, 1, 10);
        var order = GrowthActivity.OrderCompleted(new(7), Lin, t, Yuan(80m));
        var once = ProgramWithoutRetention.Evaluate(Fresh(), [order], t);
        var twice = ProgramWithoutRetention.Evaluate(once.State, [order], t);
        Assert.Equal(80, twice.State.Balance);
        Assert.Equal(IgnoredReason.Duplicate, Assert.IsType<ActivityIgnored>(Assert.Single(twice.Events)).Reason);
    }

    [Fact]
    public void Referral_binding_earns_nothing_and_only_the_first_real_purchase_of_each_referred_member_earns()
    {
        var t = Local(2026, 1, 10);
        var ann = new MemberId(2);
        var bo = new MemberId(3);
        var result = ProgramWithoutRetention.Evaluate(Fresh(),
        [
            GrowthActivity.MemberReferred(new(1), Lin, t, ann),
            GrowthActivity.MemberReferred(new(2), Lin, t, bo),
            GrowthActivity.ReferredFirstOrder(new(3), Lin, t, ann, Yuan(0m)),
            GrowthActivity.ReferredFirstOrder(new(4), Lin, t, ann, Yuan(59m)),
            GrowthActivity.ReferredFirstOrder(new(5), Lin, t, ann, Yuan(300m)),
        ], t);
        Assert.Equal(100, result.State.Balance);
        var ignored = result.Events.OfType<ActivityIgnored>().Select(e => e.Reason).ToArray();
        Assert.Equal(new[] { IgnoredReason.RecruitmentEarnsNothing, IgnoredReason.RecruitmentEarnsNothing, IgnoredReason.NotAPurchase, IgnoredReason.NotFirstOrder }, ignored);
    }

    [Fact]
    public void Competition_rank_earns_by_the_rank_table_and_ranks_past_it_earn_nothing()
    {
        var t = Local(2026, 1, 10);
        var result = ProgramWithoutRetention.Evaluate(Fresh(),
        [
            GrowthActivity.CompetitionPlaced(new(1), Lin, t, 2),
            GrowthActivity.CompetitionPlaced(new(2), Lin, t, 4),
        ], t);
        Assert.Equal(new long[] { 200, 0 }, result.Events.OfType<PointsEarned>().Select(e => e.Points).ToArray());
    }

    [Fact]
    public void Misuse_is_refused_and_the_input_state_is_unchanged()
    {
        var state = Fresh();
        var t = Local(2026, 1, 10);
        Assert.Throws<ArgumentException>(() => ProgramWithoutRetention.Evaluate(state, [GrowthActivity.SignIn(new(1), new MemberId(99), t)], t));
        Assert.Throws<ArgumentException>(() => ProgramWithoutRetention.Evaluate(state, [GrowthActivity.SignIn(new(1), Lin, t + NodaTime.Duration.FromTicks(1))], t));
        Assert.Throws<CurrencyMismatchException>(() => ProgramWithoutRetention.Evaluate(state,
        [
            GrowthActivity.OrderCompleted(new(1), Lin, t, Yuan(10m)),
            GrowthActivity.OrderCompleted(new(2), Lin, t, new Money(10m, Currency.USD)),
        ], t));
        Assert.Throws<ArgumentException>(() => Program.Evaluate(state, [], t));
        Assert.Equal(0, state.Balance);
        Assert.False(state.HasPosted(new ActivityId(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => GrowthActivity.OrderCompleted(new(1), Lin, t, Yuan(-1m)));
    }

    [Fact]
    public void Out_of_order_activity_is_ignored()
    {
        var result = ProgramWithoutRetention.Evaluate(Fresh(),
        [
            GrowthActivity.ReviewPosted(new(1), Lin, Local(2026, 1, 10, 12)),
            GrowthActivity.ReviewPosted(new(2), Lin, Local(2026, 1, 10, 11)),
        ], Local(2026, 1, 10, 13));
        Assert.Equal(10, result.State.Balance);
        Assert.Equal(IgnoredReason.OutOfOrder, result.Events.OfType<ActivityIgnored>().Single().Reason);
    }
}
