using System;
using System.Globalization;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.Data;

/// <summary>
/// Deterministic sales over a small catalogue: 1 to 5 lines each, buyers drawn uniformly from a
/// network's members, amounts in whole fen (CNY). Same (network, count, seed), same sales.
/// </summary>
internal static class SalesGenerator
{
    /// <summary>The categories, with the share of the catalogue and the unit price range in yuan.</summary>
    private static readonly (string Name, double Share, int MinPrice, int MaxPrice)[] Categories =
    [
        ("grocery", 0.35, 1, 80),
        ("apparel", 0.20, 20, 600),
        ("beauty", 0.15, 15, 900),
        ("home", 0.10, 10, 1500),
        ("electronics", 0.20, 50, 8000),
    ];

    private const int CatalogueSize = 500;

    /// <summary>Generates sales.</summary>
    /// <param name="buyers">The members buyers are drawn from (e.g. <see cref="NetworkBlueprint.Members"/>).</param>
    /// <param name="count">How many sales.</param>
    /// <param name="seed">The random seed.</param>
    public static Sale[] Generate(ReadOnlySpan<MemberId> buyers, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buyers.Length, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var catalogue = BuildCatalogue(random);
        var sales = new Sale[count];
        for (var s = 0; s < count; s++)
        {
            var buyer = buyers[random.Next(buyers.Length)];
            var lines = new SaleLine[random.Next(1, 6)];
            for (var l = 0; l < lines.Length; l++)
            {
                var (productId, category, unitPriceFen) = catalogue[random.Next(catalogue.Length)];
                var quantity = random.Next(1, 4);
                lines[l] = new SaleLine(productId, category, quantity, unitPriceFen * quantity / 100m);
            }

            sales[s] = new Sale(s + 1, buyer, Currency.CNY, lines);
        }

        return sales;
    }

    private static (string ProductId, string Category, long UnitPriceFen)[] BuildCatalogue(Random random)
    {
        var catalogue = new (string, string, long)[CatalogueSize];
        for (var p = 0; p < catalogue.Length; p++)
        {
            var draw = random.NextDouble();
            var category = Categories[^1];
            foreach (var candidate in Categories)
            {
                if (draw < candidate.Share)
                {
                    category = candidate;
                    break;
                }

                draw -= candidate.Share;
            }

            var unitPriceFen = random.NextInt64(category.MinPrice * 100L, category.MaxPrice * 100L + 1);
            catalogue[p] = ("P" + p.ToString("D4", CultureInfo.InvariantCulture), category.Name, unitPriceFen);
        }

        return catalogue;
    }
}
