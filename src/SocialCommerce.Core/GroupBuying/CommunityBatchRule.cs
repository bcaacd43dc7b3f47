using System;
using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// The rule of a community group-buying (社区团购) pickup point: where its clock is, when orders for
/// a delivery day stop, and the leader's commission on confirmed sales.
/// </summary>
/// <remarks>
/// <para>
/// The cut-off is a local time in <see cref="Zone"/> on the day <see cref="CutOffDaysBeforeDelivery"/>
/// days before delivery (by default 23:00 the day before). It is resolved to an <see cref="Instant"/>
/// without ever failing across daylight-saving changes: a local time skipped by a gap resolves to the
/// first instant after the gap (the clocks' new reading, e.g. 03:00 when 02:00–03:00 is skipped), and a
/// local time that occurs twice resolves to the earlier occurrence (orders stop at the first one).
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class CommunityBatchRule
{
    private static readonly ZoneLocalMappingResolver CutOffResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>Creates a rule.</summary>
    /// <param name="zone">The pickup point's time zone, e.g. <c>DateTimeZoneProviders.Tzdb["Asia/Shanghai"]</c>.</param>
    /// <param name="cutOffTime">The local time at which orders stop, e.g. 23:00.</param>
    /// <param name="cutOffDaysBeforeDelivery">How many days before the delivery day the cut-off falls; 0 to 30.</param>
    /// <param name="leaderCommission">The leader's single-level commission rate on confirmed sales.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cutOffDaysBeforeDelivery"/> is outside [0, 30].</exception>
    public CommunityBatchRule(DateTimeZone zone, LocalTime cutOffTime, int cutOffDaysBeforeDelivery, Rate leaderCommission)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (cutOffDaysBeforeDelivery is < 0 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(cutOffDaysBeforeDelivery), cutOffDaysBeforeDelivery, $"Cut-off days before delivery should be in range [0-30]; was {cutOffDaysBeforeDelivery}.");
        }

        Zone = zone;
        CutOffTime = cutOffTime;
        CutOffDaysBeforeDelivery = cutOffDaysBeforeDelivery;
        LeaderCommission = leaderCommission;
        Version = Serialization.ContentVersion.Of(string.Create(CultureInfo.InvariantCulture, $"community-batch-rule|{zone.Id}|{cutOffTime:HH:mm:ss.fffffff}|{cutOffDaysBeforeDelivery}|{leaderCommission.Fraction}"));
    }

    /// <summary>Gets the rule's version: a hash of its zone, cut-off and leader commission (<c>"sha256:…"</c>).</summary>
    public string Version { get; }

    /// <summary>Gets the pickup point's time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the local time at which orders stop.</summary>
    public LocalTime CutOffTime { get; }

    /// <summary>Gets how many days before the delivery day the cut-off falls (1: the day before).</summary>
    public int CutOffDaysBeforeDelivery { get; }

    /// <summary>Gets the leader's commission rate on confirmed sales.</summary>
    public Rate LeaderCommission { get; }

    /// <summary>Returns the local date and time of the cut-off for a delivery day.</summary>
    /// <param name="deliveryDate">The delivery day.</param>
    /// <returns>The cut-off's local date and time in <see cref="Zone"/>.</returns>
    public LocalDateTime CutOffLocal(LocalDate deliveryDate) => deliveryDate.PlusDays(-CutOffDaysBeforeDelivery) + CutOffTime;

    /// <summary>Returns the exclusive cut-off instant for a delivery day (daylight-saving safe, see remarks).</summary>
    /// <param name="deliveryDate">The delivery day.</param>
    /// <returns>The first instant at which orders are refused.</returns>
    public Instant ResolveCutOff(LocalDate deliveryDate) => Resolve(CutOffLocal(deliveryDate), Zone);

    /// <summary>Describes the rule.</summary>
    /// <returns>E.g. <c>"cut-off 23:00 Asia/Shanghai, 1 day(s) before delivery, leader 10 %"</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"cut-off {CutOffTime:HH:mm} {Zone.Id}, {CutOffDaysBeforeDelivery} day(s) before delivery, leader {LeaderCommission}");

    /// <summary>Resolves a local cut-off: a skipped time to the first instant after the gap, an ambiguous time to the earlier instant.</summary>
    internal static Instant Resolve(LocalDateTime local, DateTimeZone zone) => zone.ResolveLocal(local, CutOffResolver).ToInstant();
}
