using System;

namespace SocialCommerce.Growth;

/// <summary>
/// A source of growth points: an activity kind, the rule that scores it, and an optional daily cap.
/// </summary>
/// <remarks>
/// The daily cap limits the positive points one member earns from this source per local day (the
/// member's time zone, else the program's). A refund does not free cap room: the cap counts what
/// was earned, so refunding and re-ordering cannot earn past it.
/// </remarks>
public sealed record GrowthSource
{
    /// <summary>Creates a source.</summary>
    /// <param name="kind">The activity kind it scores.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="dailyCap">The most positive points per member per local day; null for no cap.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dailyCap"/> is negative.</exception>
    public GrowthSource(GrowthActivityKind kind, IGrowthRule rule, long? dailyCap = null)
    {
        if (kind.IsDefault)
        {
            throw new ArgumentException("A growth source needs an activity kind.", nameof(kind));
        }

        ArgumentNullException.ThrowIfNull(rule);
        if (GrowthRules.NeedsAmount(rule) && !kind.MayCarryAmount)
        {
            throw new ArgumentException($"Source '{kind}' never carries an amount, so the per-currency-unit rule would fail on every activity; give it points per activity.", nameof(rule));
        }

        if (dailyCap is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dailyCap), dailyCap, $"The daily cap of source '{kind}' must not be negative; was {dailyCap}.");
        }

        Kind = kind;
        Rule = rule;
        DailyCap = dailyCap;
    }

    /// <summary>Gets the activity kind this source scores.</summary>
    public GrowthActivityKind Kind { get; }

    /// <summary>Gets the rule.</summary>
    public IGrowthRule Rule { get; }

    /// <summary>Gets the most positive points per member per local day, or null for no cap.</summary>
    /// <value>Null (no cap) unless given.</value>
    public long? DailyCap { get; }
}
