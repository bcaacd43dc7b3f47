using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// Generators and shrinkers for currencies, amounts in whole minor units, and rates.
/// </summary>
/// <remarks>
/// Amounts are generated as whole minor units (fen, cents, yen) because that is what a shop charges;
/// sub-minor amounts only appear inside the engines. Shrinking moves amounts toward zero and rates toward
/// zero in whole basis points, so a counterexample ends at the smallest amount that still fails.
/// </remarks>
public static class MoneyGen
{
    /// <summary>A host-defined currency with three minor digits, to exercise code that assumes two.</summary>
    public static readonly Currency ThreeDigitTestCurrency = new("XTS", 3);

    /// <summary>A currency a host defines itself: <c>XPC</c> with one minor digit (no built-in currency has one).</summary>
    public static readonly Currency OneDigitHostCurrency = new("XPC", 1);

    private static readonly Currency[] TestedCurrencies =
        [Currency.CNY, Currency.USD, Currency.EUR, Currency.JPY, Currency.GBP, ThreeDigitTestCurrency, OneDigitHostCurrency];

    /// <summary>
    /// Gets a generator of currencies with 0 to 3 minor digits: built-in ones (JPY has none), <see cref="ThreeDigitTestCurrency"/>
    /// and the host-defined <see cref="OneDigitHostCurrency"/>.
    /// </summary>
    public static Gen<Currency> Currencies { get; } = Gen.Elements(TestedCurrencies);

