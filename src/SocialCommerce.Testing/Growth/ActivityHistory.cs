using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Testing;

/// <summary>
/// A generated member's growth activity across days, in a time zone: steps that <see cref="Build"/> turns into
/// activities with increasing ids and non-decreasing instants from <see cref="Start"/>, crossing local midnights
/// and, in zones that have them, daylight-saving changes.
/// </summary>
/// <param name="Steps">The steps, in order.</param>
/// <param name="ZoneId">The member's IANA time zone.</param>
public sealed record ActivityHistory(IReadOnlyList<ActivityStep> Steps, string ZoneId)
{
    /// <summary>When generated streams start: 2026-03-05T03:17:00Z (weeks before the 2026 daylight-saving changes).</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 5, 3, 17);

    /// <summary>The member of generated streams: 42.</summary>
    public static readonly MemberId Member = new(42);

    /// <summary>The host-defined activity kind of <see cref="ActivityStepKind.Penalty"/> steps: <c>review.removed</c>.</summary>
    public static readonly GrowthActivityKind PenaltyKind = new("review.removed");

    /// <summary>Gets the member's zone.</summary>
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];

    /// <summary>Gets the instant of the last step.</summary>
    public Instant End => Start + Duration.FromMinutes(Steps.Sum(s => (long)s.GapMinutes));

    /// <summary>Turns the steps into activities: ids 1, 2, ... (a repost reuses an earlier id), amounts in CNY.</summary>
    /// <returns>The activities, in order.</returns>
    public GrowthActivity[] Build()
    {
        var activities = new List<GrowthActivity>(Steps.Count);
        var orders = new List<ActivityId>();
        var at = Start;
        for (var i = 0; i < Steps.Count; i++)
        {
            var s = Steps[i];
            at += Duration.FromMinutes(s.GapMinutes);
            var id = new ActivityId(i + 1);
            var amount = Money.FromMinorUnits(s.AmountMinorUnits, Currency.CNY);
            var referred = new MemberId(1000 + (s.Target % 5));
            switch (s.Kind)
            {
                case ActivityStepKind.Order:
                    orders.Add(id);
                    activities.Add(GrowthActivity.OrderCompleted(id, Member, at, amount));
                    break;
                case ActivityStepKind.Refund:
                    var target = orders.Count == 0 ? new ActivityId(999_999) : orders[s.Target % orders.Count];
                    activities.Add(GrowthActivity.OrderRefunded(id, Member, at, target));
                    break;
                case ActivityStepKind.SignIn:
                    activities.Add(GrowthActivity.SignIn(id, Member, at));
                    break;
                case ActivityStepKind.Task:
                    activities.Add(GrowthActivity.TaskCompleted(id, Member, at, "t" + s.Target.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                case ActivityStepKind.Review:
                    activities.Add(GrowthActivity.ReviewPosted(id, Member, at));
                    break;
                case ActivityStepKind.Course:
                    activities.Add(GrowthActivity.CourseCompleted(id, Member, at, "c" + s.Target.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                case ActivityStepKind.Competition:
                    activities.Add(GrowthActivity.CompetitionPlaced(id, Member, at, s.Rank));
                    break;
                case ActivityStepKind.Penalty:
                    activities.Add(new GrowthActivity(id, Member, at, PenaltyKind));
                    break;
                case ActivityStepKind.Referral:
                    activities.Add(GrowthActivity.ReferredFirstOrder(id, Member, at, referred, s.Rank % 3 == 0 ? Money.Zero(Currency.CNY) : amount));
                    break;
                case ActivityStepKind.Bound:
                    activities.Add(GrowthActivity.MemberReferred(id, Member, at, referred));
                    break;
                default:
                    activities.Add(activities.Count == 0
                        ? GrowthActivity.ReviewPosted(id, Member, at)
                        : GrowthActivity.ReviewPosted(activities[s.Target % activities.Count].Id, Member, at));
                    break;
            }
        }

        return [.. activities];
    }

    /// <summary>Formats as <c>Asia/Shanghai: Order+30m(1999,1,7), SignIn+1440m(...)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{ZoneId}: {string.Join(", ", Steps)}";
}
