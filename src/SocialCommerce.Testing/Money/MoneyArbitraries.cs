using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// Default FsCheck arbitraries for money types, with shrinking. Register with
/// <c>[Property(Arbitrary = new[] { typeof(MoneyArbitraries) })]</c> and take <see cref="Money"/>,
/// <see cref="Currency"/> or <see cref="Rate"/> parameters.
/// </summary>
public static class MoneyArbitraries
{
    /// <summary>Currencies from <see cref="MoneyGen.Currencies"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Currency> Currencies() => MoneyGen.Currencies.ToArbitrary();

    /// <summary>Whole-minor-unit amounts up to 100 000 major units, shrinking toward zero.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Money> Amounts() => Arb.From(MoneyGen.Amounts(), MoneyGen.Shrink);

    /// <summary>Rates in whole basis points from 0 to 100 %, shrinking toward zero.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Rate> Rates() => Arb.From(MoneyGen.Rates(), MoneyGen.Shrink);
}
