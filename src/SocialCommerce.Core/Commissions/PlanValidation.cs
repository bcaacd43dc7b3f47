using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.Commissions;

/// <summary>
/// Checks a <see cref="PlanDraft"/> and turns it into a <see cref="CommissionPlan"/>, or refuses it with an
/// <see cref="InvalidCommissionPlanException"/> naming the path and the value.
/// </summary>
internal static class PlanValidation
{
    public static CommissionPlan Validate(PlanDraft draft, PlanPaths paths, CommissionRuleCatalog? rules)
    {
        var name = draft.Name ?? string.Empty;
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            throw Refuse(name, paths.Name, Show(draft.Name), "a plan needs a name.");
        }

        var currency = draft.Currency ?? throw Refuse(name, paths.Currency, "null", "a plan needs a currency.");

        var levelRates = CheckRateLevels(draft, paths, name);
        Rate? self = null;
        if (draft.SelfRate is { } selfRate)
        {
            self = CheckRate(name, paths.SelfRate, selfRate);
        }

        var overrides = CheckOverrides(draft, paths, name, currency);

        RankDifferentialSchedule? differential = null;
        if (draft.DifferentialDepth is not null || draft.RankRates is not null)
        {
            differential = CheckDifferential(draft, paths, name);
        }

        Rate? saleCap = null;
        if (draft.SaleCap is { } cap)
        {
            saleCap = CheckRate(name, paths.SaleCap, cap);
        }

        if (draft.PerBeneficiaryCap is { } perBeneficiary)
        {
            CheckAmount(name, paths.PerBeneficiaryCap, perBeneficiary, currency);
        }

        if (Limits.Problem(draft.ReturnWindow) is { } windowProblem)
        {
            throw Refuse(name, paths.ReturnWindow, draft.ReturnWindow.ToString(), "the return window " + windowProblem);
        }

        if (draft.RecruitmentReward is { } reward)
        {
            CheckAmount(name, paths.RecruitmentReward, reward, currency);
        }

        var ruleNames = CheckRules(draft, paths, name, rules);

        var plan = new CommissionPlan(
            name,
            currency,
            levelRates,
            self,
            overrides,
            draft.Eligibility,
            draft.IneligibleShare,
            differential,
            saleCap,
            draft.PerBeneficiaryCap,
            draft.IncludeShipping,
            draft.ReturnWindow,
            ruleNames,
            draft.EarningRequirement,
            draft.RecruitmentReward);

        var total = plan.MaxTotalFraction();
        if (total > 1m)
        {
            throw Refuse(
                name,
                differential is null ? paths.Levels : paths.RankRates,
                Percent(total),
                "the most the plan's rates can pay in total (the largest rate of each level across level rates and overrides, plus the self-purchase rebate) should not exceed 100 %.");
        }

