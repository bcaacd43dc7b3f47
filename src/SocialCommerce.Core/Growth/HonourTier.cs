using System;

namespace SocialCommerce.Growth;

/// <summary>A tier of an honour (bronze, silver, gold, or a host's name) and the statistic value that earns it.</summary>
public sealed record HonourTier
{
    /// <summary>Creates a tier.</summary>
    /// <param name="name">The tier name.</param>
    /// <param name="threshold">The statistic value that earns it (a count, days, years, an amount, points); not negative.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is negative.</exception>
    public HonourTier(string name, decimal threshold)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"An honour tier needs a name; was '{name}'.", nameof(name));
        }

        if (threshold < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"The threshold of tier '{name}' must not be negative; was {threshold}.");
        }

        Name = name;
        Threshold = threshold;
    }

    /// <summary>Gets the tier name.</summary>
    public string Name { get; }

    /// <summary>Gets the statistic value that earns the tier.</summary>
    public decimal Threshold { get; }
}
