using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Growth;

public sealed class GrowthProperties
{
    private static readonly GrowthActivityKind[] Kinds =
    [
        GrowthActivityKind.OrderCompleted, GrowthActivityKind.SignIn, GrowthActivityKind.TaskCompleted, GrowthActivityKind.ReviewPosted,
        GrowthActivityKind.CourseCompleted, GrowthActivityKind.CompetitionPlaced, GrowthActivityKind.ReferredFirstOrder, ActivityHistory.PenaltyKind,
    ];

    private static readonly HonourRule Lifetime = new("Lifetime", HonourTerm.LongTerm, HonourMeasure.LifetimePoints,
        [new HonourTier("1k", 1_000), new HonourTier("5k", 5_000)]);

    private static GrowthProgram ProgramFor(DateTimeZone zone, bool retention, bool allowDebt = false) =>
        new(GrowthPropertyPolicy.For(zone, allowDebt), retention ? GrowthExamples.Ladder : GrowthExamples.LadderWithoutRetention, [GrowthExamples.WeekStreak, Lifetime]);

    /// <summary>Everything observable about a state, for comparison.</summary>
    private static string Snapshot(MemberGrowth s, IEnumerable<GrowthActivity> posted)
    {
        var kinds = string.Join(",", Kinds.Select(k => s.CountOf(k)));
        var points = string.Join(",", posted.Select(a => s.PointsOf(a.Id)?.ToString() ?? "-"));
        var honours = string.Join(",", s.Honours.Select(h => $"{h.Name}/{h.Tier}/{h.Status}"));
        return $"{s.Balance}|{s.LevelIndex}|{s.CurrentStreak}|{s.LongestStreak}|{s.LastSignInDate}|{s.LifetimePoints}|{s.CumulativeSales}|{s.LastPromotedAt}|{kinds}|{points}|{honours}";
    }

    [Property(MaxTest = 500)]
    public Property Without_retention_the_level_never_decreases_as_points_grow() =>
        Prop.ForAll(Arb.From(GrowthGen.EarningHistories, GrowthGen.Shrink), NeverDecreases);

    private static Property NeverDecreases(ActivityHistory script)
    {
        var program = ProgramFor(script.Zone, retention: false);
        var state = program.Enrol(ActivityHistory.Member, ActivityHistory.Start);
        var ok = true;
        foreach (var activity in script.Build())
        {
            var next = program.Evaluate(state, [activity], activity.At).State;
            ok &= next.Balance >= state.Balance && next.LevelIndex >= state.LevelIndex;
            state = next;
        }

        return ok.Label(script.ToString())
            .And(GrowthInvariants.LevelMonotonicity(program, program.Enrol(ActivityHistory.Member, ActivityHistory.Start), script.Build()).ToProperty());
    }

    [Property(Arbitrary = [typeof(GrowthArbitraries)], MaxTest = 500)]
    public Property The_level_is_always_the_highest_whose_threshold_the_balance_meets(ActivityHistory script, bool retention, bool debt)
    {
        var program = ProgramFor(script.Zone, retention, debt);
        var ladder = program.Ladder;
        var state = program.Enrol(ActivityHistory.Member, ActivityHistory.Start);
        var ok = true;
        foreach (var activity in script.Build())
        {
            var r = program.Evaluate(state, [activity], activity.At);
            state = r.State;
            ok &= state.LevelIndex == IndexByHand(state.Balance);
            ok &= debt || state.Balance >= 0;
            foreach (var promoted in r.Events.OfType<LevelPromoted>())
            {
                ok &= promoted.To == ladder.Levels[IndexByHand(promoted.Balance)] && promoted.To.Threshold > promoted.From.Threshold;
            }
        }

        var end = program.Evaluate(state, [], script.End + Duration.FromDays(400)).State;
        ok &= end.LevelIndex == IndexByHand(end.Balance);
        return ok.Label(script.ToString())
            .And(GrowthInvariants.LevelMonotonicity(program, program.Enrol(ActivityHistory.Member, ActivityHistory.Start), script.Build()).ToProperty());
    }

    [Property(Arbitrary = [typeof(GrowthArbitraries)], MaxTest = 500)]
    public Property Refund_after_completion_returns_to_the_pre_order_balance_and_level(ActivityHistory script, bool retention, PositiveInt fen)
    {
        var program = ProgramFor(script.Zone, retention);
        var t = script.End + Duration.FromMinutes(5);
        var before = program.Evaluate(program.Enrol(ActivityHistory.Member, ActivityHistory.Start), script.Build(), t).State;
        var order = GrowthActivity.OrderCompleted(new ActivityId(5_000_001), ActivityHistory.Member, t, new Money((((fen.Get * 7_919L) % 1_000_000) + 100) / 100m, Currency.CNY)); // ¥1.00 to ¥10,000.99
        var refund = GrowthActivity.OrderRefunded(new ActivityId(5_000_002), ActivityHistory.Member, t, order.Id);
        var after = program.Evaluate(before, [order, refund], t).State;
        return (after.Balance == before.Balance && after.LevelIndex == before.LevelIndex && after.CumulativeSales == before.CumulativeSales)
            .Label($"{before.Balance} -> {after.Balance}; {script}");
    }