    /// <summary>
    /// A generator of non-negative whole-minor-unit amounts up to <paramref name="maxMinorUnits"/> (by default the
    /// largest the SDK accepts, <see cref="Limits.MaxMinorUnits"/>), biased toward the edges: zero, one minor unit, the
    /// maximum and amounts below one major unit appear often.
    /// </summary>
    /// <param name="currency">The currency of the amounts.</param>
    /// <param name="maxMinorUnits">The largest amount in minor units; at least 1.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMinorUnits"/> is below 1.</exception>
    public static Gen<Money> Amounts(Currency currency, long maxMinorUnits = Limits.MaxMinorUnits)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return MinorUnits(maxMinorUnits).Select(units => Money.FromMinorUnits(units, currency));
    }

    /// <summary>
    /// A generator of non-negative minor-unit counts up to <paramref name="maxMinorUnits"/> (by default
    /// <see cref="Limits.MaxMinorUnits"/>), biased toward zero, one, the maximum and small values.
    /// </summary>
    /// <param name="maxMinorUnits">The largest value; at least 1.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMinorUnits"/> is below 1.</exception>
    public static Gen<long> MinorUnits(long maxMinorUnits = Limits.MaxMinorUnits)
    {
        if (maxMinorUnits < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMinorUnits), maxMinorUnits, "The largest amount must be at least one minor unit.");
        }

        return Gen.Frequency(
            (1, Gen.Constant(0L)),
            (1, Gen.Constant(1L)),
            (1, Gen.Constant(maxMinorUnits)),
            (2, ChooseLong(1, Math.Min(99, maxMinorUnits))),
            (5, ChooseLong(1, Math.Min(10_000_000, maxMinorUnits))),
            (2, ChooseLong(1, maxMinorUnits)));
    }

    /// <summary>A generator of money in any currency from <see cref="Currencies"/>, in whole minor units.</summary>
    /// <param name="maxMinorUnits">The largest amount in minor units; at least 1.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMinorUnits"/> is below 1.</exception>
    public static Gen<Money> Amounts(long maxMinorUnits = Limits.MaxMinorUnits)
    {
        var units = MinorUnits(maxMinorUnits);
        return Currencies.SelectMany(currency => units.Select(u => Money.FromMinorUnits(u, currency)));
    }

    /// <summary>
    /// A generator of rates from 0 to <paramref name="maxBasisPoints"/> (10 000 = 100 %) at the SDK's full precision
    /// (see <see cref="PreciseBasisPoints"/>), biased toward zero and the maximum.
    /// </summary>
    /// <param name="maxBasisPoints">The largest rate in basis points, from 0 to 10 000.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBasisPoints"/> is outside 0..10 000.</exception>
    public static Gen<Rate> Rates(int maxBasisPoints = 10_000)
    {
        if (maxBasisPoints is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBasisPoints), maxBasisPoints, "A rate is between 0 and 10 000 basis points (100 %).");
        }

        return PreciseBasisPoints(maxBasisPoints).Select(bp => Rate.BasisPoints(bp));
    }

    /// <summary>
    /// A generator of basis points from 0 to <paramref name="maxBasisPoints"/> at the SDK's full precision: whole basis
    /// points most of the time, and up to 6 decimals (a rate fraction of 10 decimals, <see cref="Limits.MaxRateDecimals"/>)
    /// otherwise, such as 333.3333 (3.333333 %) or 0.000001; biased toward zero and the maximum.
    /// </summary>
    /// <param name="maxBasisPoints">The largest value, from 0 to 10 000.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBasisPoints"/> is outside 0..10 000.</exception>
    public static Gen<decimal> PreciseBasisPoints(int maxBasisPoints = 10_000)
    {
        if (maxBasisPoints is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBasisPoints), maxBasisPoints, "A rate is between 0 and 10 000 basis points (100 %).");
        }

        var millionths = (long)maxBasisPoints * 1_000_000;
        return Gen.Frequency(
            (1, Gen.Constant(0m)),
            (1, Gen.Constant((decimal)maxBasisPoints)),
            (5, Gen.Choose(0, maxBasisPoints).Select(bp => (decimal)bp)),
            (2, ChooseLong(0, millionths).Select(m => m / 1_000_000m)),
            (1, from decimals in Gen.Choose(1, 5)
                from m in ChooseLong(0, millionths)
                select Math.Round(m / 1_000_000m, decimals, MidpointRounding.ToZero)));
    }

    /// <summary>Shrinks basis points toward zero: the whole part first, then smaller whole values.</summary>
    /// <param name="basisPoints">The value to shrink.</param>
    /// <returns>Smaller candidates.</returns>
    public static IEnumerable<decimal> ShrinkBasisPoints(decimal basisPoints)
    {
        var whole = decimal.Truncate(basisPoints);
        if (whole != basisPoints)
        {
            yield return whole;
        }

        foreach (var smaller in ShrinkTowardZero((long)whole))
        {
            yield return smaller;
        }
    }

    /// <summary>Shrinks an amount toward zero in whole minor units, keeping its currency.</summary>
    /// <param name="value">The amount to shrink.</param>
    /// <returns>Smaller candidates, the smallest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> has no currency.</exception>
    public static IEnumerable<Money> Shrink(Money value)
    {
        ArgumentNullException.ThrowIfNull(value.Currency);
        var units = value.Amount / value.Currency.MinorUnitSize;
        if (units != decimal.Truncate(units) || units > long.MaxValue || units < long.MinValue)
        {
            yield break;
        }

        foreach (var smaller in ShrinkTowardZero((long)units))
        {
            yield return Money.FromMinorUnits(smaller, value.Currency);
        }
    }

    /// <summary>Shrinks a rate toward zero in whole basis points.</summary>
    /// <param name="value">The rate to shrink.</param>
    /// <returns>Smaller candidates, the smallest first.</returns>
    public static IEnumerable<Rate> Shrink(Rate value) => ShrinkBasisPoints(value.Fraction * 10_000m).Select(bp => Rate.BasisPoints(bp));

    /// <summary>A uniform-enough choice between two 64-bit bounds (FsCheck's <c>Choose</c> is 32-bit).</summary>
    /// <param name="low">The smallest value.</param>
    /// <param name="high">The largest value; at least <paramref name="low"/>.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public static Gen<long> ChooseLong(long low, long high)
    {
        if (high < low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"The upper bound must be at least the lower bound {low}.");
        }

        if (high - low <= int.MaxValue)
        {
            return Gen.Choose(0, (int)(high - low)).Select(offset => low + offset);
        }

        var span = (ulong)(high - low) + 1UL;
        return Gen.Choose(0, int.MaxValue).SelectMany(
            upper => Gen.Choose(0, int.MaxValue).Select(lower => low + (long)((((ulong)upper << 31) | (uint)lower) % span)));
    }

    /// <summary>Candidates between zero and <paramref name="value"/>: zero, then halving the distance.</summary>
    /// <param name="value">The value to shrink.</param>
    /// <returns>Candidates closer to zero, the closest to zero first.</returns>
    public static IEnumerable<long> ShrinkTowardZero(long value)
    {
        if (value == 0)
        {
            yield break;
        }

        yield return 0;
        var distance = value / 2;
        while (distance != 0)
        {
            yield return value - distance;
            distance /= 2;
        }
    }
}
