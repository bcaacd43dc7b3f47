using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.Testing;

/// <summary>A generated series of sign-ins: the minutes between them, in a member's time zone.</summary>
/// <param name="GapMinutes">Minutes after the previous sign-in (the first after <see cref="ActivityHistory.Start"/>).</param>
/// <param name="ZoneId">The member's IANA time zone.</param>
public sealed record SignInSeries(IReadOnlyList<int> GapMinutes, string ZoneId)
{
    /// <summary>Gets the member's zone.</summary>
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];

    /// <summary>Gets the sign-ins' instants.</summary>
    /// <returns>The instants, in order.</returns>
    public Instant[] Instants()
    {
        var at = ActivityHistory.Start;
        var result = new Instant[GapMinutes.Count];
        for (var i = 0; i < result.Length; i++)
        {
            at += Duration.FromMinutes(GapMinutes[i]);
            result[i] = at;
        }

        return result;
    }

    /// <summary>Formats as <c>Asia/Shanghai: +1440m +30m ...</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => ZoneId + ": " + string.Join(" ", System.Linq.Enumerable.Select(GapMinutes, g => "+" + g.ToString(CultureInfo.InvariantCulture) + "m"));
}
