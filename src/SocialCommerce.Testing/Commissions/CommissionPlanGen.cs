using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using SocialCommerce.Compliance;

namespace SocialCommerce.Testing;

/// <summary>
/// Generators and the shrinker for commission plans: unconstrained, within a compliance profile, or breaking one.
/// </summary>
/// <remarks>
/// Plans mix level rates, a self-purchase rebate, category and product overrides (rates and fixed amounts per
/// unit), eligibility with forfeit or compression, sale and per-beneficiary caps, shipping in the base, and rank
/// differentials (级差). Rates are whole basis points, amounts whole minor units.
/// </remarks>
public static class CommissionPlanGen
{
    private const int MaxGeneratedDepth = 4;

    /// <summary>A generator of plans up to paid depth 4 whose rates never total more than 100 %; any SDK-valid mix.</summary>
    /// <param name="currency">The plans' currency.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    public static Gen<PlanSample> Plans(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return Shaped(currency, MaxGeneratedDepth);
    }

    /// <summary>
    /// A generator of plans that <paramref name="profile"/>'s plan limits accept: paid depth within
    /// <see cref="ComplianceProfile.MaxPaidDepth"/>, rates scaled to fit <see cref="ComplianceProfile.MaxPayoutRatio"/>,
    /// a recruitment reward or an entry fee only where the profile allows them.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="currency">The plans' currency.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>Custom checks in the profile's <see cref="ComplianceProfile.Checks"/> are not modelled; test them with <see cref="ComplianceProfile.CheckPlan"/>.</remarks>
    public static Gen<PlanSample> Within(ComplianceProfile profile, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(currency);
        var depth = Math.Min(profile.MaxPaidDepth ?? MaxGeneratedDepth, MaxGeneratedDepth);
        var ratio = RatioBasisPoints(profile);
        return from plan in Shaped(currency, depth)
               from reward in profile.AllowsRecruitmentRewards
                   ? Gen.Frequency((4, Gen.Constant<long?>(null)), (1, Gen.Choose(1, 10_000).Select(v => (long?)v)))
                   : Gen.Constant<long?>(null)
               from fee in profile.AllowsEntryFee ? Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true))) : Gen.Constant(false)
               select FitRatio(plan, ratio) with { RecruitmentRewardMinorUnits = reward, RequiresEntryFee = fee };
    }

    /// <summary>
    /// A generator of plans that <paramref name="profile"/> refuses, each with the code of a limit it breaks: paid depth
    /// (SC101), payout ratio (SC102), recruitment reward (SC103) or entry fee (SC104), among those the profile sets.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="currency">The plans' currency.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The profile sets no limit a plan can break (unlimited depth and ratio, rewards and fees allowed).</exception>
    public static Gen<PlanBreach> Breaking(ComplianceProfile profile, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(currency);
        var relaxed = profile with { MaxPaidDepth = null, MaxPayoutRatio = null, AllowsRecruitmentRewards = true, AllowsEntryFee = true };
        var any = Within(relaxed, currency).Select(p => p with { RecruitmentRewardMinorUnits = null, RequiresEntryFee = false });
        var ways = new List<Gen<PlanBreach>>();
        if (profile.MaxPaidDepth is { } maxDepth)
        {
            ways.Add(from plan in any
                     from extra in Gen.Choose(1, 2)
                     from rates in Gen.Choose(1, 100).ArrayOf(maxDepth + extra)
                     select new PlanBreach(
                         plan with { Differential = false, LevelBasisPoints = rates, CategoryOverride = null, ProductOverride = null, SelfPurchaseBasisPoints = null },
                         ComplianceCodes.PlanPaidDepthExceeded));
        }

        if (profile.MaxPayoutRatio is not null && RatioBasisPoints(profile) < 10_000)
        {
            var limit = RatioBasisPoints(profile);
            ways.Add(from plan in any
                     from rate in Gen.Choose(limit + 1, 10_000)
                     select new PlanBreach(
                         plan with { Differential = false, LevelBasisPoints = [rate], CategoryOverride = null, ProductOverride = null, SelfPurchaseBasisPoints = null },
                         ComplianceCodes.PlanPayoutRatioExceeded));
        }

        if (!profile.AllowsRecruitmentRewards)
        {
            ways.Add(from plan in any
                     from reward in Gen.Choose(1, 10_000)
                     select new PlanBreach(plan with { RecruitmentRewardMinorUnits = reward }, ComplianceCodes.PlanRecruitmentReward));
        }

        if (!profile.AllowsEntryFee)
        {
            ways.Add(any.Select(plan => new PlanBreach(plan with { RequiresEntryFee = true }, ComplianceCodes.PlanEntryFee)));
        }

        if (ways.Count == 0)
        {
            throw new ArgumentException($"Profile '{profile.Name}' sets no plan limit to break: no paid-depth or payout-ratio limit, and it allows recruitment rewards and entry fees.", nameof(profile));
        }

        return Gen.OneOf(ways);
    }

    /// <summary>
    /// Shrinks a plan toward a simpler one: no rank differential, no overrides, no caps, no eligibility filter,
    /// no self-purchase rebate, no shipping, fewer levels, smaller rates. Every candidate is a valid plan that pays
    /// no deeper and no more than the original (so a plan within a profile stays within it).
    /// </summary>
    /// <param name="plan">The plan to shrink.</param>
    /// <returns>Simpler candidates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static IEnumerable<PlanSample> Shrink(PlanSample plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ShrinkIterator(plan);
    }

    private static IEnumerable<PlanSample> ShrinkIterator(PlanSample plan)
    {
        if (plan.Differential)
        {
            yield return plan with { Differential = false, LevelBasisPoints = [], CategoryOverride = null, ProductOverride = null };
        }

        if (plan.CategoryOverride is not null)
        {
            yield return plan with { CategoryOverride = null };
        }

        if (plan.ProductOverride is not null)
        {
            yield return plan with { ProductOverride = null };
        }

        if (plan.SaleCapBasisPoints is not null)
        {
            yield return plan with { SaleCapBasisPoints = null };
        }

        if (plan.PerBeneficiaryCapMinorUnits is not null)
        {
            yield return plan with { PerBeneficiaryCapMinorUnits = null };
        }

        if (plan.OnlyEnabledDistributors)
        {
            yield return plan with { OnlyEnabledDistributors = false, Compress = false };
        }

        if (plan.SelfPurchaseBasisPoints is not null)
        {
            yield return plan with { SelfPurchaseBasisPoints = null };
        }

        if (plan.IncludeShipping)
        {
            yield return plan with { IncludeShipping = false };
        }

        var levels = plan.LevelBasisPoints;
        if (levels.Count > 0)
        {
            yield return plan with { LevelBasisPoints = levels.Take(levels.Count - 1).ToArray() };
            for (var i = 0; i < levels.Count; i++)
            {
                foreach (var smaller in MoneyGen.ShrinkTowardZero(levels[i]))
                {
                    var copy = levels.ToArray();
                    copy[i] = (int)smaller;
                    yield return plan with { LevelBasisPoints = copy };
                }
            }
        }
    }

    private static Gen<PlanSample> Shaped(Currency currency, int maxDepth)
    {
        var payouts = maxDepth == 0
            ? Gen.Constant<IReadOnlyList<PayoutSample>?>(null)
            : Gen.Frequency(
                (1, Gen.Constant<IReadOnlyList<PayoutSample>?>(null)),
                (1, from n in Gen.Choose(1, Math.Min(3, maxDepth))
                    from levels in Gen.ArrayOf(
                        from isFixed in Gen.Elements(true, false)
                        from value in isFixed ? Gen.Choose(0, 1_500) : Gen.Choose(0, 2_000)
                        select new PayoutSample(isFixed, value),
                        n)
                    select (IReadOnlyList<PayoutSample>?)levels));
        return from levelCount in Gen.Choose(0, maxDepth)
               from levels in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 2_000))), levelCount)
               from self in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 1_000).Select(v => (int?)v)))
               from category in payouts
               from product in payouts
               from onlyEnabled in Gen.Elements(true, false)
               from compress in Gen.Elements(true, false)
               from saleCap in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 3_000).Select(v => (int?)v)))
               from perBeneficiary in Gen.Frequency((2, Gen.Constant<long?>(null)), (1, Gen.Choose(0, 5_000).Select(v => (long?)v)))
               from shipping in Gen.Elements(true, false)
               from differential in maxDepth == 0 ? Gen.Constant(false) : Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
               from depth in Gen.Choose(1, Math.Max(1, maxDepth))
               from ranks in Gen.ArrayOf(Gen.Choose(0, 2_500), 4)
               select differential
                   ? new PlanSample(currency, [], self, null, null, onlyEnabled, compress, saleCap, perBeneficiary, shipping, true, depth, ranks)
                   : new PlanSample(currency, levels, self, category, product, onlyEnabled, compress, saleCap, perBeneficiary, shipping, false, 1, [0, 0, 0, 0]);
    }

    private static int RatioBasisPoints(ComplianceProfile profile) =>
        profile.MaxPayoutRatio is { } ratio ? (int)decimal.Floor(ratio.Fraction * 10_000m) : 10_000;

    private static PlanSample FitRatio(PlanSample plan, int ratioBasisPoints)
    {
        var total = plan.MaxTotalBasisPoints;
        if (total <= ratioBasisPoints)
        {
            return plan;
        }

        int Scale(int bp) => (int)((long)bp * ratioBasisPoints / total);
        IReadOnlyList<PayoutSample>? ScaleAll(IReadOnlyList<PayoutSample>? payouts) =>
            payouts?.Select(p => p.IsFixed ? p : p with { Value = Scale(p.Value) }).ToArray();
        return plan with
        {
            LevelBasisPoints = plan.LevelBasisPoints.Select(Scale).ToArray(),
            SelfPurchaseBasisPoints = plan.SelfPurchaseBasisPoints is { } self ? Scale(self) : null,
            CategoryOverride = ScaleAll(plan.CategoryOverride),
            ProductOverride = ScaleAll(plan.ProductOverride),
            RankBasisPoints = plan.RankBasisPoints.Select(Scale).ToArray(),
        };
    }
}
