using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// Generators and shrinkers for growth activity across days and time zones: mixed histories, earning-only histories,
/// referral histories, histories dense in capped sources, and sign-in series.
/// </summary>
public static class GrowthGen
{
    /// <summary>
    /// Gets the zones generated histories use: whole-hour, half-hour and quarter-hour offsets, zones with and without
    /// daylight saving (Lord Howe's is half an hour), and offsets from −3:30 to +14.
    /// </summary>
    public static IReadOnlyList<string> Zones { get; } =
    [
        "Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Chatham",
        "Asia/Kolkata", "UTC", "America/St_Johns", "Pacific/Kiritimati", "America/Los_Angeles",
    ];

    private static readonly Gen<int> Gaps = Gen.Frequency(
        (2, Gen.Constant(0)),
        (4, Gen.Choose(1, 240)),
        (3, Gen.Choose(240, 1_800)),
        (1, Gen.Choose(1_800, 60 * 24 * 40)));

    private static readonly Gen<ActivityStepKind> AnyKind = Gen.Frequency(
        (5, Gen.Constant(ActivityStepKind.Order)),
        (2, Gen.Constant(ActivityStepKind.Refund)),
        (5, Gen.Constant(ActivityStepKind.SignIn)),
        (3, Gen.Constant(ActivityStepKind.Task)),
        (2, Gen.Constant(ActivityStepKind.Review)),
        (1, Gen.Constant(ActivityStepKind.Course)),
        (1, Gen.Constant(ActivityStepKind.Competition)),
        (2, Gen.Constant(ActivityStepKind.Penalty)),
        (1, Gen.Constant(ActivityStepKind.Referral)),
        (1, Gen.Constant(ActivityStepKind.Bound)),
        (2, Gen.Constant(ActivityStepKind.Repost)));

    /// <summary>Gets a generator of up to 60 steps of every kind, in any of <see cref="Zones"/>.</summary>
    public static Gen<ActivityHistory> Histories { get; } = HistoriesOf(AnyKind, 60);

    /// <summary>Gets a generator of up to 60 steps that only earn: no refunds, penalties or bindings.</summary>
    public static Gen<ActivityHistory> EarningHistories { get; } = HistoriesOf(
        Gen.Elements(ActivityStepKind.Order, ActivityStepKind.SignIn, ActivityStepKind.Task, ActivityStepKind.Review, ActivityStepKind.Course, ActivityStepKind.Competition, ActivityStepKind.Referral, ActivityStepKind.Repost), 60);

    /// <summary>Gets a generator of up to 40 referral bindings and referred members' first orders.</summary>
    public static Gen<ActivityHistory> ReferralHistories { get; } = HistoriesOf(Gen.Elements(ActivityStepKind.Referral, ActivityStepKind.Bound), 40);

    /// <summary>Gets a generator of up to 80 steps dense in capped sources: tasks, reviews, big orders and a few refunds.</summary>
    public static Gen<ActivityHistory> CappedHistories { get; } = HistoriesOf(
        Gen.Frequency((5, Gen.Constant(ActivityStepKind.Task)), (3, Gen.Constant(ActivityStepKind.Review)), (2, Gen.Constant(ActivityStepKind.Order)), (1, Gen.Constant(ActivityStepKind.Refund))), 80);

    /// <summary>
    /// Gets a generator of 1 to 60 sign-ins: some within the hour, most about a day apart (20 to 28 hours, across local
    /// midnights), some skipping days.
    /// </summary>
    public static Gen<SignInSeries> SignIns { get; } =
        from n in Gen.Choose(1, 60)
        from gaps in Gen.Frequency((3, Gen.Choose(0, 60)), (6, Gen.Choose(60 * 20, 60 * 28)), (2, Gen.Choose(60 * 28, 60 * 50)), (1, Gen.Choose(0, 60 * 24 * 5))).ArrayOf(n)
        from zone in Gen.Elements(Zones.ToArray())
        select new SignInSeries(gaps, zone);

    /// <summary>A generator of histories of the given kinds.</summary>
    /// <param name="kinds">The kinds of steps.</param>
    /// <param name="maxSteps">The most steps, at least 0.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSteps"/> is negative.</exception>
    public static Gen<ActivityHistory> HistoriesOf(Gen<ActivityStepKind> kinds, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSteps);
        var steps = from kind in kinds
                    from gap in Gaps
                    from fen in Gen.Frequency((1, Gen.Choose(0, 999)), (4, Gen.Choose(1_000, 300_000)), (1, Gen.Choose(300_000, 1_200_000)))
                    from rank in Gen.Choose(1, 6)
                    from target in Gen.Choose(0, 1_000)
                    select new ActivityStep(kind, gap, fen, rank, target);
        return from n in Gen.Choose(0, maxSteps)
               from list in steps.ArrayOf(n)
               from zone in Gen.Elements(Zones.ToArray())
               select new ActivityHistory(list, zone);
    }

    /// <summary>Shrinks a history: half the steps, then each step dropped, then gaps to zero and amounts toward zero.</summary>
    /// <param name="history">The history.</param>
    /// <returns>Smaller candidates in the same zone.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    public static IEnumerable<ActivityHistory> Shrink(ActivityHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return ShrinkIterator(history);
    }

    /// <summary>Shrinks a sign-in series: half the sign-ins, then each one dropped.</summary>
    /// <param name="series">The series.</param>
    /// <returns>Smaller candidates with at least one sign-in.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    public static IEnumerable<SignInSeries> Shrink(SignInSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.GapMinutes.Count > 1
            ? Fewer.Of(series.GapMinutes).Select(gaps => series with { GapMinutes = gaps })
            : [];
    }

    private static IEnumerable<ActivityHistory> ShrinkIterator(ActivityHistory history)
    {
        var steps = history.Steps;
        foreach (var fewer in Fewer.Of(steps))
        {
            yield return history with { Steps = fewer };
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].AmountMinorUnits > 0)
            {
                var copy = steps.ToArray();
                copy[i] = steps[i] with { AmountMinorUnits = steps[i].AmountMinorUnits / 2 };
                yield return history with { Steps = copy };
            }
        }
    }
}
