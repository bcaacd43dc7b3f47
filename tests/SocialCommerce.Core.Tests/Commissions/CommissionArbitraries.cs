using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions;

/// <summary>One payout of a generated override: a rate in basis points or a fixed amount in minor units.</summary>
public sealed record PayoutSpec(bool Fixed, int Value);

/// <summary>A generated plan, built with the fluent builder.</summary>
public sealed record PlanSpec(
    int[] LevelBp,
    int SelfBp,
    PayoutSpec[]? CategoryOverride,
    PayoutSpec[]? ProductOverride,
    bool OnlyEnabled,
    bool Compress,
    int SaleCapBp,
    long PerBeneficiaryCapMinor,
    bool Shipping,
    bool Differential,
    int DifferentialDepth,
    int[] RankBp)
{
    public CommissionPlan Build(params string[] rules) => Build(null, rules);

    public CommissionPlan Build(CommissionRuleCatalog? catalog, params string[] rules)
    {
        var b = CommissionPlan.CreateBuilder("generated", Currency.CNY);
        if (Differential)
        {
            b.RankDifferential(DifferentialDepth, RankBp.Select(bp => Rate.BasisPoints(bp)).ToArray());
        }
        else
        {
            b.Levels(LevelBp.Select(bp => Rate.BasisPoints(bp)).ToArray());
            if (CategoryOverride is { } c)
            {
                b.CategoryOverride("c0", o => Fill(o, c));
            }

            if (ProductOverride is { } p)
            {
                b.ProductOverride("p0", o => Fill(o, p));
            }
        }

        if (SelfBp >= 0)
        {
            b.SelfPurchaseRebate(Rate.BasisPoints(SelfBp));
        }

        if (OnlyEnabled)
        {
            b.Eligibility(CommissionEligibility.EnabledDistributors, Compress ? IneligibleShare.Compress : IneligibleShare.Forfeit);
        }

        if (SaleCapBp >= 0)
        {
            b.CapSaleTotal(Rate.BasisPoints(SaleCapBp));
        }

        if (PerBeneficiaryCapMinor >= 0)
        {
            b.CapPerBeneficiary(Money.FromMinorUnits(PerBeneficiaryCapMinor, Currency.CNY));
        }

        b.IncludeShippingInBase(Shipping);
        foreach (var rule in rules)
        {
            b.Rule(rule);
        }

        return b.Build(catalog);
    }

    private static void Fill(CommissionOverrideBuilder o, PayoutSpec[] levels)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i].Fixed)
            {
                o.FixedPerUnit(i + 1, Money.FromMinorUnits(levels[i].Value, Currency.CNY));
            }
            else
            {
                o.Level(i + 1, Rate.BasisPoints(levels[i].Value));
            }
        }
    }
}

/// <summary>One generated sale line.</summary>
public sealed record LineSpec(int Product, int Category, int Quantity, long PaidMinor, long ShippingMinor);

/// <summary>A generated network, plan, sale, distributor flags and ranks.</summary>
public sealed record CommissionScenario(int[] Parents, int Buyer, PlanSpec Plan, LineSpec[] Lines, bool[] Enabled, int[] Ranks)
{
    public static readonly Instant At = Instant.FromUtc(2026, 11, 1, 12, 0);

    public static MemberId Member(int index) => new(index + 1);

    public ReferralNetwork BuildNetwork()
    {
        var network = new ReferralNetwork();
        for (var i = 0; i < Parents.Length; i++)
        {
            if (Parents[i] < 0)
            {
                network.AddMember(Member(i), At);
            }
            else
            {
                network.AddMember(Member(i), Member(Parents[i]), At);
            }
        }

        return network;
    }

    public Sale BuildSale() => new("S-1", Member(Buyer), At, Currency.CNY, Lines.Select(l => new SaleLine(
        "p" + l.Product.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "c" + l.Category.ToString(System.Globalization.CultureInfo.InvariantCulture),
        l.Quantity,
        Money.FromMinorUnits(l.PaidMinor, Currency.CNY),
        Money.FromMinorUnits(l.ShippingMinor, Currency.CNY))).ToArray())
    {
        EnabledDistributors = EnabledSet(),
    };

    public HashSet<MemberId> EnabledSet() => Enumerable.Range(0, Parents.Length).Where(i => Enabled[i]).Select(Member).ToHashSet();

    public IMemberRanks RankSource() => new ArrayRanks(Ranks);

