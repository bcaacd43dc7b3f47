using System;
using NodaTime;
using SocialCommerce.Commissions;
using BenchSale = SocialCommerce.Benchmarks.Data.Sale;

namespace SocialCommerce.Benchmarks.Commissions;

/// <summary>Converts the generated sales into the SDK's <see cref="Sale"/> (done once, in setups, never timed).</summary>
internal static class SdkSales
{
    /// <summary>The instant every generated sale is paid at.</summary>
    public static readonly Instant PaidAt = Instant.FromUtc(2026, 11, 1, 12, 0);

    /// <summary>Converts one generated sale.</summary>
    /// <param name="sale">The generated sale.</param>
    /// <returns>The same sale as the engine takes it; its id is the generated id in invariant digits.</returns>
    public static Sale ToSdk(BenchSale sale)
    {
        var lines = new SaleLine[sale.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = sale.Lines[i];
            lines[i] = new SaleLine(line.ProductId, line.Category, line.Quantity, new Money(line.Amount, sale.Currency));
        }

        return new Sale("S" + sale.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sale.Buyer, PaidAt, sale.Currency, lines);
    }

    /// <summary>Converts every generated sale.</summary>
    /// <param name="sales">The generated sales.</param>
    /// <returns>The SDK sales, in the same order.</returns>
    public static Sale[] ToSdk(BenchSale[] sales)
    {
        var result = new Sale[sales.Length];
        for (var i = 0; i < sales.Length; i++)
        {
            result[i] = ToSdk(sales[i]);
        }

        return result;
    }
}
