using NodaTime;

namespace SocialCommerce.Growth;

/// <summary>
/// Counts local days in a zone cheaply: it caches the zone interval (offset) of the last instant it
/// saw, so consecutive instants in the same interval cost an addition and a division.
/// </summary>
/// <remarks>A mutable struct: keep it in a field and call it there, never through a copy.</remarks>
internal struct DayClock
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);
    private readonly DateTimeZone _zone;
    private long _start;
    private long _end;
    private long _offset;
    private long _monthDay;
    private int _month;

    public DayClock(DateTimeZone zone)
    {
        _zone = zone;
        _start = 1;
        _end = 0;
        _monthDay = long.MinValue;
    }

    public readonly DateTimeZone Zone => _zone;

    /// <summary>Gets the local day number (days since 1970-01-01 local) of an instant given in Unix ticks.</summary>
    public long Day(long ticks)
    {
        if (ticks < _start || ticks >= _end)
        {
            Refresh(ticks);
        }

        var local = ticks + _offset;
        var day = local / NodaConstants.TicksPerDay;
        return local % NodaConstants.TicksPerDay < 0 ? day - 1 : day;
    }

    /// <summary>Gets the local month index (year × 12 + month − 1) of a local day number.</summary>
    public int Month(long day)
    {
        if (day != _monthDay)
        {
            var date = ToDate(day);
            _month = MonthIndex(date);
            _monthDay = day;
        }

        return _month;
    }

    public static LocalDate ToDate(long day) => Epoch.PlusDays(checked((int)day));

    public static int MonthIndex(LocalDate date) => (date.Year * 12) + date.Month - 1;

    private void Refresh(long ticks)
    {
        var interval = _zone.GetZoneInterval(Instant.FromUnixTimeTicks(ticks));
        _start = interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue;
        _end = interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue;
        _offset = interval.WallOffset.Ticks;
    }
}
