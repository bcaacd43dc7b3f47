using System.Globalization;

namespace SocialCommerce.Samples.Console.Simulation;

/// <summary>One way to print numbers in the report: amounts as <c>4,458.76 CNY</c> (every exact digit kept), depths as <c>depth 6 [7 team levels]</c>.</summary>
internal static class ReportFormat
{
    /// <summary>An amount with thousands separators, at least two decimals, and the exact digits beyond.</summary>
    public static string Amount(Money money) =>
        string.Create(CultureInfo.InvariantCulture, $"{money.Amount:#,0.00##} {money.Currency.Code}");

    /// <summary>A depth (links below the top of its tree), with the team levels the regulation counts in brackets.</summary>
    public static string Depth(int depth) => $"depth {depth} [{depth + 1} team level{(depth == 0 ? string.Empty : "s")}]";
}
