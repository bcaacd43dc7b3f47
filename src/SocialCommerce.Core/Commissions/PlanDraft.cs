using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.Commissions;

/// <summary>
/// The unchecked content of a plan, filled by the builder or the JSON loader and checked by <see cref="PlanValidation"/>.
/// </summary>
internal sealed class PlanDraft
{
    public string? Name { get; set; }

    public Currency? Currency { get; set; }

    public List<PayoutEntry> Levels { get; } = [];

    public decimal? SelfRate { get; set; }

    public List<OverrideDraft> Overrides { get; } = [];

    public CommissionEligibility Eligibility { get; set; }

    public IneligibleShare IneligibleShare { get; set; }

    public int? DifferentialDepth { get; set; }

    public List<decimal>? RankRates { get; set; }

    public decimal? SaleCap { get; set; }

    public Money? PerBeneficiaryCap { get; set; }

    public bool IncludeShipping { get; set; }

    public Duration ReturnWindow { get; set; }

    public List<string> Rules { get; } = [];

    public EarningRequirement EarningRequirement { get; set; }

    public Money? RecruitmentReward { get; set; }
}

/// <summary>One level entry of a draft: a level number and a rate fraction or a fixed amount per unit.</summary>
internal readonly record struct PayoutEntry(int Level, decimal? Rate, Money? Fixed);

/// <summary>One override of a draft.</summary>
internal sealed class OverrideDraft(OverrideTarget target, string? key)
{
    public OverrideTarget Target { get; } = target;

    public string? Key { get; } = key;

    public List<PayoutEntry> Levels { get; } = [];
}
