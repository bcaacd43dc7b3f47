using System;
using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.Growth;

/// <summary>
/// A rule-based honour (荣誉): a badge over a member statistic, with tiers and an optional expiry.
/// </summary>
/// <remarks>
/// <para>
/// Every tier whose threshold the statistic meets and that the member does not hold yet is
/// awarded (awarding is idempotent: a tier is awarded at most once per member): at the instant of
/// the activity that raised the statistic, and at the end of each <see cref="GrowthProgram.Evaluate"/>
/// at its <c>asOf</c> instant (tenure is awarded there).
/// </para>
/// <para>
/// With <see cref="ValidFor"/>, an honour expires that long after it was awarded (on the local
/// calendar); it is then reported as <see cref="HonourStatus.Expired"/> and kept on the record.
/// </para>
/// </remarks>
public sealed record HonourRule
{
    private readonly HonourTier[] _tiers;

    /// <summary>Creates a rule.</summary>
    /// <param name="name">The honour's name, unique in a program.</param>
    /// <param name="term">The horizon it recognises.</param>
    /// <param name="measure">The statistic it measures.</param>
    /// <param name="tiers">The tiers, at least one, thresholds strictly increasing.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, there are no tiers, or thresholds do not increase.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="term"/> or <paramref name="measure"/> is undefined.</exception>
    public HonourRule(string name, HonourTerm term, HonourMeasure measure, IReadOnlyList<HonourTier> tiers)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"An honour needs a name; was '{name}'.", nameof(name));
        }

        if (!Enum.IsDefined(term))
        {
            throw new ArgumentOutOfRangeException(nameof(term), term, $"Honour term {term} is not defined.");
        }

        if (!Enum.IsDefined(measure))
        {
            throw new ArgumentOutOfRangeException(nameof(measure), measure, $"Honour measure {measure} is not defined.");
        }

        ArgumentNullException.ThrowIfNull(tiers);
        if (tiers.Count == 0)
        {
            throw new ArgumentException($"Honour '{name}' needs at least one tier.", nameof(tiers));
        }

        _tiers = new HonourTier[tiers.Count];
        for (var i = 0; i < _tiers.Length; i++)
        {
            _tiers[i] = tiers[i] ?? throw new ArgumentNullException(nameof(tiers), $"Tier {i} of honour '{name}' is null.");
            if (i > 0 && _tiers[i].Threshold <= _tiers[i - 1].Threshold)
            {
                throw new ArgumentException($"Tier thresholds of honour '{name}' must strictly increase: '{_tiers[i].Name}' has {_tiers[i].Threshold}.", nameof(tiers));
            }
        }

        Name = name;
        Term = term;
        Measure = measure;
    }

    /// <summary>Gets the honour's name.</summary>
    public string Name { get; }

    /// <summary>Gets the horizon it recognises.</summary>
    public HonourTerm Term { get; }

    /// <summary>Gets the statistic it measures.</summary>
    public HonourMeasure Measure { get; }

    /// <summary>Gets the tiers, lowest first.</summary>
    public IReadOnlyList<HonourTier> Tiers => _tiers;

    /// <summary>Gets or initialises the activity kind counted by <see cref="HonourMeasure.ActivityCount"/>.</summary>
    /// <value>Null unless given; required for <see cref="HonourMeasure.ActivityCount"/>.</value>
    public GrowthActivityKind? Kind { get; init; }

    /// <summary>Gets or initialises the start of the campaign window (inclusive) for <see cref="HonourMeasure.ActivityCount"/>.</summary>
    /// <value>Null (no start) unless given.</value>
    public Instant? From { get; init; }

    /// <summary>Gets or initialises the end of the campaign window (exclusive) for <see cref="HonourMeasure.ActivityCount"/>.</summary>
    /// <value>Null (no end) unless given.</value>
    public Instant? Until { get; init; }

    /// <summary>Gets or initialises the worst rank counted (e.g. 3 counts podium placings only); for competition placings.</summary>
    /// <value>Null (every rank) unless given.</value>
    public int? MaxRank { get; init; }

    /// <summary>Gets or initialises how long an awarded tier stays active; null for ever.</summary>
    /// <value>Null (never expires) unless given.</value>
    public Period? ValidFor { get; init; }
}
