using System;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.Points;

/// <summary>
/// When earned points expire: never, a number of days after earning, or at the end of the calendar period they were
/// earned in (a month, quarter or year, in a time zone), optionally some whole periods later — "points earned this year
/// expire at the end of next year" is <c>EndOfPeriod(Year, zone, periodsAfter: 1)</c>. Expiry is exclusive: at that
/// instant the unspent part is gone.
/// </summary>
public sealed record PointsExpiry
{
    private PointsExpiry(int days, PointsPeriod? period, DateTimeZone? zone, int periodsAfter)
    {
        Days = days;
        Period = period;
        Zone = zone;
        PeriodsAfter = periodsAfter;
    }

    /// <summary>Gets points that never expire.</summary>
    public static PointsExpiry Never { get; } = new(0, null, null, 0);

    /// <summary>Gets the days after earning, or 0.</summary>
    public int Days { get; }

    /// <summary>Gets the period whose end expires them, or null.</summary>
    public PointsPeriod? Period { get; }

    /// <summary>Gets the zone the period is counted in, or null.</summary>
    public DateTimeZone? Zone { get; }

    /// <summary>Gets the whole periods after the one of earning.</summary>
    public int PeriodsAfter { get; }

    /// <summary>Points expire this many days after they were earned.</summary>
    /// <param name="days">1 to <see cref="Limits.MaxDuration"/>'s days.</param>
    /// <returns>The expiry.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is out of range.</exception>
    public static PointsExpiry AfterDays(int days) =>
        days >= 1 && days <= Limits.MaxDuration.Days
            ? new(days, null, null, 0)
            : throw new ArgumentOutOfRangeException(nameof(days), days, string.Create(CultureInfo.InvariantCulture, $"Points expire 1 to {Limits.MaxDuration.Days} days after earning."));

    /// <summary>Points expire at the start of the period after the one they were earned in (plus <paramref name="periodsAfter"/> periods), at local midnight in <paramref name="zone"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="zone">The zone its boundaries are in.</param>
    /// <param name="periodsAfter">Whole periods after the one of earning, 0 to 10.</param>
    /// <returns>The expiry.</returns>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public static PointsExpiry EndOfPeriod(PointsPeriod period, DateTimeZone zone, int periodsAfter = 0)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!Enum.IsDefined(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Not a points period.");
        }

        return periodsAfter is >= 0 and <= 10
            ? new(0, period, zone, periodsAfter)
            : throw new ArgumentOutOfRangeException(nameof(periodsAfter), periodsAfter, "Points expire 0 to 10 whole periods after the one they were earned in.");
    }

    /// <summary>Returns when points earned at an instant expire, or null when never.</summary>
    /// <param name="earnedAt">When they were earned.</param>
    /// <returns>The expiry instant (exclusive), or null.</returns>
    public Instant? ExpiresAt(Instant earnedAt)
    {
        if (Days > 0)
        {
            return earnedAt + Duration.FromDays(Days);
        }

        if (Period is not { } period)
        {
            return null;
        }

        var date = earnedAt.InZone(Zone!).Date;
        var months = period switch { PointsPeriod.Month => 1, PointsPeriod.Quarter => 3, _ => 12 };
        var start = period switch
        {
            PointsPeriod.Month => new LocalDate(date.Year, date.Month, 1),
            PointsPeriod.Quarter => new LocalDate(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1),
            _ => new LocalDate(date.Year, 1, 1),
        };
        var end = start.PlusMonths(months * (1 + PeriodsAfter));
        return end.AtStartOfDayInZone(Zone!).ToInstant();
    }
}
