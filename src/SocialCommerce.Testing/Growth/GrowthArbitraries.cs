using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// Default FsCheck arbitraries for growth testing, with shrinking. Register with
/// <c>[Property(Arbitrary = new[] { typeof(GrowthArbitraries) })]</c>. For the special-purpose histories
/// (<see cref="GrowthGen.EarningHistories"/>, <see cref="GrowthGen.ReferralHistories"/>, <see cref="GrowthGen.CappedHistories"/>)
/// use <c>Prop.ForAll(Arb.From(GrowthGen.EarningHistories, GrowthGen.Shrink), ...)</c>.
/// </summary>
public static class GrowthArbitraries
{
    /// <summary>Histories from <see cref="GrowthGen.Histories"/>, shrinking toward fewer, smaller steps.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ActivityHistory> Histories() => Arb.From(GrowthGen.Histories, GrowthGen.Shrink);

    /// <summary>Sign-in series from <see cref="GrowthGen.SignIns"/>, shrinking toward fewer sign-ins.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<SignInSeries> SignIns() => Arb.From(GrowthGen.SignIns, GrowthGen.Shrink);
}
