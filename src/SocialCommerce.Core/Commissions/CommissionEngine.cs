using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using SocialCommerce.Compliance;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Commissions;

/// <summary>
/// Quotes sales under one <see cref="CommissionPlan"/>: runs the rule pipeline, rounds, and applies the compliance
/// profile as a final stage no rule can remove.
/// </summary>
/// <remarks>
/// <para>
/// The pipeline, in order: the proposals (<see cref="CommissionRuleNames.LevelRates"/> and
/// <see cref="CommissionRuleNames.Overrides"/>, or <see cref="CommissionRuleNames.RankDifferential"/>), then
/// <see cref="CommissionRuleNames.Eligibility"/> (when the plan pays only enabled distributors), then the plan's host
/// rules in order, then <see cref="CommissionRuleNames.PerBeneficiaryCap"/> and <see cref="CommissionRuleNames.SaleCap"/>
/// (when the plan has them). Every line is then rounded toward zero to the minor unit. Last, the compliance stage
/// applies <see cref="CommissionEngineOptions.Compliance"/>: under <see cref="ComplianceMode.Enforce"/> it removes
/// lines above the profile's paid depth (checking each stated level against the network: a line paying a member who is
/// neither the buyer nor within the paid depth of the buyer's upline is removed too) and scales the rest down to its payout ratio of the sale's base (one factor,
/// each line rounded toward zero); under <see cref="ComplianceMode.Audit"/> it only records the same findings.
/// </para>
/// <para>
/// Creating an engine runs the profile's plan checks (<see cref="ComplianceProfile.CheckPlan"/> over
/// <see cref="CommissionPlan.ToPlanFacts"/>: paid depth, payout ratio, head-count rewards, entry fees) and, under
/// <see cref="ComplianceMode.Enforce"/>, refuses a plan with an error finding with a <see cref="PlanRefusedException"/>.
/// </para>
/// <para>
/// The plan is compiled into dense arrays once. Quoting is pure, deterministic and thread-safe: one engine serves
/// concurrent quotes; each thread reuses its own working buffers, so <see cref="QuoteInto"/> allocates nothing in
/// steady state.
/// </para>
/// </remarks>
public sealed class CommissionEngine
{
    [ThreadStatic]
    private static CommissionRuleContext? t_context;

    private readonly CompiledPlan _compiled;
    private readonly ICommissionRule[] _pipeline;
    private readonly DirectQuote? _direct;
    private readonly ComplianceProfile? _profile;
    private readonly SocialCommerceListener? _listener;
    private readonly IDistributorStatus? _distributors;
    private readonly IMemberRanks? _ranks;

    /// <summary>Creates an engine for a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="options">Host rules, compliance profile, eligibility and ranks; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="InvalidCommissionPlanException">The plan names a rule the catalog does not hold.</exception>
    /// <exception cref="ArgumentException">The plan pays by rank but <see cref="CommissionEngineOptions.Ranks"/> is not set.</exception>
    /// <exception cref="PlanRefusedException">The plan's paid depth or total rate exceeds an enforced compliance profile.</exception>
    public CommissionEngine(CommissionPlan plan, CommissionEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new CommissionEngineOptions();
        Plan = plan;
        _compiled = new CompiledPlan(plan);
        _profile = options.Compliance;
        _listener = options.Listener;
        _distributors = options.Distributors;
        _ranks = options.Ranks;

        if (_compiled.IsDifferential && _ranks is null)
        {
            throw new ArgumentException($"Plan '{plan.Name}' pays by rank (rank differential): CommissionEngineOptions.Ranks is null; pass an IMemberRanks.", nameof(options));
        }

        var pipeline = new List<ICommissionRule>();
        if (_compiled.IsDifferential)
        {
            pipeline.Add(RankDifferentialRule.Instance);
        }
        else
        {
            pipeline.Add(LevelRatesRule.Instance);
            if (_compiled.HasOverrides)
            {
                pipeline.Add(OverridesRule.Instance);
            }
        }

        if (_compiled.NeedsEligibility)
        {
            pipeline.Add(EligibilityRule.Instance);
        }

        for (var i = 0; i < plan.Rules.Count; i++)
        {
            var name = plan.Rules[i];
            if (options.Rules is null || !options.Rules.TryGet(name, out var rule))
            {
                throw new InvalidCommissionPlanException(plan.Name, string.Create(CultureInfo.InvariantCulture, $"Rules[{i}]"), "\"" + name + "\"", "unknown rule: CommissionEngineOptions.Rules holds no rule of that name.");
            }

            pipeline.Add(rule);
        }

        if (_compiled.HasPerBeneficiaryCap)
        {
            pipeline.Add(PerBeneficiaryCapRule.Instance);
        }

        if (_compiled.HasSaleCap)
        {
            pipeline.Add(SaleCapRule.Instance);
        }

        _pipeline = [.. pipeline];
        _direct = DirectQuote.For(_compiled, plan.Rules.Count > 0, _profile, _distributors);
        PlanFindings = CheckPlan(plan, _profile, _listener);
    }

