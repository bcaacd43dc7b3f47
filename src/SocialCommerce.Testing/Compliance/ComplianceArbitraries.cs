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
    /// <summary>Profiles from <see cref="ComplianceGen.Profiles"/>, shrinking toward fewer limits and thresholds, enforcing.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ComplianceProfile> Profiles() => Arb.From(ComplianceGen.Profiles, ShrinkProfile);

    /// <summary>Strict and loose profile pairs from <see cref="ComplianceGen.ProfilePairs"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ProfilePair> ProfilePairs() => ComplianceGen.ProfilePairs.ToArbitrary();

    /// <summary>Plan facts from <see cref="ComplianceGen.PlanFacts"/>, shrinking toward shallower, lower-rate plans without rewards or fees.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PlanFacts> PlanFacts() => Arb.From(ComplianceGen.PlanFacts, ShrinkFacts);

    private static System.Collections.Generic.IEnumerable<ComplianceProfile> ShrinkProfile(ComplianceProfile p)
    {
        if (p.Mode != ComplianceMode.Enforce)
        {
            yield return p with { Mode = ComplianceMode.Enforce };
        }

        if (p.MaxPaidDepth is not null)
        {
            yield return p with { MaxPaidDepth = null };
        }

        if (p.MaxPayoutRatio is not null)
        {
            yield return p with { MaxPayoutRatio = null };
        }

        if (p.FlagChainLevels is not null)
        {
            yield return p with { FlagChainLevels = null };
        }

        if (p.FlagTeamLevels is not null || p.FlagTeamParticipants is not null)
        {
            yield return p with { FlagTeamLevels = null, FlagTeamParticipants = null };
        }
    }

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
