using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Compliance;

/// <summary>A generated forest: member i's referrer is member Parents[i] (always an earlier member) or none (-1).</summary>
public sealed record TreeCase(int[] Parents, long[] Ids, int OrderSeed)
{
    public int Count => Parents.Length;

    public MemberId Id(int i) => new(Ids[i]);

    /// <summary>Builds the network adding each member with its referrer, in index order.</summary>
    public ReferralNetwork BuildInOrder()
    {
        var network = new ReferralNetwork(capacity: Count);
        var at = Instant.FromUtc(2026, 1, 1, 0, 0);
        for (var i = 0; i < Count; i++)
        {
            if (Parents[i] < 0)
            {
                network.AddMember(Id(i), at);
            }
            else
            {
                network.AddMember(Id(i), Id(Parents[i]), at);
            }
        }

        return network;
    }

    /// <summary>Builds the same forest in another order: every member added as a root in a shuffled order, then bound in another shuffled order.</summary>
    public ReferralNetwork BuildShuffled()
    {
        var random = new Random(OrderSeed);
        var network = new ReferralNetwork(BindingPolicy.FirstBindingWins, Count);
        var at = Instant.FromUtc(2026, 1, 1, 0, 0);
        foreach (var i in Enumerable.Range(0, Count).OrderBy(_ => random.Next()))
        {
            network.AddMember(Id(i), at);
        }

        foreach (var i in Enumerable.Range(0, Count).OrderBy(_ => random.Next()))
        {
            if (Parents[i] >= 0)
            {
                network.Bind(Id(i), Id(Parents[i]), at);
            }
        }

        return network;
    }

    public override string ToString() => $"TreeCase(n={Count}, parents=[{string.Join(",", Parents)}], seed={OrderSeed})";
}

/// <summary>A profile and a second one that is at least as loose in every limit.</summary>
public sealed record ProfilePair(ComplianceProfile Strict, ComplianceProfile Loose)
{
    public override string ToString() => $"Strict: {Describe(Strict)}; Loose: {Describe(Loose)}";

    internal static string Describe(ComplianceProfile p) =>
        $"depth={p.MaxPaidDepth?.ToString() ?? "-"} ratio={p.MaxPayoutRatio?.ToString() ?? "-"} recruit={p.AllowsRecruitmentRewards} fee={p.AllowsEntryFee} mode={p.Mode}";
}

public static class ComplianceArbitraries
{
    private static readonly Gen<int?> Depth = Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(0, 6).Select(d => (int?)d)));

    private static readonly Gen<Rate?> Ratio = Gen.Frequency((1, Gen.Constant<Rate?>(null)), (4, Gen.Choose(0, 20).Select(k => (Rate?)Rate.Percent(k * 5m))));

    private static readonly Gen<bool> Bool = Gen.Elements(true, false);

    public static Arbitrary<TreeCase> Trees() => Arb.From(TreeGen);

    public static Arbitrary<PlanFacts> Plans() => Arb.From(PlanGen);

    public static Arbitrary<ComplianceProfile> Profiles() => Arb.From(ProfileGen);

    public static Arbitrary<ProfilePair> ProfilePairs() => Arb.From(
        from strict in ProfileGen
        from depth in Gen.Choose(0, 3)
        from unlimitDepth in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from ratio in Gen.Choose(0, 4)
        from unlimitRatio in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from recruit in Bool
        from fee in Bool
        from audit in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new ProfilePair(strict, strict with
        {
            Name = "loose",
            Mode = audit ? ComplianceMode.Audit : strict.Mode,
            MaxPaidDepth = unlimitDepth || strict.MaxPaidDepth is null ? null : strict.MaxPaidDepth + depth,
            MaxPayoutRatio = !unlimitRatio && strict.MaxPayoutRatio is { } r ? Rate.FromFraction(Math.Min(1m, r.Fraction + (ratio * 0.05m))) : null,
            AllowsRecruitmentRewards = strict.AllowsRecruitmentRewards || recruit,
            AllowsEntryFee = strict.AllowsEntryFee || fee,
        }));

    internal static Gen<PlanFacts> PlanGen { get; } =
        from depth in Gen.Choose(0, 8)
        from rate in Gen.Frequency((3, Gen.Choose(0, 20).Select(k => k * 500)), (1, Gen.Choose(0, 10000)))
        from recruit in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from fee in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new PlanFacts("plan", depth, Rate.BasisPoints(rate), recruit, fee);

    internal static Gen<ComplianceProfile> ProfileGen { get; } =
        from depth in Depth
        from ratio in Ratio
        from recruit in Bool
        from fee in Bool
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

    internal static Gen<TreeCase> TreeGen { get; } =
        from n in Gen.Frequency((1, Gen.Choose(0, 10)), (4, Gen.Choose(10, 120)))
        from parents in Gen.CollectToArray(Enumerable.Range(0, n), ParentOf)
        from ids in Gen.Shuffle(Enumerable.Range(1, n).Select(i => (long)i * 7 + 1000).ToArray())
        from seed in Gen.Choose(0, int.MaxValue)
        select new TreeCase(parents, ids, seed);

    private static Gen<int> ParentOf(int i) => i == 0
        ? Gen.Constant(-1)
        : Gen.Frequency((3, Gen.Constant(i - 1)), (5, Gen.Choose(0, i - 1)), (1, Gen.Constant(-1)));
}
