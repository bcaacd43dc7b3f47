using System.Linq;
using NodaTime;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Growth.GrowthExamples;

namespace SocialCommerce.Core.Tests.Growth;

public sealed class RetentionTests
{
    private static readonly MemberId Ana = new(11);
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static Instant InNewYork(int y, int m, int d, int h = 12) => new LocalDateTime(y, m, d, h, 0).InZoneStrictly(NewYork).ToInstant();

    [Fact]
    public void Monthly_retention_runs_at_local_midnight_of_the_members_own_zone()
    {
        var program = new GrowthProgram(Policy, new LevelLadder(Levels, new RetentionPolicy(RetentionPeriod.Monthly)));
        var state = program.Enrol(Ana, InNewYork(2026, 1, 3), NewYork);
        var january = program.Evaluate(state, [GrowthActivity.OrderCompleted(new(1), Ana, InNewYork(2026, 1, 20), Yuan(700m))], InNewYork(2026, 2, 1, 0));
        Assert.Empty(january.Events.OfType<LevelDemoted>()); // January earned 700 >= 150

        // February earns 100 < 150; 1 March 00:00 in New York is 05:00 UTC, not Shanghai's midnight.
        var february = program.Evaluate(january.State, [GrowthActivity.OrderCompleted(new(2), Ana, InNewYork(2026, 2, 10), Yuan(100m))], InNewYork(2026, 3, 1, 0));
        var demoted = Assert.Single(february.Events.OfType<LevelDemoted>());
        Assert.Equal(Instant.FromUtc(2026, 3, 1, 5, 0), demoted.At);
        Assert.Equal((150L, 100L, 800L, 0L), (demoted.Required, demoted.Earned, demoted.Forfeited, demoted.Balance));
    }

    [Fact]
    public void Yearly_retention_looks_at_the_whole_calendar_year()
    {
        var program = new GrowthProgram(Policy, new LevelLadder(Levels, new RetentionPolicy(RetentionPeriod.Yearly)));
        var state = program.Enrol(Ana, Local(2025, 6, 1));
        var r = program.Evaluate(state,
        [
            GrowthActivity.OrderCompleted(new(1), Ana, Local(2025, 6, 2), Yuan(2_100m)),
            GrowthActivity.OrderCompleted(new(2), Ana, Local(2026, 1, 15), Yuan(300m)),
            GrowthActivity.OrderCompleted(new(3), Ana, Local(2026, 12, 31, 23), Yuan(250m)),
        ], Local(2027, 1, 1, 0));
        // 2025: 2,100 >= 600 keeps V3 on 1 January 2026; 2026: 550 < 600 drops V3 -> V2 on 1 January 2027.
        var demoted = Assert.Single(r.Events.OfType<LevelDemoted>());
        Assert.Equal(("V3", "V2", 550L), (demoted.From.Name, demoted.To.Name, demoted.Earned));
        Assert.Equal(Local(2027, 1, 1, 0), demoted.At);
    }

    [Fact]
    public void A_refund_in_the_period_counts_against_the_keep_up()
    {
        var state = Program.Enrol(Ana, Local(2026, 1, 5));
        var r = Program.Evaluate(state,
        [
            GrowthActivity.OrderCompleted(new(1), Ana, Local(2026, 1, 6), Yuan(2_500m)),
            GrowthActivity.OrderCompleted(new(2), Ana, Local(2026, 4, 6), Yuan(700m)),
            GrowthActivity.OrderRefunded(new(3), Ana, Local(2026, 4, 9), new ActivityId(2)),
            GrowthActivity.OrderCompleted(new(4), Ana, Local(2026, 5, 6), Yuan(400m)),
        ], Local(2026, 7, 1, 0));
        var demoted = Assert.Single(r.Events.OfType<LevelDemoted>());
        Assert.Equal(400, demoted.Earned); // 700 - 700 + 400
    }

    [Fact]
    public void An_activity_before_a_retention_evaluation_already_run_is_out_of_order_and_a_duplicate_stays_a_duplicate()
    {
        var state = Program.Enrol(Ana, Local(2026, 1, 5));
        var first = Program.Evaluate(state, [GrowthActivity.ReviewPosted(new(1), Ana, Local(2026, 3, 1))], Local(2026, 4, 1, 0));
        var late = Program.Evaluate(first.State,
        [
            GrowthActivity.ReviewPosted(new(2), Ana, Local(2026, 3, 31, 23)),
            GrowthActivity.ReviewPosted(new(1), Ana, Local(2026, 3, 1)),
        ], Local(2026, 4, 2));
        Assert.Equal(new[] { IgnoredReason.OutOfOrder, IgnoredReason.Duplicate }, late.Events.OfType<ActivityIgnored>().Select(e => e.Reason).ToArray());
        Assert.False(late.State.HasPosted(new ActivityId(2)));
    }
}
