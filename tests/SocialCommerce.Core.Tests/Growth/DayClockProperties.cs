using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Growth;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Growth;

public sealed class DayClockProperties
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    [Property(MaxTest = 500)]
    public Property The_cached_local_day_matches_the_zone_calendar_for_any_instants_in_any_order(int zoneIndex, long[] seconds)
    {
        var zone = DateTimeZoneProviders.Tzdb[GrowthGen.Zones[System.Math.Abs(zoneIndex % GrowthGen.Zones.Count)]];
        var clock = new DayClock(zone);
        var ok = true;
        foreach (var raw in seconds ?? [])
        {
            // Instants from 1900 to 2100, clustered around the starts of March and November to hit DST changes.
            var s = unchecked(raw * 2_654_435_761L) % (200L * 365 * 86_400);
            var a = s < 0 ? -s : s;
            var instant = (a % 3 == 0)
                ? Instant.FromUtc(2026, 3 + (int)(a % 9), 1, 0, 0) + Duration.FromMinutes(s % (60 * 24 * 40))
                : Instant.FromUtc(1900, 1, 1, 0, 0) + Duration.FromSeconds(a);
            var expected = Period.Between(Epoch, instant.InZone(zone).Date, PeriodUnits.Days).Days;
            var day = clock.Day(instant.ToUnixTimeTicks());
            ok &= day == expected && DayClock.ToDate(day) == instant.InZone(zone).Date
                && clock.Month(day) == DayClock.MonthIndex(instant.InZone(zone).Date);
        }

        return ok.Label(zone.Id);
    }
}
