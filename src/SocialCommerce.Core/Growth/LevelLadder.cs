using System;
using System.Collections.Generic;

namespace SocialCommerce.Growth;

/// <summary>
/// The ordered levels members climb with growth points, and the retention policy that makes them
/// keep their level up.
/// </summary>
/// <remarks>
/// The first level's threshold is 0 (every member has a level); thresholds strictly increase. A
/// member's level is the highest whose threshold its balance meets. Immutable and thread-safe.
/// </remarks>
public sealed class LevelLadder
{
    private readonly GrowthLevel[] _levels;
    private readonly long[] _thresholds;

    /// <summary>Creates a ladder.</summary>
    /// <param name="levels">The levels, lowest first.</param>
    /// <param name="retention">The retention policy, or null for none (levels are never lost for missing a keep-up).</param>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">
    /// No levels; the first threshold is not 0; thresholds do not strictly increase; two levels share a name.
    /// </exception>
    public LevelLadder(IReadOnlyList<GrowthLevel> levels, RetentionPolicy? retention = null)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count == 0)
        {
            throw new ArgumentException("A ladder needs at least one level.", nameof(levels));
        }

        _levels = new GrowthLevel[levels.Count];
        _thresholds = new long[levels.Count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _levels.Length; i++)
        {
            var level = levels[i] ?? throw new ArgumentNullException(nameof(levels), $"Level {i} is null.");
            if (i == 0 && level.Threshold != 0)
            {
                throw new ArgumentException($"The first level '{level.Name}' must have threshold 0 so that every member has a level; was {level.Threshold}.", nameof(levels));
            }

            if (i > 0 && level.Threshold <= _thresholds[i - 1])
            {
                throw new ArgumentException($"Thresholds must strictly increase: level '{level.Name}' has {level.Threshold}, not above '{_levels[i - 1].Name}' at {_thresholds[i - 1]}.", nameof(levels));
            }

            if (!names.Add(level.Name))
            {
                throw new ArgumentException($"Two levels are named '{level.Name}'.", nameof(levels));
            }

            _levels[i] = level;
            _thresholds[i] = level.Threshold;
        }

        Retention = retention;
        var text = new System.Text.StringBuilder("level-ladder|");
        foreach (var level in _levels)
        {
            text.Append(level.Name.Length).Append(':').Append(level.Name).Append('=').Append(level.Threshold).Append('/').Append(level.KeepUp?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-")
                .Append('/').Append(level.Benefits.Discount.Fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('/').Append(level.Benefits.CommissionRank).Append('/').Append(level.Benefits.Badge).Append(';');
        }

        if (retention is not null)
        {
            text.Append("|retention=").Append(retention.EvaluationPeriod).Append('/').Append(retention.Mode).Append('/').Append(retention.GracePeriod).Append('/').Append(retention.RollingWindowMonths);
        }

        Version = Serialization.ContentVersion.Of(text.ToString());
    }

    /// <summary>Gets the ladder's version: a hash of its levels, thresholds, benefits and retention (<c>"sha256:…"</c>).</summary>
    public string Version { get; }

    /// <summary>Gets the levels, lowest first.</summary>
    public IReadOnlyList<GrowthLevel> Levels => _levels;

    /// <summary>Gets the retention policy, or null for none.</summary>
    public RetentionPolicy? Retention { get; }

    /// <summary>Gets the index (0 = first) of the highest level whose threshold a balance meets.</summary>
    /// <param name="balance">The growth balance (0 or less gives the first level).</param>
    /// <returns>The level index.</returns>
    public int IndexFor(long balance)
    {
        var thresholds = _thresholds;
        var index = 0;
        for (var i = 1; i < thresholds.Length; i++)
        {
            if (balance < thresholds[i])
            {
                break;
            }

            index = i;
        }

        return index;
    }

    /// <summary>Gets the highest level whose threshold a balance meets.</summary>
    /// <param name="balance">The growth balance.</param>
    /// <returns>The level.</returns>
    public GrowthLevel LevelFor(long balance) => _levels[IndexFor(balance)];

    internal long ThresholdAt(int index) => _thresholds[index];

    internal int Count => _levels.Length;
}
