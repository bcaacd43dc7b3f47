using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// Default FsCheck arbitraries for commission testing, in CNY, with shrinking. Register with
/// <c>[Property(Arbitrary = new[] { typeof(CommissionArbitraries) })]</c>.
/// </summary>
public static class CommissionArbitraries
{
    /// <summary>Whole cases from <see cref="CommissionCaseGen.Cases(Currency)"/>, shrinking with <see cref="CommissionCaseGen.Shrink"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<CommissionCase> Cases() => Arb.From(CommissionCaseGen.Cases(Currency.CNY), CommissionCaseGen.Shrink);

    /// <summary>Sales from <see cref="SaleGen.Sales"/>, shrinking with <see cref="SaleGen.Shrink(SaleSample)"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<SaleSample> Sales() => Arb.From(SaleGen.Sales(Currency.CNY), SaleGen.Shrink);

    /// <summary>Plans from <see cref="CommissionPlanGen.Plans"/>, shrinking with <see cref="CommissionPlanGen.Shrink"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PlanSample> Plans() => Arb.From(CommissionPlanGen.Plans(Currency.CNY), CommissionPlanGen.Shrink);
}