    public CommissionEngineOptions Options(CommissionRuleCatalog? rules = null, SocialCommerce.Compliance.ComplianceProfile? profile = null) =>
        new() { Ranks = RankSource(), Rules = rules, Compliance = profile };

    public override string ToString() =>
        $"parents=[{string.Join(",", Parents)}] buyer={Buyer} enabled=[{string.Join(",", Enabled.Select(e => e ? 1 : 0))}] ranks=[{string.Join(",", Ranks)}] " +
        $"plan: levels=[{string.Join(",", Plan.LevelBp)}] self={Plan.SelfBp} cat=[{Show(Plan.CategoryOverride)}] prod=[{Show(Plan.ProductOverride)}] only={Plan.OnlyEnabled} compress={Plan.Compress} " +
        $"saleCap={Plan.SaleCapBp} perBen={Plan.PerBeneficiaryCapMinor} ship={Plan.Shipping} diff={Plan.Differential}/{Plan.DifferentialDepth}/[{string.Join(",", Plan.RankBp)}] " +
        $"lines=[{string.Join("; ", Lines.Select(l => $"p{l.Product} c{l.Category} x{l.Quantity} {l.PaidMinor}+{l.ShippingMinor}"))}]";

    private static string Show(PayoutSpec[]? p) => p is null ? "-" : string.Join(",", p.Select(x => (x.Fixed ? "F" : "R") + x.Value));

    private sealed class ArrayRanks(int[] ranks) : IMemberRanks
    {
        public int GetRank(MemberId member) => ranks[(int)member.Value - 1];
    }
}

/// <summary>Generators for commission properties.</summary>
public static class CommissionArbitraries
{
    public static Gen<PayoutSpec[]> Payouts =>
        from n in Gen.Choose(1, 3)
        from levels in Gen.ArrayOf(
            from isFixed in Gen.Elements(true, false)
            from value in isFixed ? Gen.Choose(0, 1500) : Gen.Choose(0, 2000)
            select new PayoutSpec(isFixed, value),
            n)
        select levels;

    public static Gen<PlanSpec> Plans =>
        from levelCount in Gen.Choose(0, 4)
        from levels in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 2000))), levelCount)
        from self in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, 1000)))
        from cat in Gen.Frequency((1, Gen.Constant<PayoutSpec[]?>(null)), (1, Payouts.Select(p => (PayoutSpec[]?)p)))
        from prod in Gen.Frequency((1, Gen.Constant<PayoutSpec[]?>(null)), (1, Payouts.Select(p => (PayoutSpec[]?)p)))
        from onlyEnabled in Gen.Elements(true, false)
        from compress in Gen.Elements(true, false)
        from saleCap in Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, 3000)))
        from perBen in Gen.Frequency((2, Gen.Constant(-1L)), (1, Gen.Choose(0, 5000).Select(v => (long)v)))
        from shipping in Gen.Elements(true, false)
        from differential in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from depth in Gen.Choose(1, 4)
        from ranks in Gen.ArrayOf(Gen.Choose(0, 2500), 4)
        select new PlanSpec(levels, self, cat, prod, onlyEnabled, compress, saleCap, perBen, shipping, differential, depth, ranks);

    public static Gen<LineSpec> Lines =>
        from product in Gen.Choose(0, 3)
        from category in Gen.Choose(0, 3)
        from quantity in Gen.Choose(1, 5)
        from paid in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 50000)), (1, Gen.Choose(1, 99)))
        from ship in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 1500)))
        select new LineSpec(product, category, quantity, paid, ship);

    public static Gen<CommissionScenario> Scenarios =>
        from count in Gen.Choose(1, 12)
        from offsets in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Constant(1)), (2, Gen.Choose(2, 4))), count)
        from buyer in Gen.Choose(0, count - 1)
        from plan in Plans
        from lineCount in Gen.Choose(1, 4)
        from lines in Gen.ArrayOf(Lines, lineCount)
        from enabled in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false))), count)
        from ranks in Gen.ArrayOf(Gen.Choose(0, 3), count)
        select new CommissionScenario(Parents(offsets), buyer, plan, lines, enabled, ranks);

    public static Arbitrary<CommissionScenario> Scenario() => Scenarios.ToArbitrary();

    private static int[] Parents(int[] offsets)
    {
        // Member i refers to member i - offset (a root when the offset is 0 or reaches before member 0).
        var parents = new int[offsets.Length];
        for (var i = 0; i < offsets.Length; i++)
        {
            parents[i] = offsets[i] == 0 || i - offsets[i] < 0 ? -1 : i - offsets[i];
        }

        return parents;
    }
}
