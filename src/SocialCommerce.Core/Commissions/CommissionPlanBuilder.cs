using System;
using NodaTime;

namespace SocialCommerce.Commissions;

/// <summary>
/// Builds a <see cref="CommissionPlan"/> in code. Start with <see cref="CommissionPlan.CreateBuilder(string, Currency)"/>.
/// </summary>
/// <remarks>
/// Every method records what it is given and returns the builder; <see cref="Build"/> checks everything at once and
/// refuses a malformed or contradictory plan with an <see cref="InvalidCommissionPlanException"/> whose
/// <see cref="InvalidRuleException.Path"/> names the builder member (e.g. <c>Level(3)</c>). Not thread-safe.
/// </remarks>
public sealed class CommissionPlanBuilder
{
    private readonly PlanDraft _draft = new();

    internal CommissionPlanBuilder(string name, Currency currency)
    {
        _draft.Name = name;
        _draft.Currency = currency;
    }

    /// <summary>Sets the rate of one upline level.</summary>
    /// <param name="level">The level, from 1 (the buyer's direct referrer); levels must end up contiguous.</param>
    /// <param name="rate">The rate of the commissionable base.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder Level(int level, Rate rate)
    {
        _draft.Levels.Add(new PayoutEntry(level, rate.Fraction, null));
        return this;
    }

    /// <summary>Sets the rates of levels 1..n in order, e.g. <c>Levels(Rate.Percent(10), Rate.Percent(5))</c>.</summary>
    /// <param name="rates">The rates of level 1, level 2, ...</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rates"/> is null.</exception>
    public CommissionPlanBuilder Levels(params Rate[] rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        for (var i = 0; i < rates.Length; i++)
        {
            Level(i + 1, rates[i]);
        }

        return this;
    }

    /// <summary>Pays the buyer a level-0 rebate on their own purchase.</summary>
    /// <param name="rate">The rate of the commissionable base.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder SelfPurchaseRebate(Rate rate)
    {
        _draft.SelfRate = rate.Fraction;
        return this;
    }

    /// <summary>Replaces the level schedule for one product (SKU).</summary>
    /// <param name="productId">The product id (ordinal).</param>
    /// <param name="configure">Sets the override's levels.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public CommissionPlanBuilder ProductOverride(string productId, Action<CommissionOverrideBuilder> configure) =>
        AddOverride(OverrideTarget.Product, productId, configure);

    /// <summary>Replaces the level schedule for one category.</summary>
    /// <param name="category">The category (ordinal).</param>
    /// <param name="configure">Sets the override's levels.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public CommissionPlanBuilder CategoryOverride(string category, Action<CommissionOverrideBuilder> configure) =>
        AddOverride(OverrideTarget.Category, category, configure);

    /// <summary>Sets who may earn and what happens to the share of a member who may not.</summary>
    /// <param name="eligibility">Who may earn; <see cref="CommissionEligibility.EveryMember"/> by default.</param>
    /// <param name="ineligibleShare">What happens to an ineligible member's share; <see cref="IneligibleShare.Forfeit"/> by default.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder Eligibility(CommissionEligibility eligibility, IneligibleShare ineligibleShare)
    {
        _draft.Eligibility = eligibility;
        _draft.IneligibleShare = ineligibleShare;
        return this;
    }

    /// <summary>Pays by rank (级差) instead of by level: each upline earns its rank's rate minus the rate already earned below it.</summary>
    /// <param name="depth">The highest upline level that can earn.</param>
    /// <param name="rankRates">The rate of each rank, from rank 0 (the lowest).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rankRates"/> is null.</exception>
    public CommissionPlanBuilder RankDifferential(int depth, params Rate[] rankRates)
    {
        ArgumentNullException.ThrowIfNull(rankRates);
        _draft.DifferentialDepth = depth;
        _draft.RankRates = [];
        foreach (var rate in rankRates)
        {
            _draft.RankRates.Add(rate.Fraction);
        }

        return this;
    }

    /// <summary>Caps a sale's total payout at a ratio of its commissionable base; every line is scaled by one factor.</summary>
    /// <param name="ratio">The largest share of the base paid out in total.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder CapSaleTotal(Rate ratio)
    {
        _draft.SaleCap = ratio.Fraction;
        return this;
    }

    /// <summary>Caps what one beneficiary earns from one sale.</summary>
    /// <param name="cap">The cap, in the plan's currency.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder CapPerBeneficiary(Money cap)
    {
        _draft.PerBeneficiaryCap = cap;
        return this;
    }

    /// <summary>Makes shipping part of the commissionable base (by default it is excluded).</summary>
    /// <param name="include">Whether shipping is included.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder IncludeShippingInBase(bool include = true)
    {
        _draft.IncludeShipping = include;
        return this;
    }

    /// <summary>Sets how long earnings stay frozen after the sale completes.</summary>
    /// <param name="window">The return window; not negative. Zero by default.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder ReturnWindow(Duration window)
    {
        _draft.ReturnWindow = window;
        return this;
    }

    /// <summary>Runs a host rule, by name, after the built-in proposals and before the caps (in the order added).</summary>
    /// <param name="name">The rule's name in the catalog passed to <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder Rule(string name)
    {
        _draft.Rules.Add(name);
        return this;
    }

    /// <summary>Declares what a member must do before earning (for compliance checks).</summary>
    /// <param name="requirement">The requirement; <see cref="EarningRequirement.None"/> by default.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder RequireForEarning(EarningRequirement requirement)
    {
        _draft.EarningRequirement = requirement;
        return this;
    }

    /// <summary>Declares a reward the scheme pays for recruiting a member, so that compliance profiles can check it. Quotes never pay it.</summary>
    /// <param name="reward">The reward per recruit, in the plan's currency.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder DeclareRecruitmentReward(Money reward)
    {
        _draft.RecruitmentReward = reward;
        return this;
    }

    /// <summary>Checks the plan and builds it.</summary>
    /// <param name="rules">The host rules the plan may name; none when null.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="InvalidCommissionPlanException">The plan is malformed or contradictory; the message names the builder member and the value.</exception>
    public CommissionPlan Build(CommissionRuleCatalog? rules = null) => PlanValidation.Validate(_draft, PlanPaths.Builder, rules);

    private CommissionPlanBuilder AddOverride(OverrideTarget target, string key, Action<CommissionOverrideBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var draft = new OverrideDraft(target, key);
        configure(new CommissionOverrideBuilder(draft));
        _draft.Overrides.Add(draft);
        return this;
    }
}
