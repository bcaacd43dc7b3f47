using System;

namespace SocialCommerce.Growth;

/// <summary>Extra points for the sign-in that reaches a given day of a streak (e.g. day 7: +20).</summary>
/// <remarks>
/// With a streak cycle of <c>c</c> days the bonus repeats: day <c>d</c>, <c>d + c</c>, <c>d + 2c</c>...
/// </remarks>
public readonly record struct StreakBonus
{
    /// <summary>Creates a bonus.</summary>
    /// <param name="day">The day of the streak, from 1.</param>
    /// <param name="points">The extra points, not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is below 1 or <paramref name="points"/> is negative.</exception>
    public StreakBonus(int day, long points)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, Limits.MaxStreakDay);
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(points, Limits.MaxPoints);
        Day = day;
        Points = points;
    }

    /// <summary>Gets the day of the streak that earns the bonus (1 = first day).</summary>
    public int Day { get; }

    /// <summary>Gets the extra points.</summary>
    public long Points { get; }
}
