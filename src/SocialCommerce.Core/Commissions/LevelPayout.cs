using System;
using System.Globalization;

namespace SocialCommerce.Commissions;

/// <summary>
/// What one upline level earns under a <see cref="CommissionOverride"/>: a rate of the line's base, or a fixed amount per unit.
/// </summary>
/// <remarks>Exactly one of <see cref="Rate"/> and <see cref="FixedPerUnit"/> is set.</remarks>
public readonly record struct LevelPayout
{
    private LevelPayout(int level, Rate? rate, Money? fixedPerUnit)
    {
        Level = level;
        Rate = rate;
        FixedPerUnit = fixedPerUnit;
    }

    /// <summary>Gets the upline level (1 is the buyer's direct referrer).</summary>
    public int Level { get; }

    /// <summary>Gets the rate of the line's commissionable base, or <see langword="null"/> for a fixed amount.</summary>
    public Rate? Rate { get; }

    /// <summary>Gets the fixed amount per unit sold, or <see langword="null"/> for a rate.</summary>
    public Money? FixedPerUnit { get; }

    /// <summary>Creates a payout of a rate of the base.</summary>
    /// <param name="level">The upline level, at least 1.</param>
    /// <param name="rate">The rate.</param>
    /// <returns>The payout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is below 1.</exception>
    public static LevelPayout OfRate(int level, Rate rate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        return new LevelPayout(level, rate, null);
    }

    /// <summary>Creates a payout of a fixed amount per unit sold.</summary>
    /// <param name="level">The upline level, at least 1.</param>
    /// <param name="amountPerUnit">The amount per unit.</param>
    /// <returns>The payout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is below 1.</exception>
    public static LevelPayout OfFixedPerUnit(int level, Money amountPerUnit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        return new LevelPayout(level, null, amountPerUnit);
    }

    /// <summary>Formats as <c>"L1: 10 %"</c> or <c>"L1: 5.00 CNY/unit"</c>.</summary>
    public override string ToString() => Rate is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"L{Level}: {r}")
        : string.Create(CultureInfo.InvariantCulture, $"L{Level}: {FixedPerUnit}/unit");
}
