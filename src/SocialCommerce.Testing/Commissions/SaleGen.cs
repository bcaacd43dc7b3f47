using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// Generators and the shrinker for sales with 1..n lines over products <c>p0..pN</c> and categories <c>c0..cN</c>
/// (or the host's own category names).
/// </summary>
public static class SaleGen
{
    private static readonly string[] DefaultCategories = ["c0", "c1", "c2", "c3"];

    /// <summary>The largest paid amount of a generated line: 64 such lines (with their shipping) stay within the supported total.</summary>
    private const long LargestLine = (Limits.MaxMinorUnits / 64) - 1_500;

    /// <summary>
    /// A generator of sale lines: products <c>p0..p3</c>, the given categories, 1 to 5 units (sometimes up to
    /// <see cref="Limits.MaxQuantity"/>), paid amounts biased to the edges (zero, below one major unit, up to 500 major
    /// units, and sometimes up to 1/64 of <see cref="Limits.MaxMinorUnits"/>, so that sales of up to 64 lines stay
    /// within the supported total) and occasional shipping.
    /// </summary>
    /// <param name="categories">The categories to draw from; <c>c0..c3</c> when null.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException"><paramref name="categories"/> is empty.</exception>
    public static Gen<SaleLineSample> Lines(IReadOnlyList<string>? categories = null)
    {
        var names = CategoriesOrDefault(categories);
        return from product in Gen.Choose(0, 3)
               from category in Gen.Elements(names)
               from quantity in Gen.Frequency((12, Gen.Choose(1, 5)), (1, Gen.Choose(1, Limits.MaxQuantity)), (1, Gen.Constant(Limits.MaxQuantity)))
               from paid in Gen.Frequency((1, Gen.Constant(0L)), (6, MoneyGen.ChooseLong(1, 50_000)), (1, MoneyGen.ChooseLong(1, 99)), (1, MoneyGen.ChooseLong(1, LargestLine)))
               from ship in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 1_500)))
               select new SaleLineSample("p" + product.ToString(CultureInfo.InvariantCulture), category, quantity, paid, ship);
    }

    /// <summary>A generator of sales in <paramref name="currency"/> with 1 to <paramref name="maxLines"/> lines.</summary>
    /// <param name="currency">The currency.</param>
    /// <param name="maxLines">The most lines, at least 1.</param>
    /// <param name="categories">The categories to draw from; <c>c0..c3</c> when null.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLines"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="categories"/> is empty.</exception>
    public static Gen<SaleSample> Sales(Currency currency, int maxLines = 4, IReadOnlyList<string>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var lines = Lines(categories);
        return Gen.Choose(1, maxLines).SelectMany(n => lines.ArrayOf(n)).Select(l => new SaleSample(currency, l));
    }

    /// <summary>
    /// Shrinks a sale: fewer lines first (each line alone, then each line dropped), then each line simpler
    /// (one unit, amounts toward zero, no shipping). Every candidate keeps at least one line and the currency.
    /// </summary>
    /// <param name="sale">The sale to shrink.</param>
    /// <returns>Smaller candidates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sale"/> is null.</exception>
    public static IEnumerable<SaleSample> Shrink(SaleSample sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return ShrinkIterator(sale);
    }

    /// <summary>Shrinks one line: one unit, no shipping, the paid amount toward zero.</summary>
    /// <param name="line">The line.</param>
    /// <returns>Simpler candidates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is null.</exception>
    public static IEnumerable<SaleLineSample> Shrink(SaleLineSample line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return ShrinkLine(line);
    }

    private static IEnumerable<SaleSample> ShrinkIterator(SaleSample sale)
    {
        var lines = sale.Lines;
        if (lines.Count > 1)
        {
            foreach (var line in lines)
            {
                yield return sale.WithLines([line]);
            }

            for (var i = 0; i < lines.Count; i++)
            {
                yield return sale.WithLines(lines.Where((_, j) => j != i).ToArray());
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var smaller in ShrinkLine(lines[i]))
            {
                var copy = lines.ToArray();
                copy[i] = smaller;
                yield return sale.WithLines(copy);
            }
        }
    }

    private static IEnumerable<SaleLineSample> ShrinkLine(SaleLineSample line)
    {
        if (line.Quantity > 1)
        {
            yield return line with { Quantity = 1 };
        }

        if (line.ShippingMinorUnits > 0)
        {
            yield return line with { ShippingMinorUnits = 0 };
        }

        foreach (var paid in MoneyGen.ShrinkTowardZero(line.PaidMinorUnits))
        {
            yield return line with { PaidMinorUnits = paid };
        }
    }

    private static string[] CategoriesOrDefault(IReadOnlyList<string>? categories)
    {
        if (categories is null)
        {
            return DefaultCategories;
        }

        if (categories.Count == 0)
        {
            throw new ArgumentException("Give at least one category, or null for c0..c3.", nameof(categories));
        }

        return [.. categories];
    }
}
