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
/// differentials (级差). Rates are basis points with up to 6 decimals (the SDK's 10-decimal precision), drawn whole
/// most of the time; fixed amounts whole minor units up to the largest the SDK accepts; paid depth mostly up to 4 and
/// sometimes up to <see cref="Limits.MaxPaidDepth"/>.
/// </remarks>
public static class CommissionPlanGen
{
    private const int MaxGeneratedDepth = 4;

    /// <summary>A generator of plans up to paid depth 4 (sometimes up to 32) whose rates never total more than 100 %; any SDK-valid mix.</summary>
    /// <param name="currency">The plans' currency.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    public static Gen<PlanSample> Plans(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return Gen.Frequency((6, Shaped(currency, MaxGeneratedDepth)), (1, Gen.Choose(MaxGeneratedDepth + 1, Limits.MaxPaidDepth).SelectMany(depth => Shaped(currency, depth))));
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
        var shapes = profile.MaxPaidDepth is { } limit && limit <= MaxGeneratedDepth
            ? Shaped(currency, depth)
            : Gen.Frequency((6, Shaped(currency, depth)), (1, Gen.Choose(MaxGeneratedDepth + 1, Math.Min(profile.MaxPaidDepth ?? Limits.MaxPaidDepth, Limits.MaxPaidDepth)).SelectMany(d => Shaped(currency, d))));
        return from plan in shapes
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
                     from rates in MoneyGen.PreciseBasisPoints(100).Where(bp => bp > 0).ArrayOf(Math.Min(maxDepth + extra, Limits.MaxPaidDepth))
                     select new PlanBreach(
                         plan with { Differential = false, LevelBasisPoints = rates, CategoryOverride = null, ProductOverride = null, SelfPurchaseBasisPoints = null },
                         ComplianceCodes.PlanPaidDepthExceeded));
        }

        if (profile.MaxPayoutRatio is not null && RatioBasisPoints(profile) < 10_000m)
        {
            var limit = (int)decimal.Floor(RatioBasisPoints(profile));
            var ratio = RatioBasisPoints(profile);
            ways.Add(from plan in any
                     from whole in Gen.Choose(limit, 9_999)
                     from part in MoneyGen.ChooseLong(1, 1_000_000)
                     let rate = whole + (part / 1_000_000m)
                     where rate > ratio
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
                foreach (var smaller in MoneyGen.ShrinkBasisPoints(levels[i]))
                {
                    var copy = levels.ToArray();
                    copy[i] = smaller;
                    yield return plan with { LevelBasisPoints = copy };
                }
            }
        }
    }

    private static Gen<PlanSample> Shaped(Currency currency, int maxDepth)
    {
        // Up to depth 4 a level pays up to 20 %; deeper plans spread at most 80 % over their levels, so that with
        // overrides (at most 3 levels of 20 %) and the rebate (10 %) no plan totals more than 100 %.
        var perLevel = maxDepth <= MaxGeneratedDepth ? 2_000 : 8_000 / maxDepth;
        var fixedAmounts = Gen.Frequency(
            (5, Gen.Choose(0, 1_500).Select(v => (decimal)v)),
            (1, MoneyGen.ChooseLong(0, Limits.MaxMinorUnits / Limits.MaxQuantity).Select(v => (decimal)v)));
        var payouts = maxDepth == 0
            ? Gen.Constant<IReadOnlyList<PayoutSample>?>(null)
            : Gen.Frequency(
                (1, Gen.Constant<IReadOnlyList<PayoutSample>?>(null)),
                (1, from n in Gen.Choose(1, Math.Min(3, maxDepth))
                    from levels in Gen.ArrayOf(
                        from isFixed in Gen.Elements(true, false)
                        from value in isFixed ? fixedAmounts : MoneyGen.PreciseBasisPoints(2_000)
                        select new PayoutSample(isFixed, value),
                        n)
                    select (IReadOnlyList<PayoutSample>?)levels));
        return from levelCount in Gen.Choose(0, maxDepth)
               from levels in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0m)), (5, MoneyGen.PreciseBasisPoints(perLevel))), levelCount)
               from self in Gen.Frequency((3, Gen.Constant<decimal?>(null)), (1, MoneyGen.PreciseBasisPoints(1_000).Select(v => (decimal?)v)))
               from category in payouts
               from product in payouts
               from onlyEnabled in Gen.Elements(true, false)
               from compress in Gen.Elements(true, false)
               from saleCap in Gen.Frequency((2, Gen.Constant<decimal?>(null)), (1, MoneyGen.PreciseBasisPoints(3_000).Select(v => (decimal?)v)))
               from perBeneficiary in Gen.Frequency((4, Gen.Constant<long?>(null)), (2, Gen.Choose(0, 5_000).Select(v => (long?)v)), (1, MoneyGen.ChooseLong(0, Limits.MaxMinorUnits).Select(v => (long?)v)))
               from shipping in Gen.Elements(true, false)
               from differential in maxDepth == 0 ? Gen.Constant(false) : Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
               from depth in Gen.Choose(1, Math.Max(1, maxDepth))
               from ranks in Gen.ArrayOf(MoneyGen.PreciseBasisPoints(2_500), 4)
               select differential
                   ? new PlanSample(currency, [], self, null, null, onlyEnabled, compress, saleCap, perBeneficiary, shipping, true, depth, ranks)
                   : new PlanSample(currency, levels, self, category, product, onlyEnabled, compress, saleCap, perBeneficiary, shipping, false, 1, [0m, 0m, 0m, 0m]);
    }

    private static decimal RatioBasisPoints(ComplianceProfile profile) =>
        profile.MaxPayoutRatio is { } ratio ? ratio.Fraction * 10_000m : 10_000m;

    private static PlanSample FitRatio(PlanSample plan, decimal ratioBasisPoints)
    {
        var total = plan.MaxTotalBasisPoints;
        if (total <= ratioBasisPoints)
        {
            return plan;
        }

        // Truncated to the SDK's precision (6 decimals of a basis point), so the scaled total never exceeds the ratio.
        decimal Scale(decimal bp) => Math.Round(bp * ratioBasisPoints / total, 6, MidpointRounding.ToZero);
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
