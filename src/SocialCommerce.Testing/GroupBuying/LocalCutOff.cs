using System.Globalization;
using NodaTime;

namespace SocialCommerce.Testing;

/// <summary>A generated local cut-off, often on or next to a daylight-saving change of a zone that has them.</summary>
/// <param name="ZoneId">The IANA zone id.</param>
/// <param name="DeliveryDate">The delivery date.</param>
/// <param name="CutOffTime">The local cut-off time.</param>
/// <param name="DaysBefore">How many days before delivery the cut-off falls.</param>
public sealed record LocalCutOff(string ZoneId, LocalDate DeliveryDate, LocalTime CutOffTime, int DaysBefore)
{
    /// <summary>Gets the zone.</summary>
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];

    /// <summary>Formats as <c>Europe/Berlin delivery 2026-03-29, 02:30:00 1 day(s) before</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ZoneId} delivery {DeliveryDate:uuuu-MM-dd}, {CutOffTime:HH:mm:ss} {DaysBefore} day(s) before");
}
