using System;
using NodaTime;

namespace SocialCommerce.Growth;

/// <summary>
/// Retention (保级): at the end of each calendar period a member who did not earn its level's
/// <see cref="GrowthLevel.KeepUp"/> within the period is demoted.
/// </summary>
/// <remarks>
/// <para>
/// Periods are calendar periods in the member's zone (else the program's), evaluated at the local
/// start of the next period: the quarter January–March is evaluated at 1 April 00:00 local time.
/// The points earned in a period are the net points posted in it (earnings minus reversals).
/// </para>
/// <para>
/// A member promoted less than <see cref="GracePeriod"/> before a period end (in local dates) is
/// not evaluated at that period end. A demotion resets the balance to the new level's threshold
/// and reports the forfeited points, so the level always matches the balance.
/// </para>
/// </remarks>
public sealed record RetentionPolicy
{
    /// <summary>Creates a retention policy.</summary>
    /// <param name="period">The evaluation period.</param>
    /// <param name="mode">Where a member drops to.</param>
    /// <param name="gracePeriod">The grace period after a promotion; <see cref="NodaTime.Period.Zero"/> when null.</param>
    /// <param name="rollingWindowMonths">For <see cref="DemotionMode.ToRollingWindowLevel"/>: the months (ending at the period end) whose growth decides the level.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rollingWindowMonths"/> is outside [1, 120], or a value is undefined.</exception>
    /// <exception cref="ArgumentException"><paramref name="gracePeriod"/> has time units or negative parts.</exception>
    public RetentionPolicy(RetentionPeriod period, DemotionMode mode = DemotionMode.OneLevel, NodaTime.Period? gracePeriod = null, int rollingWindowMonths = 12)
    {
        if (!Enum.IsDefined(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"Retention period {period} is not defined.");
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Demotion mode {mode} is not defined.");
        }

        if (rollingWindowMonths is < 1 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(rollingWindowMonths), rollingWindowMonths, $"The rolling window should be in range [1-120] months; was {rollingWindowMonths}.");
        }

        var grace = gracePeriod ?? NodaTime.Period.Zero;
        if (grace.HasTimeComponent || grace.Years < 0 || grace.Months < 0 || grace.Weeks < 0 || grace.Days < 0)
        {
            throw new ArgumentException($"The grace period must be a non-negative date period (years, months, weeks, days); was {grace}.", nameof(gracePeriod));
        }

        EvaluationPeriod = period;
        Mode = mode;
        GracePeriod = grace;
        RollingWindowMonths = rollingWindowMonths;
    }

    /// <summary>Gets the evaluation period.</summary>
    public RetentionPeriod EvaluationPeriod { get; }

    /// <summary>Gets where a member drops to.</summary>
    /// <value><see cref="DemotionMode.OneLevel"/> unless given.</value>
    public DemotionMode Mode { get; }

    /// <summary>Gets the grace period after a promotion.</summary>
    /// <value><see cref="NodaTime.Period.Zero"/> unless given.</value>
    public NodaTime.Period GracePeriod { get; }

    /// <summary>Gets the rolling window in months (for <see cref="DemotionMode.ToRollingWindowLevel"/>).</summary>
    /// <value>12 unless given.</value>
    public int RollingWindowMonths { get; }

    internal int Months => EvaluationPeriod switch
    {
        RetentionPeriod.Monthly => 1,
        RetentionPeriod.Quarterly => 3,
        _ => 12,
    };
}
