using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Compliance;

namespace SocialCommerce.Commissions;

/// <summary>
/// A distribution-rebate (分销返利) plan: who earns what from a sale. Pure data, immutable, validated when built.
/// </summary>
/// <remarks>
/// <para>
/// Build one in code with <see cref="CreateBuilder(string, Currency)"/> or load a JSON plan document with
/// <see cref="FromJson(string, CommissionRuleCatalog?)"/>; both produce the same plan and refuse a malformed or
/// contradictory one with an <see cref="InvalidCommissionPlanException"/> naming the builder member or JSON path
/// and the value.
/// </para>
/// <para>
/// Levels follow the SDK's vocabulary: the buyer is level 0 (<see cref="SelfPurchaseRebate"/>), the buyer's direct
/// referrer is level 1. A plan pays either by level (<see cref="LevelRates"/>, with optional <see cref="Overrides"/>)
/// or by rank (<see cref="RankDifferential"/>), never both.
/// </para>
/// <para>
/// <see cref="RecruitmentReward"/> and <see cref="EarningRequirement"/> are declarations for compliance checks:
/// a quote never pays a recruitment reward out of a sale, and the engine does not check that a member paid a fee.
/// </para>
/// </remarks>
public sealed class CommissionPlan
{
    private readonly Rate[] _levelRates;
    private readonly CommissionOverride[] _overrides;
    private readonly string[] _rules;

    internal CommissionPlan(
        string name,
        Currency currency,
        Rate[] levelRates,
        Rate? selfPurchaseRebate,
        CommissionOverride[] overrides,
        CommissionEligibility eligibility,
        IneligibleShare ineligibleShare,
        RankDifferentialSchedule? rankDifferential,
        Rate? saleCap,
        Money? perBeneficiaryCap,
        bool includeShippingInBase,
        Duration returnWindow,
        string[] rules,
        EarningRequirement earningRequirement,
        Money? recruitmentReward)
    {
        Name = name;
        Currency = currency;
        _levelRates = levelRates;
        SelfPurchaseRebate = selfPurchaseRebate;
        _overrides = overrides;
        Eligibility = eligibility;
        IneligibleShare = ineligibleShare;
        RankDifferential = rankDifferential;
        SaleCap = saleCap;
        PerBeneficiaryCap = perBeneficiaryCap;
        IncludeShippingInBase = includeShippingInBase;
        ReturnWindow = returnWindow;
        _rules = rules;
        EarningRequirement = earningRequirement;
        RecruitmentReward = recruitmentReward;
        PaidDepth = ComputePaidDepth();
        Version = Serialization.ContentVersion.Of(Canonical());
    }

    /// <summary>
    /// Gets the plan's version: a hash of its content (<c>"sha256:…"</c>), the same for equal plans on every machine and
    /// new for any change of a rate, an override, a cap, the window or the rules. A quote records the version it was
    /// decided under (<see cref="CommissionQuote.PlanVersion"/>), and so does the ledger sale booked from it.
    /// </summary>
    public string Version { get; }

    private string Canonical()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        static string R(Rate? rate) => rate is { } r ? r.Fraction.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
        static string M(Money? money) => money is { } m ? m.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
        var text = new System.Text.StringBuilder("commission-plan|");
        text.Append(Name).Append('|').Append(Currency.Code).Append('/').Append(Currency.MinorUnit.ToString(inv)).Append("|levels=");
        foreach (var rate in _levelRates)
        {
            text.Append(R(rate)).Append(';');
        }

        text.Append("|self=").Append(R(SelfPurchaseRebate)).Append("|overrides=");
        foreach (var o in _overrides)
        {
            text.Append(o.Target).Append(':').Append(o.Key.Length.ToString(inv)).Append(':').Append(o.Key).Append('=');
            foreach (var level in o.Levels)
            {
                text.Append(level.Level.ToString(inv)).Append(level.Rate is { } r ? "r" + R(r) : "f" + M(level.FixedPerUnit)).Append(',');
            }

            text.Append(';');
        }

        text.Append('|').Append(Eligibility).Append('|').Append(IneligibleShare).Append("|differential=");
        if (RankDifferential is { } d)
        {
            text.Append(d.Depth.ToString(inv)).Append(':');
            foreach (var rate in d.RankRates)
            {
                text.Append(R(rate)).Append(';');
            }
        }

