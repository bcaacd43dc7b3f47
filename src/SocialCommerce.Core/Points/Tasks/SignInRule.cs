using System;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.Points;

/// <summary>
/// Daily sign-in points (签到积分): one sign-in a local day earns <see cref="Points"/>, and every
/// <see cref="StreakDays"/>-th consecutive day adds <see cref="StreakBonus"/> (a 7-day streak bonus, say). The lot's id is
/// the day (<c>sign-in/2026-12-07</c>), so a second sign-in on a day is a duplicate however often it is sent.
/// <see cref="PointsWallet.SignIn"/> applies it.
/// </summary>
public sealed record SignInRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="points">Points a sign-in earns, 1 to <see cref="Limits.MaxPoints"/>.</param>
    /// <param name="dayZone">The zone whose local days count (UTC when null).</param>
    /// <param name="streakDays">Every how many consecutive days the bonus is earned (2 to 366), or 0 for no bonus.</param>
    /// <param name="streakBonus">The bonus points, 1 to <see cref="Limits.MaxPoints"/> less <paramref name="points"/> (0 when no streak).</param>
    /// <param name="expiry">When the points expire; never when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A term is out of range; the message names it.</exception>
    public SignInRule(long points, DateTimeZone? dayZone = null, int streakDays = 0, long streakBonus = 0, PointsExpiry? expiry = null)
    {
        if (points is < 1 or > Limits.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, string.Create(CultureInfo.InvariantCulture, $"Sign-in points should be 1 to {Limits.MaxPoints}."));
        }

        if (streakDays != 0 && streakDays is < 2 or > 366)
        {
            throw new ArgumentOutOfRangeException(nameof(streakDays), streakDays, "Sign-in streakDays should be 2 to 366, or 0 for no streak bonus.");
        }

        if (streakDays == 0 ? streakBonus != 0 : streakBonus < 1 || streakBonus > Limits.MaxPoints - points)
        {
            throw new ArgumentOutOfRangeException(nameof(streakBonus), streakBonus, string.Create(CultureInfo.InvariantCulture, $"Sign-in streakBonus should be 1 to {Limits.MaxPoints} less the points with a streak, and 0 without one."));
        }

        Points = points;
        DayZone = dayZone ?? DateTimeZone.Utc;
        StreakDays = streakDays;
        StreakBonus = streakBonus;
        Expiry = expiry ?? PointsExpiry.Never;
    }

    /// <summary>Gets the points a sign-in earns.</summary>
    public long Points { get; }

    /// <summary>Gets the zone whose local days count.</summary>
    public DateTimeZone DayZone { get; }

    /// <summary>Gets every how many consecutive days the bonus is earned, or 0.</summary>
    public int StreakDays { get; }

    /// <summary>Gets the bonus points.</summary>
    public long StreakBonus { get; }

    /// <summary>Gets when the points expire.</summary>
    public PointsExpiry Expiry { get; }

    /// <summary>Returns the lot id of a day's sign-in.</summary>
    /// <param name="day">The local day.</param>
    /// <returns><c>sign-in/yyyy-MM-dd</c>.</returns>
    public static string LotId(LocalDate day) => string.Create(CultureInfo.InvariantCulture, $"sign-in/{day:uuuu-MM-dd}");
}
