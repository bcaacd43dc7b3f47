using System;

namespace SocialCommerce.Growth;

/// <summary>One level of a <see cref="LevelLadder"/>: a name, the growth threshold that reaches it, its benefits and its keep-up requirement.</summary>
public sealed record GrowthLevel
{
    /// <summary>Creates a level.</summary>
    /// <param name="name">The name, e.g. <c>"V3"</c>.</param>
    /// <param name="threshold">The growth balance that reaches the level; not negative.</param>
    /// <param name="benefits">What the level gives; <see cref="LevelBenefits.None"/> when null.</param>
    /// <param name="keepUp">
    /// The growth points a member at this level must earn in each retention period to keep it;
    /// null for none (the level is kept whatever happens).
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> or <paramref name="keepUp"/> is negative.</exception>
    public GrowthLevel(string name, long threshold, LevelBenefits? benefits = null, long? keepUp = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"A level needs a name; was '{name}'.", nameof(name));
        }

        if (threshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"The threshold of level '{name}' must not be negative; was {threshold}.");
        }

        if (keepUp is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(keepUp), keepUp, $"The keep-up requirement of level '{name}' must not be negative; was {keepUp}.");
        }

        Name = name;
        Threshold = threshold;
        Benefits = benefits ?? LevelBenefits.None;
        KeepUp = keepUp;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the growth balance that reaches the level.</summary>
    public long Threshold { get; }

    /// <summary>Gets the benefits.</summary>
    public LevelBenefits Benefits { get; }

    /// <summary>Gets the points to earn per retention period to keep the level, or null for none.</summary>
    /// <value>Null (no keep-up requirement) unless given.</value>
    public long? KeepUp { get; }

    /// <summary>Returns the name.</summary>
    public override string ToString() => Name;
}
