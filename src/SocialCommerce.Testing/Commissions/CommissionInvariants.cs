using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Testing;

/// <summary>
/// The commission engine's invariants as checks a host runs on its own quotes: conservation of money, caps and paid
/// depth under a compliance profile and under the plan, and beneficiaries on the buyer's upline.
/// </summary>
public static class CommissionInvariants
{
    /// <summary>The name of the conservation invariant.</summary>
    public const string ConservationName = "commission conservation";

    /// <summary>The name of the profile-limits invariant.</summary>
    public const string ProfileLimitsName = "profile limits";

    /// <summary>The name of the plan-caps invariant.</summary>
    public const string PlanCapsName = "plan caps";

    /// <summary>The name of the upline invariant.</summary>
    public const string UplineName = "paid on the upline";

    /// <summary>
    /// Checks that a quote creates and loses nothing: every line is non-negative, in whole minor units of the quote's
    /// currency; the lines add up to <see cref="CommissionQuote.Total"/>; <c>Total + Residual == Pool</c> exactly;
    /// the residual is non-negative and fully explained by the adjustments' shares plus the rounding residual.
    /// </summary>
    /// <param name="quote">The quote.</param>
    /// <returns>The result; a failure lists every broken identity with its amounts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quote"/> is null.</exception>
    public static InvariantResult Conservation(CommissionQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return Result(ConservationName, quote, ConservationProblems(quote));
    }

    /// <summary>
    /// Checks <see cref="Conservation(CommissionQuote)"/> and that the rules proposed exactly what they are entitled to:
    /// <c>Pool == entitledPool</c>. A host computes the entitlement independently of its rule (from the rule's
    /// specification), so a rule that creates money — by rounding up, double counting, or paying twice — shows up as
    /// a pool above the entitlement, and one that loses money as a pool below it.
    /// </summary>
    /// <param name="quote">The quote.</param>
    /// <param name="entitledPool">What the plan and the host rules are entitled to propose for the sale, exactly.</param>
    /// <returns>The result; a failure names the pool, the entitlement and the difference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quote"/> is null.</exception>
    public static InvariantResult Conservation(CommissionQuote quote, Money entitledPool)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var problems = ConservationProblems(quote);
        if (entitledPool.Currency != quote.Currency)
        {
            problems.Add($"the entitlement is in {entitledPool.Currency?.Code ?? "(none)"} but the quote is in {quote.Currency.Code}");
        }
        else if (quote.Pool.Amount != entitledPool.Amount)
        {
            var gap = quote.Pool.Amount - entitledPool.Amount;
            problems.Add(F($"the rules proposed a pool of {quote.Pool.Amount} {quote.Currency.Code} but are entitled to {entitledPool.Amount}: {Math.Abs(gap)} {(gap > 0m ? "created" : "lost")}. Lines: {Lines(quote)}"));
        }