        return plan;
    }

    private static Rate[] CheckRateLevels(PlanDraft draft, PlanPaths paths, string name)
    {
        var entries = draft.Levels;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Fixed is { } fixedAmount)
            {
                throw Refuse(name, paths.LevelFixed(i, entries[i].Level), fixedAmount.ToString(), "plan levels pay rates; give fixed amounts per unit in a product or category override.");
            }
        }

        var ordered = CheckContiguous(
            name,
            entries,
            (i, level) => paths.Level(i, level),
            (i, level) => paths.LevelRate(i, level),
            (i, level) => paths.LevelFixed(i, level),
            null);
        var rates = new Rate[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            rates[i] = ordered[i].Rate!.Value;
        }

        return rates;
    }

    private static LevelPayout[] CheckContiguous(
        string name,
        List<PayoutEntry> entries,
        Func<int, int, string> levelPath,
        Func<int, int, string> ratePath,
        Func<int, int, string> fixedPath,
        Currency? currency)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Level > Limits.MaxPaidDepth)
            {
                throw Refuse(name, levelPath(i, entries[i].Level), entries[i].Level.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"levels should be in range [1-{Limits.MaxPaidDepth}] (the deepest plan the engine accepts)."));
            }
        }

        var byLevel = new LevelPayout?[entries.Count + 1];
        var indexOf = new int[entries.Count + 1];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Level < 1)
            {
                throw Refuse(name, levelPath(i, entry.Level), entry.Level.ToString(CultureInfo.InvariantCulture), "upline levels start at 1 (the buyer's direct referrer); use the self-purchase rebate for level 0.");
            }

            if (entry.Level > entries.Count)
            {
                var missing = FirstMissing(entries);
                throw Refuse(name, levelPath(i, entry.Level), entry.Level.ToString(CultureInfo.InvariantCulture), $"levels must be contiguous from 1: level {missing} is missing.");
            }

            if (byLevel[entry.Level] is not null)
            {
                throw Refuse(name, levelPath(i, entry.Level), entry.Level.ToString(CultureInfo.InvariantCulture), $"level {entry.Level} is given twice (first at entry {indexOf[entry.Level]}).");
            }

            LevelPayout payout;
            if (entry.Rate is { } rate)
            {
                if (entry.Fixed is not null)
                {
                    throw Refuse(name, fixedPath(i, entry.Level), entry.Fixed.Value.ToString(), "a level pays either a rate or a fixed amount per unit, not both.");
                }

                payout = LevelPayout.OfRate(entry.Level, CheckRate(name, ratePath(i, entry.Level), rate));
            }
            else if (entry.Fixed is { } fixedAmount && currency is not null)
            {
                CheckAmount(name, fixedPath(i, entry.Level), fixedAmount, currency);
                if (Math.Abs(fixedAmount.Amount) > currency.MinorUnitSize * (Limits.MaxMinorUnits / Limits.MaxQuantity))
                {
                    throw Refuse(name, fixedPath(i, entry.Level), fixedAmount.ToString(), string.Create(CultureInfo.InvariantCulture, $"a fixed amount per unit should be at most {Limits.MaxMinorUnits / Limits.MaxQuantity} minor units (so that {Limits.MaxQuantity} units stay within the largest supported amount)."));
                }

                payout = LevelPayout.OfFixedPerUnit(entry.Level, fixedAmount);
            }
            else
            {
                throw Refuse(name, ratePath(i, entry.Level), "null", currency is null ? "a level needs a rate." : "a level needs a rate or a fixed amount per unit.");
            }

            byLevel[entry.Level] = payout;
            indexOf[entry.Level] = i;
        }

        var result = new LevelPayout[entries.Count];
        for (var level = 1; level <= entries.Count; level++)
        {
            result[level - 1] = byLevel[level]!.Value;
        }

        return result;
    }

    private static int FirstMissing(List<PayoutEntry> entries)
    {
        for (var level = 1; ; level++)
        {
            var found = false;
            foreach (var entry in entries)
            {
                found |= entry.Level == level;
            }

            if (!found)
            {
                return level;
            }
        }
    }

    private static CommissionOverride[] CheckOverrides(PlanDraft draft, PlanPaths paths, string name, Currency currency)
    {
        var result = new CommissionOverride[draft.Overrides.Count];
        var seen = new HashSet<(OverrideTarget, string)>();
        for (var o = 0; o < draft.Overrides.Count; o++)
        {
            var od = draft.Overrides[o];
            if (string.IsNullOrEmpty(od.Key))
            {
                throw Refuse(name, paths.Override(o, od), Show(od.Key), "an override needs a product id or a category.");
            }

            if (!seen.Add((od.Target, od.Key)))
            {
                throw Refuse(name, paths.Override(o, od), Show(od.Key), $"there is already an override for {od.Target.ToString().ToUpperInvariant()} '{od.Key}'.");
            }

            if (od.Levels.Count == 0)
            {
                throw Refuse(name, paths.Override(o, od), Show(od.Key), "an override needs at least one level.");
            }

            var index = o;
            var levels = CheckContiguous(
                name,
                od.Levels,
                (i, level) => paths.OverrideLevel(index, od, i, level),
                (i, level) => paths.OverrideLevelRate(index, od, i, level),
                (i, level) => paths.OverrideLevelFixed(index, od, i, level),
                currency);
            result[o] = new CommissionOverride(od.Target, od.Key, levels);
        }

        return result;
    }

    private static RankDifferentialSchedule CheckDifferential(PlanDraft draft, PlanPaths paths, string name)
    {
        if (draft.Levels.Count > 0 || draft.Overrides.Count > 0)
        {
            throw Refuse(
                name,
                paths.Levels,
                draft.Levels.Count.ToString(CultureInfo.InvariantCulture) + " levels, " + draft.Overrides.Count.ToString(CultureInfo.InvariantCulture) + " overrides",
                "a rank-differential plan pays by rank: it cannot also have level rates or overrides.");
        }

        var depth = draft.DifferentialDepth ?? 0;
        if (depth is < 1 or > Limits.MaxPaidDepth)
        {
            throw Refuse(name, paths.DifferentialDepth, Show(draft.DifferentialDepth), string.Create(CultureInfo.InvariantCulture, $"a rank-differential plan needs a depth in range [1-{Limits.MaxPaidDepth}]."));
        }

        var raw = draft.RankRates;
        if (raw is null || raw.Count == 0)
        {
            throw Refuse(name, paths.RankRates, "[]", "a rank-differential plan needs a rate for each rank.");
        }

        var rates = new Rate[raw.Count];
        for (var r = 0; r < raw.Count; r++)
        {
            rates[r] = CheckRate(name, paths.RankRate(r), raw[r]);
        }

        return new RankDifferentialSchedule(depth, rates);
    }

    private static string[] CheckRules(PlanDraft draft, PlanPaths paths, string name, CommissionRuleCatalog? rules)
    {
        var names = new string[draft.Rules.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < draft.Rules.Count; i++)
        {
            var rule = draft.Rules[i];
            if (string.IsNullOrWhiteSpace(rule))
            {
                throw Refuse(name, paths.Rule(i, rule), Show(rule), "a rule name should not be empty.");
            }

            if (rules is null || !rules.TryGet(rule, out _))
            {
                throw Refuse(name, paths.Rule(i, rule), Show(rule), $"unknown rule: no rule named '{rule}' is in the rule catalog passed{(rules is null ? " (none was passed)" : string.Empty)}.");
            }

            if (!seen.Add(rule))
            {
                throw Refuse(name, paths.Rule(i, rule), Show(rule), "the rule is listed twice.");
            }

            names[i] = rule;
        }

        return names;
    }

    private static Rate CheckRate(string name, string path, decimal fraction)
    {
        if (fraction < 0m)
        {
            throw Refuse(name, path, fraction.ToString(CultureInfo.InvariantCulture), "a rate should not be negative.");
        }

        if (fraction > 1m)
        {
            throw Refuse(name, path, fraction.ToString(CultureInfo.InvariantCulture), "a rate should not exceed 1 (100 %); rates are fractions, e.g. 0.1 for 10 %.");
        }

        if (!Rate.IsSupportedPrecision(fraction))
        {
            throw Refuse(name, path, fraction.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"a rate should have at most {Limits.MaxRateDecimals} decimals as a fraction."));
        }

        return Rate.FromFraction(fraction);
    }

    private static void CheckAmount(string name, string path, Money amount, Currency currency)
    {
        if (amount == default)
        {
            throw Refuse(name, path, "default", "the amount has no currency.");
        }

        if (amount.Currency != currency)
        {
            throw Refuse(name, path, amount.ToString(), $"the amount is in another currency than the plan's {currency.Code}.");
        }

        if (amount.IsNegative)
        {
            throw Refuse(name, path, amount.ToString(), "the amount should not be negative.");
        }

        if (Limits.Problem(amount) is { } problem)
        {
            throw Refuse(name, path, amount.ToString(), problem);
        }
    }

    private static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.############", CultureInfo.InvariantCulture) + " %";

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    private static InvalidCommissionPlanException Refuse(string plan, string path, string value, string message) =>
        new(plan, path, value, message);
}
