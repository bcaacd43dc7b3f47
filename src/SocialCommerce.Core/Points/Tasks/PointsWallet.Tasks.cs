using System;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.Points;

/// <summary>Sign-ins and tasks: earnings decided on the wallet's own lots, which are the facts their caps and streaks count.</summary>
public sealed partial class PointsWallet
{
    /// <summary>
    /// Signs in for the local day of <paramref name="at"/>: earns the rule's points, plus its bonus when the day completes
    /// a streak of <see cref="SignInRule.StreakDays"/> (counting the consecutive signed-in days before it). A second sign-in
    /// on a day is a duplicate.
    /// </summary>
    /// <param name="rule">The sign-in rule.</param>
    /// <param name="at">When (a supported instant).</param>
    /// <returns>Applied (the lot <see cref="SignInRule.LotId"/> of the day); a duplicate; or refused as <see cref="Earn"/> refuses.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range.</exception>
    public PointsResult SignIn(SignInRule rule, Instant at)
    {
        ArgumentNullException.ThrowIfNull(rule);
        CheckInstant(at);
        var day = at.InZone(rule.DayZone).Date;
        var lotId = SignInRule.LotId(day);
        if (_lotIndex.ContainsKey(lotId))
        {
            return Duplicate(() => string.Create(CultureInfo.InvariantCulture, $"The member signed in on {day:uuuu-MM-dd} before."));
        }

        var points = rule.Points;
        if (rule.StreakDays > 0)
        {
            var streak = 1;
            while (_lotIndex.ContainsKey(SignInRule.LotId(day.PlusDays(-streak))))
            {
                streak++;
            }

            points += streak % rule.StreakDays == 0 ? rule.StreakBonus : 0;
        }

        return Earn(new PointsEarning(lotId, PointsSource.SignIn, points, at, rule.Expiry));
    }

    /// <summary>
    /// A completion of a task: earns the rule's points within its daily and total caps (counted on the task's lots in the
    /// wallet). A resend of the completion is a duplicate before any cap.
    /// </summary>
    /// <param name="rule">The task's rule.</param>
    /// <param name="completionId">The completion (a valid SDK id): the command's identity.</param>
    /// <param name="at">When (a supported instant).</param>
    /// <returns>Applied (the lot <see cref="PointsTaskRule.LotId"/>); a duplicate; or refused (<see cref="PointsRefusal.CapReached"/> naming the cap).</returns>
    /// <exception cref="ArgumentException">The completion id is invalid or too long, or the instant out of range.</exception>
    public PointsResult CompleteTask(PointsTaskRule rule, string completionId, Instant at)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var lotId = rule.LotId(completionId);
        CheckInstant(at);
        if (_lotIndex.ContainsKey(lotId))
        {
            return Duplicate(() => $"Task '{rule.Name}' completion '{completionId}' earned before.");
        }

        if (rule.DailyCap is not null || rule.TotalCap is not null)
        {
            var day = at.InZone(rule.DayZone).Date;
            int total = 0, sameDay = 0;
            var prefix = rule.LotPrefix;
            foreach (var lot in _lots)
            {
                var earning = lot.Earning;
                if (earning.Source == PointsSource.Task && earning.LotId.StartsWith(prefix, StringComparison.Ordinal))
                {
                    total++;
                    sameDay += earning.EarnedAt.InZone(rule.DayZone).Date == day ? 1 : 0;
                }
            }

            if (rule.TotalCap is { } cap && total >= cap)
            {
                return Refused(PointsRefusal.CapReached, () => string.Create(CultureInfo.InvariantCulture, $"Task '{rule.Name}' earned {total} times, its total cap of {cap}; completion '{completionId}' earns nothing."));
            }

            if (rule.DailyCap is { } daily && sameDay >= daily)
            {
                return Refused(PointsRefusal.CapReached, () => string.Create(CultureInfo.InvariantCulture, $"Task '{rule.Name}' earned {sameDay} times on {day:uuuu-MM-dd}, its daily cap of {daily}; completion '{completionId}' earns nothing."));
            }
        }

        return Earn(new PointsEarning(lotId, PointsSource.Task, rule.Points, at, rule.Expiry));
    }

    private static void CheckInstant(Instant at)
    {
        if (!Limits.IsSupported(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"The instant should be within [{Limits.MinInstant}, {Limits.MaxInstant}).");
        }
    }
}