        text.Append("|saleCap=").Append(R(SaleCap)).Append("|perBeneficiary=").Append(M(PerBeneficiaryCap))
            .Append("|shipping=").Append(IncludeShippingInBase).Append("|window=").Append(ReturnWindow.BclCompatibleTicks.ToString(inv))
            .Append("|rules=").Append(string.Join(";", _rules)).Append('|').Append(EarningRequirement).Append("|reward=").Append(M(RecruitmentReward));
        return text.ToString();
    }

    /// <summary>Gets the plan's name, used in explanations and as the subject of compliance findings.</summary>
    public string Name { get; }

    /// <summary>Gets the plan's currency: sales and fixed amounts must be in it.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the rate of each upline level: index 0 is level 1 (the buyer's direct referrer).</summary>
    public IReadOnlyList<Rate> LevelRates => _levelRates;

    /// <summary>Gets the level-0 rebate the buyer earns on their own purchase, if any.</summary>
    public Rate? SelfPurchaseRebate { get; }

    /// <summary>Gets the per-product and per-category overrides; a product override wins over a category override.</summary>
    public IReadOnlyList<CommissionOverride> Overrides => _overrides;

    /// <summary>Gets who may earn.</summary>
    public CommissionEligibility Eligibility { get; }

    /// <summary>Gets what happens to the share of a member who may not earn.</summary>
    public IneligibleShare IneligibleShare { get; }

    /// <summary>Gets the rank-differential schedule, when the plan pays by rank instead of by level.</summary>
    public RankDifferentialSchedule? RankDifferential { get; }

    /// <summary>Gets the cap on a sale's total payout, as a ratio of the sale's commissionable base, if any.</summary>
    public Rate? SaleCap { get; }

    /// <summary>Gets the cap on what one beneficiary earns from one sale, if any.</summary>
    public Money? PerBeneficiaryCap { get; }

    /// <summary>Gets a value indicating whether shipping is part of the commissionable base (by default it is not).</summary>
    public bool IncludeShippingInBase { get; }

    /// <summary>Gets how long earnings stay frozen after the sale completes (the return window).</summary>
    public Duration ReturnWindow { get; }

    /// <summary>Gets the names of the host rules the plan runs, in order.</summary>
    public IReadOnlyList<string> Rules => _rules;

    /// <summary>Gets what a member must do before earning (declared for compliance checks).</summary>
    public EarningRequirement EarningRequirement { get; }

    /// <summary>
    /// Gets the reward the scheme pays for recruiting a member, if the host declares one. Declared so that the scheme
    /// can be checked; a quote never pays it from a sale.
    /// </summary>
    public Money? RecruitmentReward { get; }

    /// <summary>
    /// Gets the plan's paid depth: the highest upline level that any level rate, override rate, fixed amount or rank
    /// rate can pay (0 when only the self-purchase rebate, or nothing, is paid). Rates of 0 % do not count.
    /// </summary>
    public int PaidDepth { get; }

    /// <summary>Starts a fluent builder for a plan.</summary>
    /// <param name="name">The plan's name.</param>
    /// <param name="currency">The plan's currency.</param>
    /// <returns>A new builder.</returns>
    public static CommissionPlanBuilder CreateBuilder(string name, Currency currency) => new(name, currency);

    /// <summary>Loads a plan from a JSON plan document (see docs/commissions.md for the format).</summary>
    /// <param name="json">The document.</param>
    /// <param name="rules">The host rules the document may refer to by name; none when null.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="InvalidCommissionPlanException">The document is malformed or describes an invalid plan; the message names the JSON path and the value.</exception>
    public static CommissionPlan FromJson(string json, CommissionRuleCatalog? rules = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return CommissionPlanDocument.Parse(json, rules);
    }

    /// <summary>
    /// Describes the plan for compliance profiles.
    /// </summary>
    /// <returns>The facts: name, paid depth, the most the rates can pay, recruitment rewards, entry fee.</returns>
    /// <remarks>
    /// <see cref="PlanFacts.MaxTotalRate"/> is, over levels 1..n, the sum of the largest rate of each level across the
    /// level rates and the overrides' rates, plus the self-purchase rebate (for a rank-differential plan: the largest
    /// rank rate plus the self-purchase rebate, since differentials never add up to more). Fixed amounts per unit are
    /// not a share of the base and are not counted; they count in <see cref="PlanFacts.PaidDepth"/>, and at run time
    /// the engine's compliance stage still caps every sale, fixed amounts included, to the profile's ratio.
    /// <see cref="PlanFacts.RewardsRecruitment"/> is true when a positive <see cref="RecruitmentReward"/> is declared;
    /// <see cref="PlanFacts.RequiresEntryFee"/> when <see cref="EarningRequirement"/> is not <see cref="EarningRequirement.None"/>.
    /// Host rules are code, not data, and are not counted: what they add is bounded at run time by the engine's compliance stage.
    /// </remarks>
    public PlanFacts ToPlanFacts() => new(
        Name,
        PaidDepth,
        Rate.FromFraction(MaxTotalFraction()),
        RecruitmentReward is { IsZero: false },
        EarningRequirement != EarningRequirement.None)
    {
        ReturnWindow = ReturnWindow,
    };

    /// <summary>Formats as <c>"CommissionPlan two-level (CNY, paid depth 2)"</c>.</summary>
    public override string ToString() => $"CommissionPlan {Name} ({Currency.Code}, paid depth {PaidDepth})";

    internal decimal MaxTotalFraction()
    {
        var total = SelfPurchaseRebate?.Fraction ?? 0m;
        if (RankDifferential is { } differential)
        {
            var max = 0m;
            foreach (var rate in differential.RankRates)
            {
                max = Math.Max(max, rate.Fraction);
            }

            return total + max;
        }

        var depth = _levelRates.Length;
        foreach (var o in _overrides)
        {
            depth = Math.Max(depth, o.Levels.Count);
        }

        for (var level = 1; level <= depth; level++)
        {
            var max = level <= _levelRates.Length ? _levelRates[level - 1].Fraction : 0m;
            foreach (var o in _overrides)
            {
                if (level <= o.Levels.Count && o.Levels[level - 1].Rate is { } rate)
                {
                    max = Math.Max(max, rate.Fraction);
                }
            }

            total += max;
        }

        return total;
    }

    private int ComputePaidDepth()
    {
        if (RankDifferential is { } differential)
        {
            foreach (var rate in differential.RankRates)
            {
                if (!rate.IsZero)
                {
                    return differential.Depth;
                }
            }

            return 0;
        }

        var depth = 0;
        for (var i = 0; i < _levelRates.Length; i++)
        {
            if (!_levelRates[i].IsZero)
            {
                depth = i + 1;
            }
        }

        foreach (var o in _overrides)
        {
            for (var i = 0; i < o.Levels.Count; i++)
            {
                var payout = o.Levels[i];
                var pays = payout.Rate is { } rate ? !rate.IsZero : payout.FixedPerUnit is { IsZero: false };
                if (pays)
                {
                    depth = Math.Max(depth, i + 1);
                }
            }
        }

        return depth;
    }
}
