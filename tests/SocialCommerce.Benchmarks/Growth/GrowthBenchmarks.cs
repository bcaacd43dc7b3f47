using System;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.Growth;

/// <summary>
/// Issue 8: at least 1,000,000 activities per second through a <see cref="GrowthProgram"/> with a
/// five-level ladder (quarterly retention), daily caps and sign-in streaks. 10,000 members × 100
/// activities over 20 days (each day: a sign-in, a completed order, two tasks, a review), so streaks
/// grow, the task cap binds and members climb the ladder. Each member is enrolled and evaluated in one
/// call; the time reported is per activity.
/// </summary>
[MemoryDiagnoser]
public class GrowthBenchmarks
{
    /// <summary>Activities per invocation.</summary>
    public const int Activities = MembersCount * ActivitiesPerMember;

    private const int MembersCount = 10_000;
    private const int Days = 20;
    private const int PerDay = 5;
    private const int ActivitiesPerMember = Days * PerDay;

    private const string PolicyJson = """
        {
          "currency": "CNY",
          "timeZone": "Asia/Shanghai",
          "allowDebt": false,
          "sources": [
            { "kind": "order.completed",      "rule": "per-currency-unit", "pointsPerUnit": 1, "dailyCap": 5000 },
            { "kind": "sign-in",              "rule": "sign-in-streak",    "points": 5,
              "streakBonuses": [ { "day": 7, "points": 30 } ], "streakCycleDays": 7 },
            { "kind": "task.completed",       "rule": "per-activity",      "points": 20, "dailyCap": 30 },
            { "kind": "review.posted",        "rule": "per-activity",      "points": 10, "dailyCap": 30 },
            { "kind": "course.completed",     "rule": "per-activity",      "points": 50 },
            { "kind": "referral.first-order", "rule": "per-activity",      "points": 100 }
          ]
        }
        """;

    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 1, 0);

    private GrowthProgram _program = null!;
    private GrowthActivity[] _activities = null!;
    private MemberId[] _members = null!;
    private Instant _asOf;

    [GlobalSetup]
    public void Setup()
    {
        var levels = new GrowthLevel[]
        {
            new("V1", 0, new LevelBenefits(Rate.Zero, 0, "seedling")),
            new("V2", 500, new LevelBenefits(Rate.Percent(2), 1, "sprout"), keepUp: 150),
            new("V3", 2_000, new LevelBenefits(Rate.Percent(5), 2, "bloom"), keepUp: 600),
            new("V4", 6_000, new LevelBenefits(Rate.Percent(8), 3, "tree"), keepUp: 1_500),
            new("V5", 15_000, new LevelBenefits(Rate.Percent(12), 4, "forest"), keepUp: 4_000),
        };
        var ladder = new LevelLadder(levels, new RetentionPolicy(RetentionPeriod.Quarterly, DemotionMode.OneLevel, Period.FromDays(30)));
        _program = new GrowthProgram(GrowthPolicy.FromJson(PolicyJson), ladder);
        _members = new MemberId[MembersCount];
        _activities = new GrowthActivity[Activities];
        var random = new Random(BenchmarkSizes.Seed);
        long id = 1;
        for (var m = 0; m < MembersCount; m++)
        {
            var member = new MemberId(1_000_000 + m);
            _members[m] = member;
            for (var d = 0; d < Days; d++)
            {
                var day = Start + Duration.FromDays(d) + Duration.FromMinutes(random.Next(0, 60));
                var i = (m * ActivitiesPerMember) + (d * PerDay);
                _activities[i] = GrowthActivity.SignIn(new ActivityId(id++), member, day);
                _activities[i + 1] = GrowthActivity.OrderCompleted(new ActivityId(id++), member, day + Duration.FromMinutes(10), new Money(random.Next(1_000, 80_000) / 100m, Currency.CNY));
                _activities[i + 2] = GrowthActivity.TaskCompleted(new ActivityId(id++), member, day + Duration.FromMinutes(20), "share");
                _activities[i + 3] = GrowthActivity.TaskCompleted(new ActivityId(id++), member, day + Duration.FromMinutes(30), "invite");
                _activities[i + 4] = GrowthActivity.ReviewPosted(new ActivityId(id++), member, day + Duration.FromMinutes(40));
            }
        }

        _asOf = Start + Duration.FromDays(Days + 1);

        // The workload must exercise the ladder and the streaks.
        var probe = _program.Evaluate(_program.Enrol(_members[0], Start), _activities.AsSpan(0, ActivitiesPerMember), _asOf).State;
        if (probe.LevelIndex == 0 || probe.LongestStreak < Days)
        {
            throw new InvalidOperationException($"The probe member ended at level {probe.LevelIndex} with a streak of {probe.LongestStreak}.");
        }
    }

    /// <summary>Enrols and evaluates every member with its 100 activities.</summary>
    /// <returns>The sum of the balances.</returns>
    [Benchmark(OperationsPerInvoke = Activities)]
    public long EvaluateActivities()
    {
        long balance = 0;
        for (var m = 0; m < _members.Length; m++)
        {
            var state = _program.Enrol(_members[m], Start);
            var evaluation = _program.Evaluate(state, _activities.AsSpan(m * ActivitiesPerMember, ActivitiesPerMember), _asOf);
            balance += evaluation.State.Balance;
        }

        return balance;
    }
}
