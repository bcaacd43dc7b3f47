using System;
using System.Linq;
using NodaTime;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Growth.GrowthExamples;

namespace SocialCommerce.Core.Tests.Growth;

public sealed class HonourTests
{
    private static readonly MemberId Mei = new(9);

    [Fact]
    public void Campaign_task_honour_counts_only_tasks_inside_the_window()
    {
        var campaign = new HonourRule("Spring campaign", HonourTerm.ShortTerm, HonourMeasure.ActivityCount,
            [new HonourTier("bronze", 2), new HonourTier("gold", 3)])
        {
            Kind = GrowthActivityKind.TaskCompleted,
            From = Local(2026, 3, 1, 0),
            Until = Local(2026, 3, 8, 0),
        };
        var program = new GrowthProgram(Policy, LadderWithoutRetention, [campaign]);
        var r = program.Evaluate(program.Enrol(Mei, Local(2026, 1, 1)),
        [
            GrowthActivity.TaskCompleted(new(1), Mei, Local(2026, 2, 28, 23, 59), "a"),
            GrowthActivity.TaskCompleted(new(2), Mei, Local(2026, 3, 1, 0), "b"),
            GrowthActivity.TaskCompleted(new(3), Mei, Local(2026, 3, 7, 23, 59), "c"),
            GrowthActivity.TaskCompleted(new(4), Mei, Local(2026, 3, 8, 0), "d"),
        ], Local(2026, 3, 9));
        Assert.Equal(new[] { "bronze" }, r.State.Honours.Select(h => h.Tier).ToArray());
        Assert.Equal(4, r.State.CountOf(GrowthActivityKind.TaskCompleted));
    }

    [Fact]
    public void Podium_and_course_honours_and_cumulative_sales_tiers()
    {
        var podium = new HonourRule("Podium", HonourTerm.MediumTerm, HonourMeasure.ActivityCount, [new HonourTier("medallist", 2)])
        { Kind = GrowthActivityKind.CompetitionPlaced, MaxRank = 3 };
        var learner = new HonourRule("Learner", HonourTerm.MediumTerm, HonourMeasure.ActivityCount, [new HonourTier("scholar", 1)])
        { Kind = GrowthActivityKind.CourseCompleted };
        var sales = new HonourRule("Seller", HonourTerm.LongTerm, HonourMeasure.CumulativeSales, [new HonourTier("10k", 10_000m)]);
        var program = new GrowthProgram(Policy, LadderWithoutRetention, [podium, learner, sales]);
        var t = Local(2026, 5, 1);
        var r = program.Evaluate(program.Enrol(Mei, t),
        [
            GrowthActivity.CompetitionPlaced(new(1), Mei, t, 3),
            GrowthActivity.CompetitionPlaced(new(2), Mei, t, 5),
            GrowthActivity.CourseCompleted(new(3), Mei, t, "c-101"),
            GrowthActivity.OrderCompleted(new(4), Mei, t, Yuan(6_000m)),
            GrowthActivity.OrderCompleted(new(5), Mei, t + Duration.FromDays(1), Yuan(4_000m)),
        ], t + Duration.FromDays(1));
        Assert.Equal(new[] { "scholar", "10k" }, r.State.Honours.Select(h => h.Tier).ToArray());

        var placed = program.Evaluate(r.State, [GrowthActivity.CompetitionPlaced(new(6), Mei, t + Duration.FromDays(2), 1)], t + Duration.FromDays(2));
        Assert.Equal("medallist", Assert.Single(placed.Events.OfType<HonourAwarded>()).Honour.Tier);
    }

    [Fact]
    public void An_expired_honour_is_reported_as_expired_not_deleted_and_not_awarded_again()
    {
        var week = WeekStreak;
        var program = new GrowthProgram(Policy, LadderWithoutRetention, [week]);
        var start = Local(2026, 3, 1, 8);
        var signIns = Enumerable.Range(0, 10).Select(d => GrowthActivity.SignIn(new(d), Mei, start + Duration.FromDays(d))).ToArray();
        var r = program.Evaluate(program.Enrol(Mei, start), signIns, start + Duration.FromDays(9));
        var late = program.Evaluate(r.State, [], Local(2026, 6, 1));
        Assert.Single(late.Events.OfType<HonourExpired>());
        var honour = Assert.Single(late.State.Honours);
        Assert.Equal(HonourStatus.Expired, honour.Status);
        var again = program.Evaluate(late.State, [], Local(2026, 7, 1));
        Assert.Empty(again.Events);
    }

    [Fact]
    public void A_streak_honour_is_awarded_at_the_sign_in_that_reaches_it_not_at_the_evaluation_instant()
    {
        var program = new GrowthProgram(Policy, LadderWithoutRetention, [WeekStreak]);
        var start = Local(2026, 3, 1, 8);
        var signIns = Enumerable.Range(0, 7).Select(d => GrowthActivity.SignIn(new(d), Mei, start + Duration.FromDays(d))).ToArray();
        var r = program.Evaluate(program.Enrol(Mei, start), signIns, Local(2026, 3, 20));
        var honour = Assert.Single(r.State.Honours);
        Assert.Equal(Local(2026, 3, 7, 8), honour.AwardedAt);
        Assert.Equal(Local(2026, 4, 6, 8), honour.ExpiresAt);
    }

    [Fact]
    public void Honour_rules_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new HonourRule("x", HonourTerm.ShortTerm, HonourMeasure.ActivityCount, []));
        Assert.Throws<ArgumentException>(() => new HonourRule("x", HonourTerm.ShortTerm, HonourMeasure.LongestSignInStreak, [new HonourTier("a", 5), new HonourTier("b", 5)]));
        var noKind = new HonourRule("x", HonourTerm.ShortTerm, HonourMeasure.ActivityCount, [new HonourTier("a", 1)]);
        Assert.Throws<ArgumentException>(() => new GrowthProgram(Policy, LadderWithoutRetention, [noKind]));
        var unscored = noKind with { Kind = new GrowthActivityKind("nobody.scores.this") };
        Assert.Throws<ArgumentException>(() => new GrowthProgram(Policy, LadderWithoutRetention, [unscored]));
    }
}
