using System.Linq;
using NodaTime;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Growth.GrowthExamples;

namespace SocialCommerce.Core.Tests.Growth;

/// <summary>Each test asserts the numbers docs/growth.md shows.</summary>
public sealed class WorkedExamplesTests
{
    private static readonly MemberId Lin = new(1);

    [Fact]
    public void Example_1_Lin_climbs_V1_V2_V3_and_reads_the_V3_benefits()
    {
        var state = Program.Enrol(Lin, Local(2026, 1, 5, 9));
        var r = Program.Evaluate(state,
        [
            GrowthActivity.OrderCompleted(new(101), Lin, Local(2026, 1, 10), Yuan(399.90m)),
            GrowthActivity.OrderCompleted(new(102), Lin, Local(2026, 1, 12), Yuan(250.00m)),
            GrowthActivity.OrderCompleted(new(103), Lin, Local(2026, 1, 20), Yuan(1_500.00m)),
        ], Local(2026, 1, 20, 18));

        Assert.Equal(new long[] { 399, 250, 1_500 }, r.Events.OfType<PointsEarned>().Select(e => e.Points).ToArray());
        var promotions = r.Events.OfType<LevelPromoted>().Select(e => $"{e.From}->{e.To}@{e.Balance}").ToArray();
        Assert.Equal(new[] { "V1->V2@649", "V2->V3@2149" }, promotions);
        Assert.Equal(2_149, r.State.Balance);
        Assert.Equal("V3", r.State.Level.Name);
        Assert.Equal(Rate.Percent(5), r.State.Level.Benefits.Discount);
        Assert.Equal(2, r.State.Level.Benefits.CommissionRank);
        Assert.Equal("bloom", r.State.Level.Benefits.Badge);
    }

    [Fact]
    public void Example_2_quarterly_retention_keeps_V3_after_Q1_and_drops_Lin_to_V2_after_Q2()
    {
        var state = Program.Enrol(Lin, Local(2026, 1, 5, 9));
        var q1 = Program.Evaluate(state,
        [
            GrowthActivity.OrderCompleted(new(101), Lin, Local(2026, 1, 10), Yuan(399.90m)),
            GrowthActivity.OrderCompleted(new(102), Lin, Local(2026, 1, 12), Yuan(250.00m)),
            GrowthActivity.OrderCompleted(new(103), Lin, Local(2026, 1, 20), Yuan(1_500.00m)),
        ], Local(2026, 4, 1, 0));
        Assert.Empty(q1.Events.OfType<LevelDemoted>());
        Assert.Equal("V3", q1.State.Level.Name);

        var q2 = Program.Evaluate(q1.State,
        [
            GrowthActivity.OrderCompleted(new(104), Lin, Local(2026, 5, 8), Yuan(450.00m)),
        ], Local(2026, 7, 1, 0));
        Assert.Equal(2_599 - 2_099, q2.State.Balance);
        var demoted = Assert.Single(q2.Events.OfType<LevelDemoted>());
        Assert.Equal(("V3", "V2"), (demoted.From.Name, demoted.To.Name));
        Assert.Equal(DemotionReason.KeepUpNotMet, demoted.Reason);
        Assert.Equal(600, demoted.Required);
        Assert.Equal(450, demoted.Earned);
        Assert.Equal(2_099, demoted.Forfeited);
        Assert.Equal(500, demoted.Balance);
        Assert.Equal(Instant.FromUtc(2026, 6, 30, 16, 0), demoted.At);
        Assert.Equal(Instant.FromUtc(2026, 9, 30, 16, 0), q2.State.NextRetentionEvaluation);
    }

    [Fact]
    public void Retention_is_evaluated_at_the_local_start_of_the_quarter_not_a_tick_before()
    {
        var state = Program.Enrol(Lin, Local(2026, 1, 5, 9));
        var q1 = Program.Evaluate(state, [GrowthActivity.OrderCompleted(new(1), Lin, Local(2026, 1, 10), Yuan(2_000m))], Local(2026, 4, 1, 0));
        var before = Program.Evaluate(q1.State, [], Local(2026, 7, 1, 0) - Duration.FromTicks(1));
        Assert.Empty(before.Events);
        var at = Program.Evaluate(before.State, [], Local(2026, 7, 1, 0));
        Assert.Single(at.Events.OfType<LevelDemoted>());
    }

    [Fact]
    public void Grace_period_spares_a_newly_promoted_member_at_the_first_quarter_end()
    {
        var zhou = new MemberId(2);
        var state = Program.Enrol(zhou, Local(2025, 11, 1));
        var march = Program.Evaluate(state,
        [
            GrowthActivity.OrderCompleted(new(1), zhou, Local(2025, 12, 10), Yuan(450m)),
            GrowthActivity.OrderCompleted(new(2), zhou, Local(2026, 3, 25), Yuan(100m)),
        ], Local(2026, 4, 1, 0));
        Assert.Equal("V2", march.State.Level.Name); // Q1 earned 100 < 150, but promoted 25 March + 30 days > 1 April
        Assert.Empty(march.Events.OfType<LevelDemoted>());

        var june = Program.Evaluate(march.State, [], Local(2026, 7, 1, 0));
        var demoted = Assert.Single(june.Events.OfType<LevelDemoted>());
        Assert.Equal((150L, 0L, 550L, 0L), (demoted.Required, demoted.Earned, demoted.Forfeited, demoted.Balance));
        Assert.Equal("V1", june.State.Level.Name);
    }

