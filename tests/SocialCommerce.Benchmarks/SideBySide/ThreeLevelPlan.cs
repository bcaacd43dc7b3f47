namespace SocialCommerce.Benchmarks.SideBySide;

/// <summary>
/// The plan of the side-by-side comparison (issue 8): three paid levels at 10 % / 5 % / 2 % of each
/// line's paid amount, except lines in the category <see cref="OverrideCategory"/>, which pay
/// 4 % / 2 % / 1 %. Each (line, level) amount is rounded toward zero to the minor unit.
/// </summary>
/// <remarks>
/// The RulesEngine implementation does not read these constants: it has its own JSON workflow
/// (ThreeLevelPlan.rules.json), so the agreement check compares two independent encodings of the plan.
/// </remarks>
internal static class ThreeLevelPlan
{
    /// <summary>The paid depth.</summary>
    public const int Levels = 3;

    /// <summary>The category with its own rates.</summary>
    public const string OverrideCategory = "electronics";

    /// <summary>The most lines a generated sale has.</summary>
    public const int MaxSaleLines = 5;

    /// <summary>The default rates of levels 1, 2, 3.</summary>
    public static readonly decimal[] DefaultRates = [0.10m, 0.05m, 0.02m];

    /// <summary>The rates of levels 1, 2, 3 for <see cref="OverrideCategory"/>.</summary>
    public static readonly decimal[] OverrideRates = [0.04m, 0.02m, 0.01m];
}
