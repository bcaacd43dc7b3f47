using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SocialCommerce.Commissions;

namespace SocialCommerce.Testing;

/// <summary>
/// A generated commission plan as plain data, built with the SDK's fluent builder by <see cref="Build"/>.
/// Rates are basis points with up to 6 decimals (a fraction of up to 10, the SDK's precision); amounts whole minor units; a null limit means the plan does not set it.
/// </summary>
/// <param name="Currency">The plan's currency.</param>
/// <param name="LevelBasisPoints">The level rates, level 1 first (ignored by a rank-differential plan).</param>
/// <param name="SelfPurchaseBasisPoints">The self-purchase rebate, or null for none.</param>
/// <param name="CategoryOverride">An override for category <see cref="OverrideCategory"/>, level 1 first, or null.</param>
/// <param name="ProductOverride">An override for product <see cref="OverrideProduct"/>, level 1 first, or null.</param>
/// <param name="OnlyEnabledDistributors">Whether only enabled distributors earn.</param>
/// <param name="Compress">Whether an ineligible member's share moves up (compression) rather than being forfeited.</param>
/// <param name="SaleCapBasisPoints">The cap on a sale's total as a share of its base, or null.</param>
/// <param name="PerBeneficiaryCapMinorUnits">The cap per beneficiary and sale, or null.</param>
/// <param name="IncludeShipping">Whether shipping counts in the base.</param>
/// <param name="Differential">Whether the plan is a rank differential (级差) instead of level rates.</param>
/// <param name="DifferentialDepth">The differential's depth (used when <paramref name="Differential"/>).</param>
/// <param name="RankBasisPoints">The rate of each rank, rank 0 first (used when <paramref name="Differential"/>).</param>
/// <param name="RecruitmentRewardMinorUnits">A declared recruitment reward, or null for none.</param>
/// <param name="RequiresEntryFee">Whether earning requires an entry fee.</param>
public sealed record PlanSample(
    Currency Currency,
    IReadOnlyList<decimal> LevelBasisPoints,
    decimal? SelfPurchaseBasisPoints,
    IReadOnlyList<PayoutSample>? CategoryOverride,
    IReadOnlyList<PayoutSample>? ProductOverride,
    bool OnlyEnabledDistributors,
    bool Compress,
    decimal? SaleCapBasisPoints,
    long? PerBeneficiaryCapMinorUnits,
    bool IncludeShipping,
    bool Differential,
    int DifferentialDepth,
    IReadOnlyList<decimal> RankBasisPoints,
    long? RecruitmentRewardMinorUnits = null,
    bool RequiresEntryFee = false)
{
    /// <summary>The category that <see cref="CategoryOverride"/> targets: <c>c0</c>, one of <see cref="SaleGen"/>'s default categories.</summary>
    public const string OverrideCategory = "c0";

    /// <summary>The product that <see cref="ProductOverride"/> targets: <c>p0</c>, one of <see cref="SaleGen"/>'s products.</summary>
    public const string OverrideProduct = "p0";

    /// <summary>
    /// Gets the paid depth the plan's rates and fixed amounts reach, computed from the sample itself (not by the SDK):
    /// the highest level with a positive payout.
    /// </summary>
    public int ExpectedPaidDepth
    {
        get
        {
            if (Differential)
            {
                return RankBasisPoints.Any(bp => bp > 0) ? DifferentialDepth : 0;
            }

            var depth = LastPositive(LevelBasisPoints);
            depth = Math.Max(depth, LastPositive(CategoryOverride?.Select(p => p.Value).ToArray() ?? []));
            return Math.Max(depth, LastPositive(ProductOverride?.Select(p => p.Value).ToArray() ?? []));
        }
    }

    /// <summary>
    /// Gets the most the plan's rates can pay as basis points of the base, computed from the sample itself as the
    /// SDK's <see cref="Compliance.PlanFacts"/> define it: the largest rate of each level across level rates and overrides
    /// (fixed amounts not counted), plus the self-purchase rebate.
    /// </summary>
    public decimal MaxTotalBasisPoints
    {
        get
        {
            var self = SelfPurchaseBasisPoints ?? 0;
            if (Differential)
            {
                return self + (RankBasisPoints.Count == 0 ? 0 : RankBasisPoints.Max());
            }

            var levels = Math.Max(LevelBasisPoints.Count, Math.Max(CategoryOverride?.Count ?? 0, ProductOverride?.Count ?? 0));
            var total = self;
            for (var level = 0; level < levels; level++)
            {
                total += Math.Max(At(LevelBasisPoints, level), Math.Max(RateAt(CategoryOverride, level), RateAt(ProductOverride, level)));
            }

            return total;
        }
    }

    /// <summary>Builds the plan with the SDK's builder, named <c>generated</c>, appending the host rules named.</summary>
    /// <param name="rules">The catalog holding the host rules, or null when none are named.</param>
    /// <param name="hostRules">Names of host rules to run, in order, after the built-in stages.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="InvalidCommissionPlanException">The sample describes a plan the SDK refuses (e.g. a host rule not in the catalog).</exception>
    public CommissionPlan Build(CommissionRuleCatalog? rules = null, params string[] hostRules)
    {
        ArgumentNullException.ThrowIfNull(hostRules);
        var b = CommissionPlan.CreateBuilder("generated", Currency);
        if (Differential)
        {
            b.RankDifferential(DifferentialDepth, RankBasisPoints.Select(bp => Rate.BasisPoints(bp)).ToArray());
        }
        else
        {
            b.Levels(LevelBasisPoints.Select(bp => Rate.BasisPoints(bp)).ToArray());
            if (CategoryOverride is { } category)
            {
                b.CategoryOverride(OverrideCategory, o => Fill(o, category));
            }

            if (ProductOverride is { } product)
            {
                b.ProductOverride(OverrideProduct, o => Fill(o, product));
            }
        }

        if (SelfPurchaseBasisPoints is { } self)
        {
            b.SelfPurchaseRebate(Rate.BasisPoints(self));
        }

        if (OnlyEnabledDistributors)
        {
            b.Eligibility(CommissionEligibility.EnabledDistributors, Compress ? IneligibleShare.Compress : IneligibleShare.Forfeit);
        }

        if (SaleCapBasisPoints is { } saleCap)
        {
            b.CapSaleTotal(Rate.BasisPoints(saleCap));
        }

        if (PerBeneficiaryCapMinorUnits is { } perBeneficiary)
        {
            b.CapPerBeneficiary(Money.FromMinorUnits(perBeneficiary, Currency));
        }

        if (RecruitmentRewardMinorUnits is { } reward)
        {
            b.DeclareRecruitmentReward(Money.FromMinorUnits(reward, Currency));
        }

        if (RequiresEntryFee)
        {
            b.RequireForEarning(EarningRequirement.EntryFee);
        }

        b.IncludeShippingInBase(IncludeShipping);
        foreach (var rule in hostRules)
        {
            b.Rule(rule);
        }

        return b.Build(rules);
    }

    /// <summary>Formats every setting on one line, e.g. <c>Plan(levels=[1000,500] self=- cat=[R2000] ...)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Plan({Currency.Code} levels=[{string.Join(",", LevelBasisPoints)}] self={Show(SelfPurchaseBasisPoints)} cat=[{Show(CategoryOverride)}] prod=[{Show(ProductOverride)}] " +
        $"onlyEnabled={OnlyEnabledDistributors} compress={Compress} saleCap={Show(SaleCapBasisPoints)} perBeneficiary={Show(PerBeneficiaryCapMinorUnits)} shipping={IncludeShipping} " +
        $"differential={(Differential ? $"depth {DifferentialDepth} ranks [{string.Join(",", RankBasisPoints)}]" : "no")} recruitmentReward={Show(RecruitmentRewardMinorUnits)} entryFee={RequiresEntryFee})");

    private void Fill(CommissionOverrideBuilder o, IReadOnlyList<PayoutSample> levels)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i].IsFixed)
            {
                o.FixedPerUnit(i + 1, Money.FromMinorUnits((long)levels[i].Value, Currency));
            }
            else
            {
                o.Level(i + 1, Rate.BasisPoints(levels[i].Value));
            }
        }
    }

    private static decimal At(IReadOnlyList<decimal> values, int index) => index < values.Count ? values[index] : 0;

    private static decimal RateAt(IReadOnlyList<PayoutSample>? payouts, int index) =>
        payouts is not null && index < payouts.Count && !payouts[index].IsFixed ? payouts[index].Value : 0;

    private static int LastPositive(IReadOnlyList<decimal> values)
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (values[i] > 0)
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Show(IReadOnlyList<PayoutSample>? payouts) => payouts is null ? "-" : string.Join(",", payouts);
}
