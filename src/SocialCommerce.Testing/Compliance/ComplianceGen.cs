using System;
using FsCheck;
using FsCheck.Fluent;
using SocialCommerce.Compliance;

namespace SocialCommerce.Testing;

/// <summary>Generators for compliance profiles, pairs of a strict and a looser profile, and plan facts.</summary>
public static class ComplianceGen
{
    private static readonly Gen<int?> Depths = Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(0, 6).Select(d => (int?)d)));

    private static readonly Gen<Rate?> Ratios = Gen.Frequency((1, Gen.Constant<Rate?>(null)), (4, Gen.Choose(0, 20).Select(k => (Rate?)Rate.Percent(k * 5m))));

    private static readonly Gen<bool> Booleans = Gen.Elements(true, false);

    /// <summary>
    /// Gets a generator of profiles named <c>generated</c>: paid depth 0 to 6 or unlimited, payout ratio in steps of 5 %
    /// or unlimited, recruitment rewards and entry fees allowed or not, mostly enforcing, with network-audit thresholds
    /// (chain levels, team levels and participants) set or not. Built-in checks only.
    /// </summary>
    public static Gen<ComplianceProfile> Profiles { get; } =
        from depth in Depths
        from ratio in Ratios
        from recruit in Booleans
        from fee in Booleans
        from mode in Gen.Frequency((4, Gen.Constant(ComplianceMode.Enforce)), (1, Gen.Constant(ComplianceMode.Audit)))
        from chain in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 6).Select(x => (int?)x)))
        from levels in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 6).Select(x => (int?)x)))
        from size in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 40).Select(x => (int?)x)))
        select new ComplianceProfile
        {
            Name = "generated",
            MaxPaidDepth = depth,
            MaxPayoutRatio = ratio,
            AllowsRecruitmentRewards = recruit,
            AllowsEntryFee = fee,
            Mode = mode,
            WarnsOnTeamCompensation = true,
            FlagChainLevels = chain,
            FlagTeamLevels = levels,
            FlagTeamParticipants = size,
        };

    /// <summary>
    /// Gets a generator of a profile from <see cref="Profiles"/> and a copy named <c>loose</c> that is at least as
    /// permissive in every plan limit (deeper or unlimited, a higher or no ratio, rewards and fees allowed where the
    /// strict one allows them, possibly audit-only).
    /// </summary>
    public static Gen<ProfilePair> ProfilePairs { get; } =
        from strict in Profiles
        from depth in Gen.Choose(0, 3)
        from unlimitDepth in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from ratio in Gen.Choose(0, 4)
        from unlimitRatio in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from recruit in Booleans
        from fee in Booleans
        from audit in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new ProfilePair(strict, strict with
        {
            Name = "loose",
            Mode = audit ? ComplianceMode.Audit : strict.Mode,
            MaxPaidDepth = unlimitDepth || strict.MaxPaidDepth is null ? null : strict.MaxPaidDepth + depth,
            MaxPayoutRatio = !unlimitRatio && strict.MaxPayoutRatio is { } r ? Rate.FromFraction(Math.Min(1m, r.Fraction + (ratio * 0.05m))) : null,
            AllowsRecruitmentRewards = strict.AllowsRecruitmentRewards || recruit,
            AllowsEntryFee = strict.AllowsEntryFee || fee,
        });

    /// <summary>
    /// Gets a generator of plan facts named <c>plan</c>: paid depth 0 to 8, a total rate (often a multiple of 5 %),
    /// and now and then a recruitment reward or an entry fee.
    /// </summary>
    public static Gen<PlanFacts> PlanFacts { get; } =
        from depth in Gen.Choose(0, 8)
        from rate in Gen.Frequency((3, Gen.Choose(0, 20).Select(k => k * 500)), (1, Gen.Choose(0, 10_000)))
        from recruit in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from fee in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new PlanFacts("plan", depth, Rate.BasisPoints(rate), recruit, fee);
}