    [Property(Arbitrary = [typeof(GrowthArbitraries)], MaxTest = 500)]
    public Property Reposting_an_activity_id_changes_nothing(ActivityHistory script, bool retention, NonNegativeInt pick)
    {
        var program = ProgramFor(script.Zone, retention);
        var activities = script.Build();
        var t = script.End;
        var state = program.Evaluate(program.Enrol(ActivityHistory.Member, ActivityHistory.Start), activities, t).State;
        var posted = activities.Where(a => state.HasPosted(a.Id)).ToArray();
        if (posted.Length == 0)
        {
            return true.ToProperty();
        }

        // The same activity answers Duplicate, another one under its id ConflictingDuplicate; both carry the first
        // delivery's outcome as the history's own events reported it, and change nothing.
        // Each activity yields one of these three events, in order: the recorded delivery of an id is the occurrence
        // whose event is not a repeat or out of order.
        var id = posted[pick.Get % posted.Length].Id;
        var outcomes = program.Evaluate(program.Enrol(ActivityHistory.Member, ActivityHistory.Start), activities, t).Events
            .Select(e => e switch
            {
                PointsEarned p when p.Activity == id => (p.Points, (IgnoredReason?)null),
                PointsReversed v when v.Activity == id => (-v.Points, null),
                ActivityIgnored i when i.Activity == id => (0L, i.Reason),
                _ => ((long, IgnoredReason?)?)null,
            })
            .OfType<(long Points, IgnoredReason? Ignored)>()
            .ToArray();
        var occurrences = activities.Where(a => a.Id == id).ToArray();
        var recorded = Enumerable.Range(0, occurrences.Length)
            .First(k => outcomes[k].Ignored is not (IgnoredReason.Duplicate or IgnoredReason.ConflictingDuplicate or IgnoredReason.OutOfOrder));
        var original = occurrences[recorded];
        var first = outcomes[recorded];
        var other = original.Kind == GrowthActivityKind.OrderRefunded || original.Kind == GrowthActivityKind.ReferredFirstOrder || original.Kind == GrowthActivityKind.MemberReferred
            ? GrowthActivity.OrderCompleted(original.Id, ActivityHistory.Member, t, new Money(99m, Currency.CNY))
            : new GrowthActivity(original.Id, ActivityHistory.Member, t, original.Kind) { Amount = original.Amount, Rank = original.Rank, Subject = "other" };
        var r = program.Evaluate(state, [original, other, original], t);
        var ignored = r.Events.OfType<ActivityIgnored>().ToArray();
        return (Snapshot(r.State, activities) == Snapshot(state, activities)
                && r.Events.Count == 3 && ignored.Length == 3
                && ignored.Select(e => e.Reason).SequenceEqual([IgnoredReason.Duplicate, IgnoredReason.ConflictingDuplicate, IgnoredReason.Duplicate])
                && ignored.All(e => (e.FirstPoints, e.FirstIgnored) == first))
            .Label($"{script}; first {first}; answered {string.Join(", ", ignored.Select(e => $"{e.Reason} {e.FirstPoints} {e.FirstIgnored}"))}");
    }

    [Property(MaxTest = 500)]
    public Property Daily_caps_are_never_exceeded_and_capped_tasks_earn_exactly_the_room_left() =>
        Prop.ForAll(Arb.From(GrowthGen.CappedHistories, GrowthGen.Shrink), CapsHold);

    private static Property CapsHold(ActivityHistory script)
    {
        var zone = script.Zone;
        var program = ProgramFor(zone, retention: false);
        var r = program.Evaluate(program.Enrol(ActivityHistory.Member, ActivityHistory.Start), script.Build(), script.End);
        var caps = program.Policy.Sources.Where(s => s.DailyCap is not null).ToDictionary(s => s.Kind, s => s.DailyCap!.Value);
        var byDay = r.Events.OfType<PointsEarned>()
            .GroupBy(e => (e.Kind, e.At.InZone(zone).Date))
            .ToArray();
        var ok = byDay.All(g => !caps.TryGetValue(g.Key.Kind, out var c) || g.Sum(e => e.Points) <= c);
        foreach (var day in byDay.Where(g => g.Key.Kind == GrowthActivityKind.TaskCompleted))
        {
            ok &= day.Sum(e => e.Points) == Math.Min(60, 20 * day.Count());
        }

        return ok.Label(script.ToString());
    }

