using System;
using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Growth;

/// <summary>The built-in growth rules; they implement the same <see cref="IGrowthRule"/> a host implements.</summary>
public static class GrowthRules
{
    /// <summary>The catalog name of <see cref="PerActivity"/>.</summary>
    public const string PerActivityName = "per-activity";

    /// <summary>The catalog name of <see cref="PerCurrencyUnit"/>.</summary>
    public const string PerCurrencyUnitName = "per-currency-unit";

    /// <summary>The catalog name of <see cref="SignInStreak"/>.</summary>
    public const string SignInStreakName = "sign-in-streak";

    /// <summary>The catalog name of <see cref="ByRank"/>.</summary>
    public const string ByRankName = "by-rank";

    /// <summary>A fixed number of points per activity.</summary>
    /// <param name="points">The points (negative for a penalty), in [-<see cref="Limits.MaxPoints"/>, <see cref="Limits.MaxPoints"/>].</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is outside the range.</exception>
    public static IGrowthRule PerActivity(long points)
    {
        if (points is < -Limits.MaxPoints or > Limits.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, string.Create(CultureInfo.InvariantCulture, $"Points per activity should be in range [{-Limits.MaxPoints}-{Limits.MaxPoints}]; was {points}."));
        }

        return new PerActivityRule(points);
    }

    /// <summary>
    /// Points per whole currency unit of the activity's amount: <c>floor(amount × pointsPerUnit)</c>.
    /// Growth points are whole numbers; the fraction is dropped (¥99.99 at 1 point per yuan earns 99).
    /// </summary>
    /// <param name="pointsPerUnit">Points per unit of currency (decimal, e.g. 0.5 or 1).</param>
    /// <returns>The rule.</returns>
    /// <remarks>The points of one activity saturate at <see cref="Limits.MaxPoints"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pointsPerUnit"/> is negative, above <see cref="Limits.MaxPointsPerUnit"/> or has more than 6 decimals.</exception>
    public static IGrowthRule PerCurrencyUnit(decimal pointsPerUnit)
    {
        if (pointsPerUnit < 0m || pointsPerUnit > Limits.MaxPointsPerUnit || Math.Round(pointsPerUnit, 6, MidpointRounding.ToZero) != pointsPerUnit)
        {
            throw new ArgumentOutOfRangeException(nameof(pointsPerUnit), pointsPerUnit, string.Create(CultureInfo.InvariantCulture, $"Points per currency unit should be in range [0-{Limits.MaxPointsPerUnit}] with at most 6 decimals; was {pointsPerUnit}."));
        }

        return new PerCurrencyUnitRule(pointsPerUnit);
    }

    /// <summary>Points per daily sign-in plus bonuses on given days of a streak.</summary>
    /// <param name="points">Points for every sign-in.</param>
    /// <param name="bonuses">Extra points on given streak days; at most one bonus per day.</param>
    /// <param name="cycleDays">If set, bonuses repeat every that many days (a 7-day cycle pays day 7, 14, 21...).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is negative, or <paramref name="cycleDays"/> is below 1 or below a bonus day.</exception>
    /// <exception cref="ArgumentException">Two bonuses name the same day.</exception>
    public static IGrowthRule SignInStreak(long points, IReadOnlyList<StreakBonus>? bonuses = null, int? cycleDays = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        var bonusList = bonuses ?? [];
        var maxDay = 0;
        for (var i = 0; i < bonusList.Count; i++)
        {
            maxDay = Math.Max(maxDay, bonusList[i].Day);
        }

        if (cycleDays is { } cycle && (cycle < 1 || cycle < maxDay || cycle > Limits.MaxStreakDay))
        {
            throw new ArgumentOutOfRangeException(nameof(cycleDays), cycle, $"A streak cycle must be at least 1 day, at most {Limits.MaxStreakDay} days, and cover every bonus day (the last is day {maxDay}); was {cycle}.");
        }

        var byDay = new long[maxDay + 1];
        var seen = new bool[maxDay + 1];
        for (var i = 0; i < bonusList.Count; i++)
        {
            var bonus = bonusList[i];
            if (seen[bonus.Day])
            {
                throw new ArgumentException($"Two streak bonuses name day {bonus.Day}.", nameof(bonuses));
            }

            seen[bonus.Day] = true;
            byDay[bonus.Day] = bonus.Points;
        }

        return new SignInStreakRule(points, byDay, cycleDays ?? 0);
    }

    /// <summary>Points by rank: the first entry for rank 1, the second for rank 2...; ranks past the list earn nothing.</summary>
    /// <param name="pointsByRank">Points per rank, from rank 1.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException"><paramref name="pointsByRank"/> is empty or has a negative entry.</exception>
    public static IGrowthRule ByRank(IReadOnlyList<long> pointsByRank)
    {
        ArgumentNullException.ThrowIfNull(pointsByRank);
        if (pointsByRank.Count == 0)
        {
            throw new ArgumentException("Points by rank need at least one rank.", nameof(pointsByRank));
        }

        var copy = new long[pointsByRank.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            if (pointsByRank[i] is < 0 or > Limits.MaxPoints)
            {
                throw new ArgumentException($"Points for rank {i + 1} should be in range [0-{Limits.MaxPoints}]; was {pointsByRank[i]}.", nameof(pointsByRank));
            }

            copy[i] = pointsByRank[i];
        }

        return new ByRankRule(copy);
    }

    private sealed class PerActivityRule(long points) : IGrowthRule
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PerActivityName}({points})");

        public long Points(in GrowthRuleArguments arguments) => points;
    }

    internal static bool NeedsAmount(IGrowthRule rule) => rule is PerCurrencyUnitRule;

    /// <summary>Describes a rule for the policy's version: a built-in rule's settings, a host rule's type and text.</summary>
    internal static string Describe(IGrowthRule rule) => rule switch
    {
        PerActivityRule or PerCurrencyUnitRule or SignInStreakRule or ByRankRule => rule.ToString()!,
        _ => rule.GetType().FullName + ":" + rule,
    };

    private sealed class PerCurrencyUnitRule(decimal pointsPerUnit) : IGrowthRule
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PerCurrencyUnitName}({pointsPerUnit})");

        public long Points(in GrowthRuleArguments arguments)
        {
            var amount = arguments.Activity.Amount
                ?? throw new ArgumentException($"Activity {arguments.Activity.Id} ({arguments.Activity.Kind}) has no amount; the per-currency-unit rule needs one.", nameof(arguments));
            return decimal.ToInt64(Math.Min(decimal.Floor(amount.Amount * pointsPerUnit), Limits.MaxPoints));
        }
    }

    private sealed class SignInStreakRule(long points, long[] bonusByDay, int cycleDays) : IGrowthRule
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SignInStreakName}({points};{string.Join(",", bonusByDay)};{cycleDays})");

        public long Points(in GrowthRuleArguments arguments)
        {
            var day = arguments.StreakDay;
            if (cycleDays > 0 && day > 0)
            {
                day = ((day - 1) % cycleDays) + 1;
            }

            return day > 0 && day < bonusByDay.Length ? checked(points + bonusByDay[day]) : points;
        }
    }

    private sealed class ByRankRule(long[] pointsByRank) : IGrowthRule
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ByRankName}({string.Join(",", pointsByRank)})");

        public long Points(in GrowthRuleArguments arguments)
        {
            var rank = arguments.Activity.Rank;
            return rank >= 1 && rank <= pointsByRank.Length ? pointsByRank[rank - 1] : 0;
        }
    }
}
