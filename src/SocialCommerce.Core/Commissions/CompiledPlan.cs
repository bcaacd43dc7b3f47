using System;
using System.Collections.Generic;

namespace SocialCommerce.Commissions;

/// <summary>
/// A plan flattened into dense arrays for the quoting hot path, built once per engine.
/// </summary>
internal sealed class CompiledPlan
{
    public CompiledPlan(CommissionPlan plan)
    {
        Plan = plan;
        Currency = plan.Currency;
        MinorUnitsPerUnit = plan.Currency.MinorUnitsPerUnit;
        MinorDigits = plan.Currency.MinorUnit;
        ZeroAtMinorScale = new decimal(0, 0, 0, false, (byte)plan.Currency.MinorUnit);
        PaidDepth = plan.PaidDepth;
        HasSelfRate = plan.SelfPurchaseRebate is { IsZero: false };
        SelfRate = plan.SelfPurchaseRebate ?? Rate.Zero;
        IncludeShipping = plan.IncludeShippingInBase;
        NeedsEligibility = plan.Eligibility == CommissionEligibility.EnabledDistributors;
        Compress = plan.IneligibleShare == IneligibleShare.Compress;

        var schedules = new Schedule[plan.Overrides.Count + 1];
        var baseRates = new LevelPayout[plan.LevelRates.Count];
        for (var i = 0; i < baseRates.Length; i++)
        {
            baseRates[i] = LevelPayout.OfRate(i + 1, plan.LevelRates[i]);
        }

        schedules[0] = new Schedule(baseRates, plan.Currency);
        for (var o = 0; o < plan.Overrides.Count; o++)
        {
            var ov = plan.Overrides[o];
            var levels = new LevelPayout[ov.Levels.Count];
            for (var i = 0; i < levels.Length; i++)
            {
                levels[i] = ov.Levels[i];
            }

            schedules[o + 1] = new Schedule(levels, plan.Currency);
            var map = ov.Target == OverrideTarget.Product ? ByProduct : ByCategory;
            map[ov.Key] = o + 1;
        }

        Schedules = schedules;
        HasOverrides = plan.Overrides.Count > 0;

        if (plan.RankDifferential is { } differential)
        {
            IsDifferential = true;
            RankRates = new Rate[differential.RankRates.Count];
            for (var r = 0; r < RankRates.Length; r++)
            {
                RankRates[r] = differential.RankRates[r];
            }
        }
        else
        {
            RankRates = [];
        }

        if (plan.SaleCap is { } cap)
        {
            HasSaleCap = true;
            SaleCap = cap.Fraction;
        }

        if (plan.PerBeneficiaryCap is { } perBeneficiary)
        {
            HasPerBeneficiaryCap = true;
            PerBeneficiaryCap = perBeneficiary.Amount;
        }
    }

    public CommissionPlan Plan { get; }

    public Currency Currency { get; }

    public decimal MinorUnitsPerUnit { get; }

    public int MinorDigits { get; }

    public int PaidDepth { get; }

    /// <summary>Gets zero with the currency's minor-unit scale (0.00 for CNY), added to rounded amounts so they print as 19.90, not 19.9 or 19.900.</summary>
    public decimal ZeroAtMinorScale { get; }

    public bool HasSelfRate { get; }

    public Rate SelfRate { get; }

    public bool IncludeShipping { get; }

    public bool NeedsEligibility { get; }

    public bool Compress { get; }

    public Schedule[] Schedules { get; }

    public bool HasOverrides { get; }

    public Dictionary<string, int> ByProduct { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> ByCategory { get; } = new(StringComparer.Ordinal);

    public bool IsDifferential { get; }

    public Rate[] RankRates { get; }

    public bool HasSaleCap { get; }

    public decimal SaleCap { get; }

    public bool HasPerBeneficiaryCap { get; }

    public decimal PerBeneficiaryCap { get; }

    /// <summary>Returns the amount without trailing zeros beyond the minor unit (19.900 becomes 19.90, 41.5850 becomes 41.585, 30 becomes 30.00).</summary>
    public Money Display(decimal amount)
    {
        var normalized = amount / 1.0000000000000000000000000000m;
        return new Money(normalized + ZeroAtMinorScale, Currency);
    }

    /// <summary>Returns the schedule index for a sale line: its product override, else its category override, else 0 (the level rates).</summary>
    public int ScheduleOf(SaleLine line)
    {
        if (!HasOverrides)
        {
            return 0;
        }

        if (ByProduct.Count > 0 && ByProduct.TryGetValue(line.ProductId, out var product))
        {
            return product;
        }

        if (ByCategory.Count == 0)
        {
            return 0;
        }

        // Sales usually share their category strings: a small cache by reference spares the string
        // hashing. A reference hit means an equal string, so the result is the dictionary's. Entries
        // are immutable objects, so concurrent quotes read whole entries; a racing write only evicts.
        var name = line.Category;
        var cache = _categoryCache;
        for (var k = 0; k < cache.Length; k++)
        {
            var entry = cache[k];
            if (entry is not null && ReferenceEquals(entry.Category, name))
            {
                return entry.Schedule;
            }
        }

        var schedule = ByCategory.TryGetValue(name, out var category) ? category : 0;
        var slot = (_categoryNext + 1) & (CategoryCacheSize - 1);
        _categoryNext = slot;
        cache[slot] = new CategoryEntry(name, schedule);
        return schedule;
    }

    private const int CategoryCacheSize = 8;

    private readonly CategoryEntry?[] _categoryCache = new CategoryEntry?[CategoryCacheSize];

    private int _categoryNext;

    /// <summary>A cached category lookup: the category string (by reference) and its schedule.</summary>
    private sealed record CategoryEntry(string Category, int Schedule);

    /// <summary>One level schedule: the level rates (index 0) or an override, as parallel arrays by level - 1.</summary>
    internal sealed class Schedule
    {
        public Schedule(LevelPayout[] levels, Currency currency)
        {
            Length = levels.Length;
            Rates = new Rate[levels.Length];
            Fixed = new decimal[levels.Length];
            FixedMoney = new Money[levels.Length];
            IsFixed = new bool[levels.Length];
            Pays = new bool[levels.Length];
            for (var i = 0; i < levels.Length; i++)
            {
                if (levels[i].Rate is { } rate)
                {
                    Rates[i] = rate;
                    Pays[i] = !rate.IsZero;
                    FixedMoney[i] = Money.Zero(currency);
                }
                else
                {
                    var amount = levels[i].FixedPerUnit!.Value;
                    IsFixed[i] = true;
                    Fixed[i] = amount.Amount;
                    FixedMoney[i] = amount;
                    Pays[i] = !amount.IsZero;
                }
            }
        }

        public int Length { get; }

        public Rate[] Rates { get; }

        public decimal[] Fixed { get; }

        public Money[] FixedMoney { get; }

        public bool[] IsFixed { get; }

        public bool[] Pays { get; }
    }
}