    /// <summary>Gets the plan.</summary>
    public CommissionPlan Plan { get; }

    /// <summary>Sets whether every quote takes the rule pipeline (for tests that compare it with the whole-minor-unit path).</summary>
    internal bool PipelineOnly
    {
        init
        {
            if (value)
            {
                _direct = null;
            }
        }
    }

    /// <summary>Gets the compliance profile applied by the final stage, if any.</summary>
    public ComplianceProfile? Compliance => _profile;

    /// <summary>Gets the findings of the plan check (under an audit profile; an enforced profile refuses instead).</summary>
    public IReadOnlyList<ComplianceFinding> PlanFindings { get; }

    /// <summary>Gets the names of the rules in pipeline order (the compliance stage, which always runs last, is not listed).</summary>
    public IReadOnlyList<string> RuleNames
    {
        get
        {
            var names = new string[_pipeline.Length];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = _pipeline[i].Name;
            }

            return names;
        }
    }

    /// <summary>Quotes a sale.</summary>
    /// <param name="sale">The sale.</param>
    /// <param name="network">The referral network, read for the buyer's upline.</param>
    /// <returns>The quote: lines, pool, residual, adjustments and compliance findings.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CurrencyMismatchException">The sale is not in the plan's currency.</exception>
    /// <exception cref="UnknownMemberException">The buyer is not in the network.</exception>
    /// <exception cref="InvalidOperationException">A host rule proposed an invalid line, or eligibility or ranks are missing.</exception>
    public CommissionQuote Quote(Sale sale, IReferralNetwork network)
    {
        using var operation = _listener?.StartOperation(SocialCommerceOperations.Quote);
        if (_direct is not null && QuoteDirect(sale, network) is { } direct)
        {
            _listener?.OnQuoted(new QuotedArguments(Plan.Name, sale.Id, direct.Total, direct.Lines.Count, direct));
            return direct;
        }

        var context = Rent(sale, network);
        try
        {
            List<ComplianceFinding>? findings = null;
            var rounding = Run(context, sale, network, collect: true, ref findings);
            var count = context.Count;
            var lines = new CommissionLine[count];
            var total = 0m;
            for (var i = 0; i < count; i++)
            {
                lines[i] = context.LineBuffer[i];
                total += lines[i].Amount.Amount;
            }

            var quote = new CommissionQuote(
                sale,
                Plan.Name,
                _compiled.Display(context.SaleBaseAmount),
                _compiled.Display(context.PoolAmount),
                _compiled.Display(total),
                _compiled.Display(context.PoolAmount - total),
                _compiled.Display(rounding),
                new CommissionLines(lines),
                context.Adjustments.Count == 0 ? [] : [.. context.Adjustments],
                findings is null ? [] : [.. findings])
            {
                PlanVersion = Plan.Version,
            };
            _listener?.OnQuoted(new QuotedArguments(Plan.Name, sale.Id, quote.Total, count, quote));
            return quote;
        }
        finally
        {
            Return(context);
        }
    }

    /// <summary>
    /// Quotes a sale into a caller-supplied buffer, for batch processing: the same lines as <see cref="Quote"/>, without
    /// adjustments or findings, and no allocation in steady state.
    /// </summary>
    /// <param name="sale">The sale.</param>
    /// <param name="network">The referral network.</param>
    /// <param name="destination">Where the lines are written, from index 0.</param>
    /// <param name="residual">What stays with the platform: pool − sum of the lines written.</param>
    /// <returns>The number of lines written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short; the message gives the length needed. Nothing is written.</exception>
    /// <exception cref="CurrencyMismatchException">The sale is not in the plan's currency.</exception>
    /// <exception cref="UnknownMemberException">The buyer is not in the network.</exception>
    public int QuoteInto(Sale sale, IReferralNetwork network, Span<CommissionLine> destination, out Money residual)
    {
        if (_direct is not null)
        {
            CheckSale(sale, network);

            if (_direct.TryQuote(sale, network, destination, out var totals))
            {
                residual = new Money(totals.Residual, _compiled.Currency);
                _listener?.OnQuoted(new QuotedArguments(Plan.Name, sale.Id, new Money(totals.Total, _compiled.Currency), totals.Count, null));
                return totals.Count;
            }
        }

        var context = Rent(sale, network);
        try
        {
            List<ComplianceFinding>? findings = null;
            Run(context, sale, network, collect: false, ref findings);
            var lines = context.LineBuffer;
            if (lines.Length > destination.Length)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Destination has room for {destination.Length} lines; sale '{sale.Id}' needs {lines.Length}."), nameof(destination));
            }

            var total = 0m;
            for (var i = 0; i < lines.Length; i++)
            {
                destination[i] = lines[i];
                total += lines[i].Amount.Amount;
            }

            residual = new Money(context.PoolAmount - total, _compiled.Currency);
            _listener?.OnQuoted(new QuotedArguments(Plan.Name, sale.Id, new Money(total, _compiled.Currency), lines.Length, null));
            return lines.Length;
        }
        finally
        {
            Return(context);
        }
    }

    /// <summary>
    /// <see cref="Quote"/> on the whole-minor-unit path: the same quote as the pipeline's when the path applies, the sale
    /// raises no compliance finding and eligibility adjusts nothing. Otherwise null, and the pipeline quotes the sale: it
    /// words the findings of an audited profile (payout ratio, paid depth) and records each forfeit and compression as
    /// an adjustment.
    /// </summary>
    private CommissionQuote? QuoteDirect(Sale sale, IReferralNetwork network)
    {
        CheckSale(sale, network);

        if (!_direct!.TryQuote(sale, network, out var lines, out var totals) || totals.Finding || totals.Adjusted)
        {
            return null;
        }

        return new CommissionQuote(sale, Plan.Name, totals, new CommissionLines(lines, _direct, sale))
        {
            PlanVersion = Plan.Version,
        };
    }

    private CommissionRuleContext Rent(Sale sale, IReferralNetwork network)
    {
        CheckSale(sale, network);

        var context = t_context ?? new CommissionRuleContext();
        t_context = null;
        return context;
    }

    /// <summary>The checks every quote makes before it reads the sale: both arguments given, the sale in the plan's currency.</summary>
    private void CheckSale(Sale sale, IReferralNetwork network)
    {
        ArgumentNullException.ThrowIfNull(sale);
        ArgumentNullException.ThrowIfNull(network);
        if (sale.Currency != _compiled.Currency)
        {
            throw SaleCurrencyMismatch(sale);
        }
    }

    private static void Return(CommissionRuleContext context)
    {
        context.Release();
        t_context = context;
    }

    private decimal Run(CommissionRuleContext context, Sale sale, IReferralNetwork network, bool collect, ref List<ComplianceFinding>? findings)
    {
        context.Prepare(_compiled, sale, network, _distributors, _ranks, collect);
        foreach (var rule in _pipeline)
        {
            context.SetRule(rule.Name);
            rule.Apply(context);
        }

        context.SetRule(CommissionRuleNames.Rounding);
        var rounding = context.RoundAll();
        if (_profile is not null)
        {
            context.SetRule(CommissionRuleNames.Compliance);
            ApplyCompliance(context, sale, collect, ref findings);
        }

        return rounding;
    }

    private void ApplyCompliance(CommissionRuleContext context, Sale sale, bool collect, ref List<ComplianceFinding>? findings)
    {
        var profile = _profile!;
        var enforce = profile.Mode == ComplianceMode.Enforce;
        var severity = enforce ? FindingSeverity.Error : FindingSeverity.Warning;
        var currency = _compiled.Currency;
        if (profile.MaxPaidDepth is { } maxDepth)
        {
            for (var i = 0; i < context.Count; i++)
            {
                var line = context.LineBuffer[i];
                var misplaced = false;
                if (line.Level <= maxDepth)
                {
                    if (IsAtLevel(context, line.Beneficiary, line.Level))
                    {
                        continue;
                    }

                    // A rule stated a level the beneficiary is not at: count the real network links.
                    var actual = FindLevel(context, line.Beneficiary, maxDepth);
                    if (actual >= 0)
                    {
                        if (enforce)
                        {
                            context.SetLevel(i, actual);
                        }

                        continue;
                    }

                    misplaced = true;
                }

                if (collect)
                {
                    var what = misplaced
                        ? string.Create(CultureInfo.InvariantCulture, $"Line of member {line.Beneficiary} stated at level {line.Level} ({line.Amount}, rule {line.Rule}) pays a member who is neither the buyer nor within the profile's paid depth {maxDepth} of the buyer's upline")
                        : string.Create(CultureInfo.InvariantCulture, $"Line of member {line.Beneficiary} at level {line.Level} ({line.Amount}, rule {line.Rule}) is beyond the profile's paid depth {maxDepth}");
                    findings ??= [];
                    findings.Add(new ComplianceFinding(
                        ComplianceCodes.SaleLineBeyondPaidDepth,
                        severity,
                        what + (enforce ? ": removed, the amount stays with the platform." : ": it would be removed (audit mode: not applied)."),
                        profile.GetCitation(ComplianceCodes.SaleLineBeyondPaidDepth),
                        FindingScope.Sale,
                        sale.Id));
                }

                if (enforce)
                {
                    context.Remove(i, CommissionAdjustmentKind.Truncated);
                    i--;
                }
            }
        }

        if (profile.MaxPayoutRatio is { } ratio)
        {
            var cap = ratio.Fraction * context.SaleBaseAmount;
            var total = 0m;
            for (var i = 0; i < context.Count; i++)
            {
                total += context.LineBuffer[i].Amount.Amount;
            }

            if (total > cap)
            {
                if (enforce)
                {
                    SaleCapRule.ScaleDown(context, cap, CommissionLineMarks.ScaledByCompliance, CommissionAdjustmentKind.ScaledByCompliance);
                    context.RoundAll();
                }

                if (collect)
                {
                    var after = 0m;
                    for (var i = 0; i < context.Count; i++)
                    {
                        after += context.LineBuffer[i].Amount.Amount;
                    }

                    findings ??= [];
                    findings.Add(new ComplianceFinding(
                        ComplianceCodes.SalePayoutRatioCapped,
                        severity,
                        enforce
                            ? string.Create(CultureInfo.InvariantCulture, $"Payout {_compiled.Display(total)} exceeds {ratio} of the base {_compiled.Display(context.SaleBaseAmount)} ({_compiled.Display(cap)}): every line scaled by {cap / total:0.######} and rounded toward zero to {_compiled.Display(after)}; {_compiled.Display(total - after)} stays with the platform.")
                            : string.Create(CultureInfo.InvariantCulture, $"Payout {_compiled.Display(total)} exceeds {ratio} of the base {_compiled.Display(context.SaleBaseAmount)} ({_compiled.Display(cap)}); it would be scaled down (audit mode: not applied)."),
                        profile.GetCitation(ComplianceCodes.SalePayoutRatioCapped),
                        FindingScope.Sale,
                        sale.Id));
                }
            }
        }
    }

    private static bool IsAtLevel(CommissionRuleContext context, MemberId member, int level)
    {
        if (level == 0)
        {
            return member == context.Sale.Buyer;
        }

        return context.TryGetUpline(level, out var atLevel) && atLevel == member;
    }

    private static int FindLevel(CommissionRuleContext context, MemberId member, int maxDepth)
    {
        for (var level = 0; level <= maxDepth; level++)
        {
            if (IsAtLevel(context, member, level))
            {
                return level;
            }
        }

        return -1;
    }

    private static ComplianceFinding[] CheckPlan(CommissionPlan plan, ComplianceProfile? profile, SocialCommerceListener? listener)
    {
        if (profile is null)
        {
            return [];
        }

        // The profile's own checks (paid depth, payout ratio, head-count rewards, entry fees, team compensation).
        var decision = profile.CheckPlan(plan.ToPlanFacts());
        listener?.OnComplianceDecision(new ComplianceDecisionArguments(decision));
        if (decision.IsRefused)
        {
            var errors = new List<ComplianceFinding>();
            foreach (var finding in decision.Findings)
            {
                if (finding.Severity == FindingSeverity.Error)
                {
                    errors.Add(finding);
                }
            }

            throw new PlanRefusedException(plan.Name, profile.Name, errors);
        }

        return [.. decision.Findings];
    }

    private CurrencyMismatchException SaleCurrencyMismatch(Sale sale) =>
        new(_compiled.Currency, sale.Currency, $"Sale '{sale.Id}' is in {CurrencyMismatchException.Describe(sale.Currency, _compiled.Currency)}: plan '{Plan.Name}' pays in {_compiled.Currency.Code}; quote the sale with a plan in its currency.");
}