        return Result(ConservationName, quote, problems);
    }

    private static List<string> ConservationProblems(CommissionQuote quote)
    {
        var problems = new List<string>();
        var currency = quote.Currency;
        var sum = 0m;
        foreach (var line in quote.Lines)
        {
            if (line.Amount.Currency != currency)
            {
                problems.Add($"line {Describe(line)} is in {line.Amount.Currency?.Code ?? "(none)"}, not {currency.Code}");
                continue;
            }

            if (line.Amount.Amount < 0m)
            {
                problems.Add($"line {Describe(line)} is negative");
            }

            if (!line.Amount.IsWholeMinorUnits)
            {
                problems.Add($"line {Describe(line)} is not a whole number of minor units of {currency.Code}");
            }

            sum += line.Amount.Amount;
        }

        if (sum != quote.Total.Amount)
        {
            problems.Add(F($"the lines add up to {sum} but Total is {quote.Total.Amount}"));
        }

        if (quote.Total.Amount + quote.Residual.Amount != quote.Pool.Amount)
        {
            var gap = quote.Total.Amount + quote.Residual.Amount - quote.Pool.Amount;
            problems.Add(F($"Total {quote.Total.Amount} + Residual {quote.Residual.Amount} = {quote.Total.Amount + quote.Residual.Amount}, but Pool is {quote.Pool.Amount}: {Math.Abs(gap)} {(gap > 0m ? "created" : "lost")}"));
        }

        if (quote.Residual.Amount < 0m)
        {
            problems.Add(F($"Residual {quote.Residual.Amount} is negative: the lines pay more than the rules proposed"));
        }

        var explained = quote.Adjustments.Sum(a => a.ToResidual.Amount) + quote.RoundingResidual.Amount;
        if (explained != quote.Residual.Amount)
        {
            problems.Add(F($"Residual {quote.Residual.Amount} is not explained: adjustments to the residual {explained - quote.RoundingResidual.Amount} + rounding {quote.RoundingResidual.Amount} = {explained}"));
        }

        return problems;
    }

    /// <summary>
    /// Checks that a quote respects a compliance profile's limits: no line above <see cref="ComplianceProfile.MaxPaidDepth"/>
    /// and a total within <see cref="ComplianceProfile.MaxPayoutRatio"/> of the base. An engine enforcing the profile
    /// guarantees this whatever the host rules do; an engine that only audits does not.
    /// </summary>
    /// <param name="quote">The quote.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>The result; a failure names each offending line or the total and the limit.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static InvariantResult RespectsProfile(CommissionQuote quote, ComplianceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<string>();
        if (profile.MaxPaidDepth is { } depth)
        {
            foreach (var line in quote.Lines.Where(l => l.Level > depth))
            {
                problems.Add(F($"line {Describe(line)} pays level {line.Level}, beyond profile '{profile.Name}''s paid depth {depth}"));
            }
        }

        if (profile.MaxPayoutRatio is { } ratio && quote.Total.Amount > quote.Base.Amount * ratio.Fraction)
        {
            problems.Add(F($"total {quote.Total.Amount} exceeds profile '{profile.Name}''s payout ratio {ratio} of the base {quote.Base.Amount} (at most {quote.Base.Amount * ratio.Fraction})"));
        }

        return Result(ProfileLimitsName, quote, problems);
    }

    /// <summary>
    /// Checks that a quote respects the plan's own caps: the total within <see cref="CommissionPlan.SaleCap"/> of the base,
    /// and each beneficiary's lines within <see cref="CommissionPlan.PerBeneficiaryCap"/>.
    /// </summary>
    /// <param name="quote">The quote.</param>
    /// <param name="plan">The plan that produced it.</param>
    /// <returns>The result; a failure names the beneficiary or the total and the cap.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static InvariantResult RespectsPlanCaps(CommissionQuote quote, CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<string>();
        if (plan.SaleCap is { } cap && quote.Total.Amount > quote.Base.Amount * cap.Fraction)
        {
            problems.Add(F($"total {quote.Total.Amount} exceeds plan '{plan.Name}''s sale cap {cap} of the base {quote.Base.Amount} (at most {quote.Base.Amount * cap.Fraction})"));
        }

        if (plan.PerBeneficiaryCap is { } perBeneficiary)
        {
            foreach (var group in quote.Lines.GroupBy(l => l.Beneficiary))
            {
                var earned = group.Sum(l => l.Amount.Amount);
                if (earned > perBeneficiary.Amount)
                {
                    problems.Add(F($"member {group.Key.Value} earns {earned}, above plan '{plan.Name}''s per-beneficiary cap {perBeneficiary.Amount}"));
                }
            }
        }

        return Result(PlanCapsName, quote, problems);
    }

    /// <summary>
    /// Checks that every line pays the member its level names: level 0 the buyer (self-purchase rebate), level <c>k</c>
    /// the buyer's <c>k</c>-th referrer in <paramref name="network"/> (levels count network links, compression included).
    /// </summary>
    /// <param name="quote">The quote.</param>
    /// <param name="network">The network the sale was quoted against.</param>
    /// <returns>The result; a failure names the line, its level and who should have been paid.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static InvariantResult PaysTheUpline(CommissionQuote quote, IReferralNetwork network)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(network);
        var problems = new List<string>();
        var depth = quote.Lines.IsEmpty ? 0 : Math.Max(0, quote.Lines.Max(l => l.Level));
        var upline = new MemberId[depth];
        var count = network.Contains(quote.Buyer) ? network.CopyUpline(quote.Buyer, upline) : 0;
        foreach (var line in quote.Lines)
        {
            if (line.Level < 0)
            {
                problems.Add($"line {Describe(line)} has a negative level");
            }
            else if (line.Level == 0 && line.Beneficiary != quote.Buyer)
            {
                problems.Add(F($"line {Describe(line)} is level 0 (self-purchase) but pays member {line.Beneficiary.Value}, not the buyer {quote.Buyer.Value}"));
            }
            else if (line.Level > 0 && line.Level > count)
            {
                problems.Add(F($"line {Describe(line)} pays level {line.Level}, but buyer {quote.Buyer.Value} has only {count} referrers above"));
            }
            else if (line.Level > 0 && upline[line.Level - 1] != line.Beneficiary)
            {
                problems.Add(F($"line {Describe(line)} pays member {line.Beneficiary.Value} at level {line.Level}, but the buyer's level-{line.Level} referrer is member {upline[line.Level - 1].Value}"));
            }
        }

        return Result(UplineName, quote, problems);
    }

    private static InvariantResult Result(string name, CommissionQuote quote, List<string> problems) =>
        problems.Count == 0
            ? InvariantResult.Pass(name)
            : InvariantResult.Fail(name, $"sale '{quote.SaleId}' (plan '{quote.PlanName}', buyer {quote.Buyer.Value}): {string.Join("; ", problems)}");

    private static string Describe(CommissionLine line) =>
        F($"[member {line.Beneficiary.Value}, level {line.Level}, sale line {line.SaleLineIndex}, {line.Amount.Amount} by '{line.Rule}']");

    private static string Lines(CommissionQuote quote)
    {
        var text = new StringBuilder();
        foreach (var line in quote.Lines)
        {
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(Describe(line));
        }

        return text.Length == 0 ? "none" : text.ToString();
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
