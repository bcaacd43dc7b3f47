using System;
using System.Globalization;

namespace SocialCommerce;

/// <summary>
/// A fraction in [0, 1] (0 % to 100 %), such as a commission rate or a payout ratio.
/// </summary>
/// <remarks>
/// Build it from percent (<c>Rate.Percent(12.5m)</c>), basis points (<c>Rate.BasisPoints(1250)</c>)
/// or a fraction (<c>Rate.FromFraction(0.125m)</c>). Applying a rate to <see cref="Money"/> is exact:
/// the result is not rounded. Anything outside [0, 100 %] is refused, and so is a fraction with more than
/// <see cref="Limits.MaxRateDecimals"/> decimals (a percent with more than 8, basis points with more than 6): within
/// that precision, a rate times any supported amount is an exact decimal, so a payout is never a minor unit off.
/// </remarks>
public readonly struct Rate : IEquatable<Rate>, IComparable<Rate>
{
    private Rate(decimal fraction) => Fraction = fraction;

    /// <summary>Gets 0 %.</summary>
    public static Rate Zero => default;

    /// <summary>Gets 100 %.</summary>
    public static Rate Full => new(1m);

    /// <summary>Gets the rate as a fraction in [0, 1] (12.5 % is 0.125).</summary>
    public decimal Fraction { get; }

    /// <summary>Gets the rate in percent (12.5 % is 12.5).</summary>
    public decimal AsPercent => Fraction * 100m;

    /// <summary>Gets a value indicating whether the rate is 0 %.</summary>
    public bool IsZero => Fraction == 0m;

    /// <summary>Creates a rate from percent.</summary>
    /// <param name="percent">A value in [0, 100].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside [0, 100] or has more than 8 decimals.</exception>
    public static Rate Percent(decimal percent)
    {
        if (percent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, $"Rate should be in range [0-100] percent; was {percent.ToString(CultureInfo.InvariantCulture)} %.");
        }

        return new Rate(Precise(percent, 2, 100m, nameof(percent), "%"));
    }

    /// <summary>Creates a rate from basis points (1 bp = 0.01 %).</summary>
    /// <param name="basisPoints">A value in [0, 10000].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basisPoints"/> is outside [0, 10000] or has more than 6 decimals.</exception>
    public static Rate BasisPoints(decimal basisPoints)
    {
        if (basisPoints is < 0m or > 10000m)
        {
            throw new ArgumentOutOfRangeException(nameof(basisPoints), basisPoints, $"Rate should be in range [0-10000] basis points; was {basisPoints.ToString(CultureInfo.InvariantCulture)} bp.");
        }

        return new Rate(Precise(basisPoints, 4, 10000m, nameof(basisPoints), "bp"));
    }

    /// <summary>Creates a rate from a fraction.</summary>
    /// <param name="fraction">A value in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is outside [0, 1] or has more than 10 decimals.</exception>
    public static Rate FromFraction(decimal fraction)
    {
        if (fraction is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"Rate should be in range [0-1] as a fraction; was {fraction.ToString(CultureInfo.InvariantCulture)}.");
        }

        return new Rate(Precise(fraction, 0, 1m, nameof(fraction), "as a fraction"));
    }

    /// <summary>Returns whether a fraction has at most <see cref="Limits.MaxRateDecimals"/> decimals (trailing zeros do not count).</summary>
    /// <param name="fraction">The fraction.</param>
    /// <returns><see langword="true"/> when a rate of that precision is accepted.</returns>
    public static bool IsSupportedPrecision(decimal fraction) => Math.Round(fraction, Limits.MaxRateDecimals, MidpointRounding.ToZero) == fraction;

    /// <summary>Creates a rate from a computed fraction in [0, 1], truncated toward zero to the supported precision (reports, shares).</summary>
    internal static Rate Truncated(decimal fraction) => new(Math.Round(fraction, Limits.MaxRateDecimals, MidpointRounding.ToZero));

    /// <summary>
    /// Checks the precision of the value as given (a percent has two decimals fewer than its fraction, basis points four),
    /// before dividing: a value below the supported precision is refused, never divided into a decimal that rounds to 0.
    /// </summary>
    private static decimal Precise(decimal given, int shift, decimal divisor, string paramName, string unit)
    {
        if (Math.Round(given, Limits.MaxRateDecimals - shift, MidpointRounding.ToZero) != given)
        {
            throw new ArgumentOutOfRangeException(paramName, given, string.Create(CultureInfo.InvariantCulture, $"Rate should have at most {Limits.MaxRateDecimals} decimals as a fraction; was {given} {unit}."));
        }

        return given / divisor;
    }

    /// <summary>Applies the rate to an amount exactly (no rounding).</summary>
    /// <param name="amount">The base amount.</param>
    /// <returns><c>amount × rate</c>, in the amount's currency.</returns>
    public Money ApplyTo(Money amount) => amount * Fraction;

    /// <summary>Adds two rates.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The sum exceeds 100 %.</exception>
    public static Rate operator +(Rate left, Rate right) => FromFraction(left.Fraction + right.Fraction);

    /// <summary>Subtracts two rates, never below zero (rank differential: a higher rank earns the difference).</summary>
    public static Rate operator -(Rate left, Rate right) => left.Fraction <= right.Fraction ? Zero : new Rate(left.Fraction - right.Fraction);

    /// <summary>Compares two rates.</summary>
    public static bool operator <(Rate left, Rate right) => left.Fraction < right.Fraction;

    /// <summary>Compares two rates.</summary>
    public static bool operator >(Rate left, Rate right) => left.Fraction > right.Fraction;

    /// <summary>Compares two rates.</summary>
    public static bool operator <=(Rate left, Rate right) => left.Fraction <= right.Fraction;

    /// <summary>Compares two rates.</summary>
    public static bool operator >=(Rate left, Rate right) => left.Fraction >= right.Fraction;

    /// <summary>Equality of the fractions.</summary>
    public static bool operator ==(Rate left, Rate right) => left.Equals(right);

    /// <summary>Inequality of the fractions.</summary>
    public static bool operator !=(Rate left, Rate right) => !left.Equals(right);

    /// <inheritdoc />
    public int CompareTo(Rate other) => Fraction.CompareTo(other.Fraction);

    /// <inheritdoc />
    public bool Equals(Rate other) => Fraction == other.Fraction;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Fraction.GetHashCode();

    /// <summary>Formats as percent, e.g. <c>"12.5 %"</c>, using the invariant culture.</summary>
    public override string ToString() => (Fraction * 100m).ToString("0.############", CultureInfo.InvariantCulture) + " %";
}