    [Property(Arbitrary = [typeof(GrowthArbitraries)], MaxTest = 500)]
    public Property Sign_in_streaks_count_local_days_in_the_member_zone(SignInSeries signIns, bool ownZone)
    {
        var zone = signIns.Zone;
        var program = ownZone ? GrowthExamples.ProgramWithoutRetention : ProgramFor(zone, retention: false);
        var state = ownZone
            ? program.Enrol(ActivityHistory.Member, ActivityHistory.Start, zone)
            : program.Enrol(ActivityHistory.Member, ActivityHistory.Start);
        var instants = signIns.Instants();
        var activities = instants.Select((at, i) => GrowthActivity.SignIn(new ActivityId(i + 1), ActivityHistory.Member, at)).ToArray();
        var r = program.Evaluate(state, activities, instants[^1]);

        // Expected by hand: the local date of each sign-in; the same date again earns nothing;
        // the next date extends the streak; any later date restarts it at 1.
        LocalDate? last = null;
        int streak = 0, longest = 0;
        long balance = 0;
        var expectedDays = new List<int>();
        foreach (var at in instants)
        {
            var date = at.InZone(zone).Date;
            if (last == date)
            {
                continue;
            }

            streak = last is { } l && l.PlusDays(1) == date ? streak + 1 : 1;
            longest = Math.Max(longest, streak);
            last = date;
            expectedDays.Add(streak);
            balance += streak % 7 == 0 ? 35 : 5;
        }

        var actualDays = r.Events.OfType<PointsEarned>().Select(e => e.StreakDay).ToList();
        return (actualDays.SequenceEqual(expectedDays)
                && r.State.CurrentStreak == streak && r.State.LongestStreak == longest
                && r.State.Balance == balance && r.State.LastSignInDate == last)
            .Label($"{signIns.ZoneId}: expected [{string.Join(",", expectedDays)}] got [{string.Join(",", actualDays)}]");
    }

    [Property(MaxTest = 500)]
    public Property Recruitment_alone_earns_nothing_only_a_referred_members_first_real_purchase_earns() =>
        Prop.ForAll(Arb.From(GrowthGen.ReferralHistories, GrowthGen.Shrink), RecruitmentEarnsNothing);

    private static Property RecruitmentEarnsNothing(ActivityHistory script)
    {
        var program = ProgramFor(script.Zone, retention: false);
        var activities = script.Build();
        var r = program.Evaluate(program.Enrol(ActivityHistory.Member, ActivityHistory.Start), activities, script.End);
        var bought = activities
            .Where(a => a.Kind == GrowthActivityKind.ReferredFirstOrder && a.Amount is { IsZero: false })
            .Select(a => a.Referred)
            .Distinct()
            .Count();
        var bindingsOnly = program.Evaluate(
            program.Enrol(ActivityHistory.Member, ActivityHistory.Start),
            activities.Where(a => a.Kind == GrowthActivityKind.MemberReferred).ToArray(),
            script.End);
        return (r.State.Balance == 100L * bought && bindingsOnly.State.Balance == 0 && bindingsOnly.Events.All(e => e is ActivityIgnored))
            .Label(script.ToString());
    }

    [Property(Arbitrary = [typeof(GrowthArbitraries)], MaxTest = 500)]
    public Property Evaluation_is_pure_one_batch_equals_one_by_one_and_the_input_is_untouched(ActivityHistory script, bool retention)
    {
        var program = ProgramFor(script.Zone, retention);
        var activities = script.Build();
        var start = program.Enrol(ActivityHistory.Member, ActivityHistory.Start);
        var startSnapshot = Snapshot(start, activities);
        var batch = program.Evaluate(start, activities, script.End);
        var again = program.Evaluate(start, activities, script.End);
        var stepwise = start;
        var events = new List<GrowthEvent>();
        foreach (var a in activities)
        {
            var r = program.Evaluate(stepwise, [a], a.At);
            stepwise = r.State;
            events.AddRange(r.Events.Where(e => e is not HonourExpired));
        }

        var end = program.Evaluate(stepwise, [], script.End);
        events.AddRange(end.Events.Where(e => e is not HonourExpired));
        return (Snapshot(start, activities) == startSnapshot
                && Snapshot(batch.State, activities) == Snapshot(again.State, activities)
                && batch.Events.SequenceEqual(again.Events)
                && Snapshot(batch.State, activities) == Snapshot(end.State, activities)
                && batch.Events.Where(e => e is not HonourExpired).SequenceEqual(events))
            .Label(script.ToString());
    }

    private static int IndexByHand(long balance) =>
        balance >= 15_000 ? 4 : balance >= 6_000 ? 3 : balance >= 2_000 ? 2 : balance >= 500 ? 1 : 0;
}
