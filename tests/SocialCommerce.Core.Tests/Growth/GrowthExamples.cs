using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Growth;

namespace SocialCommerce.Core.Tests.Growth;

/// <summary>The program of docs/growth.md: the same JSON policy, the same V1–V5 ladder.</summary>
public static class GrowthExamples
{
    public const string PolicyJson = """
        {
          "currency": "CNY",
          "timeZone": "Asia/Shanghai",
          "allowDebt": false,
          "sources": [
            { "kind": "order.completed",      "rule": "per-currency-unit", "pointsPerUnit": 1, "dailyCap": 5000 },
            { "kind": "sign-in",              "rule": "sign-in-streak",    "points": 5,
              "streakBonuses": [ { "day": 7, "points": 30 } ], "streakCycleDays": 7 },
            { "kind": "task.completed",       "rule": "per-activity",      "points": 20, "dailyCap": 60 },
            { "kind": "review.posted",        "rule": "per-activity",      "points": 10, "dailyCap": 30 },
            { "kind": "course.completed",     "rule": "per-activity",      "points": 50 },
            { "kind": "competition.placed",   "rule": "by-rank",           "rankPoints": [ 300, 200, 100 ] },
            { "kind": "referral.first-order", "rule": "per-activity",      "points": 100 }
          ]
        }
        """;

    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static GrowthPolicy Policy { get; } = GrowthPolicy.FromJson(PolicyJson);

    public static IReadOnlyList<GrowthLevel> Levels { get; } =
    [
        new GrowthLevel("V1", 0, new LevelBenefits(Rate.Zero, 0, "seedling")),
        new GrowthLevel("V2", 500, new LevelBenefits(Rate.Percent(2), 1, "sprout"), keepUp: 150),
        new GrowthLevel("V3", 2_000, new LevelBenefits(Rate.Percent(5), 2, "bloom"), keepUp: 600),
        new GrowthLevel("V4", 6_000, new LevelBenefits(Rate.Percent(8), 3, "tree"), keepUp: 1_500),
        new GrowthLevel("V5", 15_000, new LevelBenefits(Rate.Percent(12), 4, "forest"), keepUp: 4_000),
    ];

    public static LevelLadder LadderWithoutRetention { get; } = new(Levels);

    public static RetentionPolicy QuarterlyRetention { get; } = new(RetentionPeriod.Quarterly, DemotionMode.OneLevel, Period.FromDays(30));

    public static LevelLadder Ladder { get; } = new(Levels, QuarterlyRetention);

    public static HonourRule Tenure { get; } = new("Service years", HonourTerm.LongTerm, HonourMeasure.TenureYears,
        [new HonourTier("bronze", 1), new HonourTier("silver", 3), new HonourTier("gold", 5)]);

    public static HonourRule WeekStreak { get; } = new("Seven-day streak", HonourTerm.ShortTerm, HonourMeasure.LongestSignInStreak,
        [new HonourTier("weekly", 7)])
    { ValidFor = Period.FromDays(30) };

    public static GrowthProgram Program { get; } = new(Policy, Ladder, [Tenure, WeekStreak]);

    public static GrowthProgram ProgramWithoutRetention { get; } = new(Policy, LadderWithoutRetention);

    /// <summary>A local time in Shanghai as an instant.</summary>
    public static Instant Local(int year, int month, int day, int hour = 12, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    public static Money Yuan(decimal amount) => new(amount, Currency.CNY);
}
