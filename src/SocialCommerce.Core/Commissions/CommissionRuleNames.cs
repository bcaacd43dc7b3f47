namespace SocialCommerce.Commissions;

/// <summary>
/// The names of the built-in commission rules and stages, as recorded on quote lines and adjustments.
/// A host rule may not use these names.
/// </summary>
public static class CommissionRuleNames
{
    /// <summary>Proposes the plan's level rates (and the self-purchase rebate) for lines without an override.</summary>
    public const string LevelRates = "level-rates";

    /// <summary>Proposes a product or category override's rates or fixed amounts for the lines it matches.</summary>
    public const string Overrides = "overrides";

    /// <summary>Removes (forfeit) or passes up (compression) the shares of members who may not earn.</summary>
    public const string Eligibility = "eligibility";

    /// <summary>Proposes rank-differential (级差) shares.</summary>
    public const string RankDifferential = "rank-differential";

    /// <summary>Clamps each beneficiary's total from one sale to the plan's per-beneficiary cap.</summary>
    public const string PerBeneficiaryCap = "per-beneficiary-cap";

    /// <summary>Scales a sale's lines down to the plan's total cap (a ratio of the base).</summary>
    public const string SaleCap = "sale-cap";

    /// <summary>Rounds every line toward zero to the currency's minor unit.</summary>
    public const string Rounding = "rounding";

    /// <summary>The engine's final compliance stage: paid-depth truncation and payout-ratio cap.</summary>
    public const string Compliance = "compliance";

    internal static bool IsReserved(string name) =>
        name is LevelRates or Overrides or Eligibility or RankDifferential or PerBeneficiaryCap or SaleCap or Rounding or Compliance;
}