    [Fact]
    public void Rolling_window_mode_drops_to_the_level_the_last_three_months_support()
    {
        var ladder = new LevelLadder(Levels, new RetentionPolicy(RetentionPeriod.Quarterly, DemotionMode.ToRollingWindowLevel, rollingWindowMonths: 3));
        var program = new GrowthProgram(Policy, ladder);
        var state = program.Enrol(Lin, Local(2026, 1, 5));
        var r = program.Evaluate(state,
        [
            GrowthActivity.OrderCompleted(new(1), Lin, Local(2026, 1, 10), Yuan(5_000m)),
            GrowthActivity.OrderCompleted(new(2), Lin, Local(2026, 1, 11), Yuan(1_200m)),
            GrowthActivity.OrderCompleted(new(3), Lin, Local(2026, 5, 5), Yuan(900m)),
        ], Local(2026, 7, 1, 0));
        var demoted = Assert.Single(r.Events.OfType<LevelDemoted>());
        Assert.Equal(("V4", "V2"), (demoted.From.Name, demoted.To.Name));
        Assert.Equal((1_500L, 900L, 6_600L, 500L), (demoted.Required, demoted.Earned, demoted.Forfeited, demoted.Balance));

        var oneLevel = new GrowthProgram(Policy, new LevelLadder(Levels, new RetentionPolicy(RetentionPeriod.Quarterly)));
        var r1 = oneLevel.Evaluate(oneLevel.Enrol(Lin, Local(2026, 1, 5)),
        [
            GrowthActivity.OrderCompleted(new(1), Lin, Local(2026, 1, 10), Yuan(5_000m)),
            GrowthActivity.OrderCompleted(new(2), Lin, Local(2026, 1, 11), Yuan(1_200m)),
            GrowthActivity.OrderCompleted(new(3), Lin, Local(2026, 5, 5), Yuan(900m)),
        ], Local(2026, 7, 1, 0));
        Assert.Equal("V3", r1.State.Level.Name);
        Assert.Equal(2_000, r1.State.Balance);
    }

    [Fact]
    public void Example_3_a_seven_day_sign_in_streak_earns_65_points_and_a_missed_day_restarts_it()
    {
        var state = Program.Enrol(Lin, Local(2026, 2, 1));
        var signIns = new[]
        {
            GrowthActivity.SignIn(new(1), Lin, Local(2026, 3, 1, 23, 30)),
            GrowthActivity.SignIn(new(2), Lin, Local(2026, 3, 2, 0, 30)),
            GrowthActivity.SignIn(new(3), Lin, Local(2026, 3, 3, 21)),
            GrowthActivity.SignIn(new(4), Lin, Local(2026, 3, 4, 21)),
            GrowthActivity.SignIn(new(5), Lin, Local(2026, 3, 5, 21)),
            GrowthActivity.SignIn(new(6), Lin, Local(2026, 3, 6, 21)),
            GrowthActivity.SignIn(new(7), Lin, Local(2026, 3, 7, 21)),
        };
        var week = Program.Evaluate(state, signIns, Local(2026, 3, 7, 21));
        var earned = week.Events.OfType<PointsEarned>().ToArray();
        Assert.Equal(new long[] { 5, 5, 5, 5, 5, 5, 35 }, earned.Select(e => e.Points).ToArray());
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 7 }, earned.Select(e => e.StreakDay).ToArray());
        Assert.Equal(65, week.State.Balance);

        var award = Assert.Single(week.Events.OfType<HonourAwarded>()).Honour;
        Assert.Equal(("Seven-day streak", "weekly"), (award.Name, award.Tier));
        Assert.Equal(Local(2026, 4, 6, 21), award.ExpiresAt);

        var later = Program.Evaluate(week.State,
        [
            GrowthActivity.SignIn(new(9), Lin, Local(2026, 3, 9, 8)),
            GrowthActivity.SignIn(new(10), Lin, Local(2026, 3, 9, 22)),
        ], Local(2026, 3, 9, 22));
        Assert.Equal(5, later.Events.OfType<PointsEarned>().Single().Points);
        Assert.Equal(IgnoredReason.AlreadySignedInToday, later.Events.OfType<ActivityIgnored>().Single().Reason);
        Assert.Equal((70L, 1, 7), (later.State.Balance, later.State.CurrentStreak, later.State.LongestStreak));

        var expired = Program.Evaluate(later.State, [], Local(2026, 4, 10));
        var gone = Assert.Single(expired.Events.OfType<HonourExpired>());
        Assert.Equal(Local(2026, 4, 6, 21), gone.At);
        Assert.Equal(HonourStatus.Expired, Assert.Single(expired.State.Honours).Status);
    }

    [Fact]
    public void Example_4_tenure_honour_bronze_after_two_years_silver_on_the_third_anniversary()
    {
        var wu = new MemberId(3);
        var state = Program.Enrol(wu, Local(2023, 3, 15, 10));
        var eve = Program.Evaluate(state, [], Local(2026, 3, 14, 23));
        Assert.Equal(2m, eve.State.StatisticFor("Service years", Local(2026, 3, 14, 23)));
        Assert.Equal(new[] { "bronze" }, eve.Events.OfType<HonourAwarded>().Select(e => e.Honour.Tier).ToArray());

        var anniversary = Program.Evaluate(eve.State, [], Local(2026, 3, 15, 0));
        var silver = Assert.Single(anniversary.Events.OfType<HonourAwarded>()).Honour;
        Assert.Equal(("Service years", "silver", HonourTerm.LongTerm), (silver.Name, silver.Tier, silver.Term));
        Assert.Null(silver.ExpiresAt);

        var again = Program.Evaluate(anniversary.State, [], Local(2026, 12, 31));
        Assert.Empty(again.Events);
        Assert.Equal(new[] { "bronze", "silver" }, again.State.Honours.Select(h => h.Tier).ToArray());
    }
}
