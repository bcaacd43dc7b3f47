using FsCheck;
using FsCheck.Fluent;
using SocialCommerce.Compliance;

namespace SocialCommerce.Testing;

/// <summary>
/// Default FsCheck arbitraries for compliance testing. Register with
/// <c>[Property(Arbitrary = new[] { typeof(ComplianceArbitraries) })]</c>.
/// </summary>
public static class ComplianceArbitraries
{
    /// <summary>Profiles from <see cref="ComplianceGen.Profiles"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ComplianceProfile> Profiles() => ComplianceGen.Profiles.ToArbitrary();

    /// <summary>Strict and loose profile pairs from <see cref="ComplianceGen.ProfilePairs"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ProfilePair> ProfilePairs() => ComplianceGen.ProfilePairs.ToArbitrary();

    /// <summary>Plan facts from <see cref="ComplianceGen.PlanFacts"/>, shrinking toward shallower, lower-rate plans without rewards or fees.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PlanFacts> PlanFacts() => Arb.From(ComplianceGen.PlanFacts, ShrinkFacts);

    private static System.Collections.Generic.IEnumerable<PlanFacts> ShrinkFacts(PlanFacts facts)
    {
        if (facts.RewardsRecruitment)
        {
            yield return facts with { RewardsRecruitment = false };
        }

        if (facts.RequiresEntryFee)
        {
            yield return facts with { RequiresEntryFee = false };
        }

        foreach (var depth in MoneyGen.ShrinkTowardZero(facts.PaidDepth))
        {
            yield return facts with { PaidDepth = (int)depth };
        }

        foreach (var rate in MoneyGen.Shrink(facts.MaxTotalRate))
        {
            yield return facts with { MaxTotalRate = rate };
        }
    }
}
