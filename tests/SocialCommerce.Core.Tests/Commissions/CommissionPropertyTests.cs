using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions;

public sealed class CommissionPropertyTests
{
    private const int Cases = 500;

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Conservation_sum_of_lines_plus_residual_equals_pool_exactly(CommissionScenario s)
    {
        var quote = Quote(s);
        var sum = quote.Lines.Sum(l => l.Amount.Amount);
        Assert.Equal(quote.Pool.Amount, sum + quote.Residual.Amount);
        Assert.Equal(sum, quote.Total.Amount);
        Assert.True(quote.Residual.Amount >= 0m, $"residual {quote.Residual}");

        // The residual is fully explained: every adjustment's share to the platform, plus rounding.
        var explained = quote.Adjustments.Sum(a => a.ToResidual.Amount) + quote.RoundingResidual.Amount;
        Assert.Equal(quote.Residual.Amount, explained);
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void No_line_is_negative_and_every_line_is_whole_minor_units(CommissionScenario s)
    {
        foreach (var line in Quote(s).Lines)
        {
            Assert.True(line.Amount.Amount > 0m, line.Explanation);
            Assert.Equal(decimal.Truncate(line.Amount.Amount * 100m), line.Amount.Amount * 100m);
        }
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void No_payout_above_a_cap(CommissionScenario s)
    {
        var quote = Quote(s);
        var saleBase = s.Lines.Sum(l => (l.PaidMinor + (s.Plan.Shipping ? l.ShippingMinor : 0)) / 100m);
        Assert.Equal(saleBase, quote.Base.Amount);
        if (s.Plan.SaleCapBp >= 0)
        {
            Assert.True(quote.Total.Amount <= saleBase * s.Plan.SaleCapBp / 10000m, $"total {quote.Total} above cap {s.Plan.SaleCapBp} bp of {saleBase}");
        }

        if (s.Plan.PerBeneficiaryCapMinor >= 0)
        {
            foreach (var group in quote.Lines.GroupBy(l => l.Beneficiary))
            {
                Assert.True(group.Sum(l => l.Amount.Amount) <= s.Plan.PerBeneficiaryCapMinor / 100m, $"member {group.Key} above the per-beneficiary cap");
            }
        }
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Paid_levels_never_exceed_the_plans_depth_and_beneficiaries_are_the_buyers_upline(CommissionScenario s)
    {
        var quote = Quote(s);
        var depth = ExpectedPaidDepth(s.Plan);
        var upline = Upline(s);
        foreach (var line in quote.Lines)
        {
            Assert.InRange(line.Level, 0, depth);
            var expected = line.Level == 0 ? CommissionScenario.Member(s.Buyer) : upline[line.Level - 1];
            Assert.Equal(expected, line.Beneficiary);
        }
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Compression_and_forfeit_never_pay_an_ineligible_member(CommissionScenario s)
    {
        if (!s.Plan.OnlyEnabled)
        {
            return;
        }

        var enabled = s.EnabledSet();
        foreach (var line in Quote(s).Lines)
        {
            Assert.Contains(line.Beneficiary, enabled);
        }
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Rank_differential_never_pays_more_than_the_highest_rank_rate_of_the_chain(CommissionScenario s)
    {
        if (!s.Plan.Differential)
        {
            return;
        }

        var quote = Quote(s);
        var upline = Upline(s);
        var reach = Math.Min(s.Plan.DifferentialDepth, upline.Count);
        var highest = 0m;
        for (var level = 1; level <= reach; level++)
        {
            highest = Math.Max(highest, s.Plan.RankBp[s.Ranks[(int)upline[level - 1].Value - 1]] / 10000m);
        }

        foreach (var group in quote.Lines.Where(l => l.Level > 0).GroupBy(l => l.SaleLineIndex))
        {
            var lineBase = group.First().Base.Amount;
            Assert.True(group.Sum(l => l.Amount.Amount) <= lineBase * highest, $"sale line {group.Key} pays above {highest}");
        }
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Enforce_profile_holds_even_against_a_hostile_host_rule(CommissionScenario s, PositiveInt depthSlack, PositiveInt ratioBp)
    {
        var catalog = new CommissionRuleCatalog().Add(new HostileRule());
        var plan = s.Plan.Build(catalog, HostileRule.RuleName);
        var facts = plan.ToPlanFacts();
        var profile = new ComplianceProfile
        {
            Name = "test-enforce",
            MaxPaidDepth = Math.Max(facts.PaidDepth, depthSlack.Get % 4),
            MaxPayoutRatio = Rate.FromFraction(Math.Max(facts.MaxTotalRate.Fraction, ratioBp.Get % 10001 / 10000m)),
            Mode = ComplianceMode.Enforce,
        };
        var engine = new CommissionEngine(plan, s.Options(catalog, profile));
        var quote = engine.Quote(s.BuildSale(), s.BuildNetwork());

        var upline = Upline(s);
        foreach (var line in quote.Lines)
        {
            Assert.True(line.Level <= profile.MaxPaidDepth, $"line at level {line.Level} above profile depth {profile.MaxPaidDepth}");
            Assert.True(line.Amount.Amount > 0m);

            // The stated level is the real number of network links between buyer and beneficiary.
            var actual = line.Beneficiary == CommissionScenario.Member(s.Buyer) ? 0 : upline.IndexOf(line.Beneficiary) + 1;
            Assert.Equal(actual, line.Level);
        }

        Assert.True(quote.Total.Amount <= profile.MaxPayoutRatio.Value.Fraction * quote.Base.Amount, $"total {quote.Total} above {profile.MaxPayoutRatio} of {quote.Base}");
        Assert.Equal(quote.Pool.Amount, quote.Lines.Sum(l => l.Amount.Amount) + quote.Residual.Amount);
        Assert.Equal(quote.Residual.Amount, quote.Adjustments.Sum(a => a.ToResidual.Amount) + quote.RoundingResidual.Amount);
        var truncated = quote.Adjustments.Count(a => a.Kind == CommissionAdjustmentKind.Truncated);
        Assert.Equal(truncated, quote.Findings.Count(f => f.Code == ComplianceCodes.SaleLineBeyondPaidDepth));
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Audit_profile_reports_but_changes_nothing(CommissionScenario s, PositiveInt depth, PositiveInt ratioBp)
    {
        var catalog = new CommissionRuleCatalog().Add(new HostileRule());
        var plan = s.Plan.Build(catalog, HostileRule.RuleName);
        var profile = new ComplianceProfile { Name = "test-audit", MaxPaidDepth = depth.Get % 4, MaxPayoutRatio = Rate.BasisPoints(ratioBp.Get % 10001), Mode = ComplianceMode.Audit };
        var plain = new CommissionEngine(plan, s.Options(catalog)).Quote(s.BuildSale(), s.BuildNetwork());
        var audited = new CommissionEngine(plan, s.Options(catalog, profile)).Quote(s.BuildSale(), s.BuildNetwork());

        Assert.Equal(plain.Lines.ToArray(), audited.Lines.ToArray());
        Assert.Equal(plain.Residual, audited.Residual);
        var upline = Upline(s);
        int RealLevel(MemberId m) => m == CommissionScenario.Member(s.Buyer) ? 0 : upline.Contains(m) ? upline.IndexOf(m) + 1 : int.MaxValue;
        var deep = audited.Lines.Count(l => l.Level > profile.MaxPaidDepth || RealLevel(l.Beneficiary) > profile.MaxPaidDepth);
        Assert.Equal(deep, audited.Findings.Count(f => f.Code == ComplianceCodes.SaleLineBeyondPaidDepth));
        Assert.All(audited.Findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void An_enforced_profile_refuses_exactly_the_plans_above_its_limits(CommissionScenario s, PositiveInt depth, PositiveInt ratioBp)
    {
        var plan = s.Plan.Build();
        var maxDepth = depth.Get % 5;
        var maxRatio = ratioBp.Get % 10001 / 10000m;
        var profile = new ComplianceProfile { Name = "limits", MaxPaidDepth = maxDepth, MaxPayoutRatio = Rate.FromFraction(maxRatio) };
        var expectedDepth = ExpectedPaidDepth(s.Plan);
        var expectedRate = ExpectedMaxTotalRate(s.Plan);
        var shouldRefuse = expectedDepth > maxDepth || expectedRate > maxRatio;

        var refused = Record.Exception(() => new CommissionEngine(plan, s.Options(profile: profile)));
        if (shouldRefuse)
        {
            var e = Assert.IsType<PlanRefusedException>(refused);
            Assert.Equal(expectedDepth > maxDepth, e.Findings.Any(f => f.Code == ComplianceCodes.PlanPaidDepthExceeded));
            Assert.Equal(expectedRate > maxRatio, e.Findings.Any(f => f.Code == ComplianceCodes.PlanPayoutRatioExceeded));
        }
        else
        {
            Assert.Null(refused);
        }
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Quoting_is_deterministic_across_calls_engines_threads_and_the_batch_path(CommissionScenario s)
    {
        var plan = s.Plan.Build();
        var network = s.BuildNetwork();
        var sale = s.BuildSale();
        var engine = new CommissionEngine(plan, s.Options());
        var first = engine.Quote(sale, network);
        var again = new CommissionEngine(plan, s.Options()).Quote(sale, network);
        var parallel = Task.Run(() => engine.Quote(sale, network)).GetAwaiter().GetResult();

        Assert.Equal(first.Lines.ToArray(), again.Lines.ToArray());
        Assert.Equal(first.Lines.ToArray(), parallel.Lines.ToArray());
        Assert.Equal(first.Residual, again.Residual);
        Assert.Equal(first.Adjustments.ToArray(), again.Adjustments.ToArray());

        var buffer = new CommissionLine[64];
        var count = engine.QuoteInto(sale, network, buffer, out var residual);
        Assert.Equal(first.Lines.ToArray(), buffer[..count]);
        Assert.Equal(first.Residual, residual);
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void A_json_document_and_the_builder_give_the_same_plan_and_quotes(CommissionScenario s)
    {
        var built = s.Plan.Build();
        var loaded = CommissionPlan.FromJson(ToJson(s.Plan));

        Assert.Equal(built.ToPlanFacts(), loaded.ToPlanFacts());
        var a = new CommissionEngine(built, s.Options()).Quote(s.BuildSale(), s.BuildNetwork());
        var b = new CommissionEngine(loaded, s.Options()).Quote(s.BuildSale(), s.BuildNetwork());
        Assert.Equal(a.Lines.ToArray(), b.Lines.ToArray());
        Assert.Equal(a.Pool, b.Pool);
        Assert.Equal(a.Residual, b.Residual);
    }

    /// <summary>Writes a generated plan as a JSON plan document, by hand (the SDK only reads documents).</summary>
    private static string ToJson(PlanSpec p)
    {
        static string Bp(int bp) => (bp / 10000m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        static string Minor(long minor) => (minor / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        static string Levels(PayoutSpec[] levels) => string.Join(",", levels.Select((l, i) => l.Fixed
            ? $"{{\"level\":{i + 1},\"fixedPerUnit\":\"{Minor(l.Value)} CNY\"}}"
            : $"{{\"level\":{i + 1},\"rate\":{Bp(l.Value)}}}"));

        var parts = new List<string> { "\"name\":\"generated\"", "\"currency\":\"CNY\"" };
        if (p.Differential)
        {
            parts.Add($"\"rankDifferential\":{{\"depth\":{p.DifferentialDepth},\"rankRates\":[{string.Join(",", p.RankBp.Select(Bp))}]}}");
        }
        else
        {
            parts.Add($"\"levels\":[{string.Join(",", p.LevelBp.Select((bp, i) => $"{{\"level\":{i + 1},\"rate\":{Bp(bp)}}}"))}]");
            var overrides = new List<string>();
            if (p.CategoryOverride is { } c)
            {
                overrides.Add($"{{\"category\":\"c0\",\"levels\":[{Levels(c)}]}}");
            }

            if (p.ProductOverride is { } o)
            {
                overrides.Add($"{{\"product\":\"p0\",\"levels\":[{Levels(o)}]}}");
            }

            parts.Add($"\"overrides\":[{string.Join(",", overrides)}]");
        }

        if (p.SelfBp >= 0)
        {
            parts.Add($"\"selfPurchaseRate\":{Bp(p.SelfBp)}");
        }

        if (p.OnlyEnabled)
        {
            parts.Add("\"eligibility\":\"enabledDistributors\"");
            parts.Add(p.Compress ? "\"ineligibleShare\":\"compress\"" : "\"ineligibleShare\":\"forfeit\"");
        }

        var caps = new List<string>();
        if (p.SaleCapBp >= 0)
        {
            caps.Add($"\"saleRatio\":{Bp(p.SaleCapBp)}");
        }

        if (p.PerBeneficiaryCapMinor >= 0)
        {
            caps.Add($"\"perBeneficiary\":{Minor(p.PerBeneficiaryCapMinor)}");
        }

        parts.Add($"\"caps\":{{{string.Join(",", caps)}}}");
        parts.Add(p.Shipping ? "\"includeShippingInBase\":true" : "\"includeShippingInBase\":false");
        return "{" + string.Join(",", parts) + "}";
    }

    private static CommissionQuote Quote(CommissionScenario s) =>
        new CommissionEngine(s.Plan.Build(), s.Options()).Quote(s.BuildSale(), s.BuildNetwork());

    private static List<MemberId> Upline(CommissionScenario s)
    {
        var upline = new List<MemberId>();
        for (var p = s.Parents[s.Buyer]; p >= 0; p = s.Parents[p])
        {
            upline.Add(CommissionScenario.Member(p));
        }

        return upline;
    }

    /// <summary>The paid depth computed from the generated spec, independently of the plan's own computation.</summary>
    private static int ExpectedPaidDepth(PlanSpec p)
    {
        if (p.Differential)
        {
            return p.RankBp.Any(r => r > 0) ? p.DifferentialDepth : 0;
        }

        var depth = 0;
        for (var i = 0; i < p.LevelBp.Length; i++)
        {
            depth = p.LevelBp[i] > 0 ? i + 1 : depth;
        }

        foreach (var o in new[] { p.CategoryOverride, p.ProductOverride })
        {
            for (var i = 0; o is not null && i < o.Length; i++)
            {
                depth = o[i].Value > 0 ? Math.Max(depth, i + 1) : depth;
            }
        }

        return depth;
    }

    private static decimal ExpectedMaxTotalRate(PlanSpec p)
    {
        var self = p.SelfBp > 0 ? p.SelfBp / 10000m : 0m;
        if (p.Differential)
        {
            return self + (p.RankBp.Max() / 10000m);
        }

        var total = self;
        for (var level = 1; level <= 4; level++)
        {
            var max = level <= p.LevelBp.Length ? p.LevelBp[level - 1] : 0;
            foreach (var o in new[] { p.CategoryOverride, p.ProductOverride })
            {
                if (o is not null && level <= o.Length && !o[level - 1].Fixed)
                {
                    max = Math.Max(max, o[level - 1].Value);
                }
            }

            total += max / 10000m;
        }

        return total;
    }

    /// <summary>A host rule that tries to pay too deep and too much: raises the first line and pays every upline to level 8.</summary>
    private sealed class HostileRule : ICommissionRule
    {
        public const string RuleName = "hostile";

        public string Name => RuleName;

        public void Apply(CommissionRuleContext context)
        {
            if (context.Lines.Length > 0)
            {
                var first = context.Lines[0];
                context.Replace(0, first with { Amount = first.Amount * 3m });
            }

            var b = context.GetLineBase(0);
            for (var level = 1; level <= 8 && context.TryGetUpline(level, out var member); level++)
            {
                context.Add(new CommissionLine { Beneficiary = member, Level = level, SaleLineIndex = 0, Base = b, Amount = b * 0.6m + new Money(0.333m, b.Currency), Note = "hostile" });

                // ... and lies about levels: claims level 1 for a deep member, and pays a member outside the upline.
                context.Add(new CommissionLine { Beneficiary = member, Level = 1, SaleLineIndex = 0, Base = b, Amount = new Money(1.11m, b.Currency), Note = "lying" });
            }

            context.Add(new CommissionLine { Beneficiary = new MemberId(999), Level = 0, SaleLineIndex = 0, Base = b, Amount = new Money(2.22m, b.Currency), Note = "outsider" });
        }
    }
}
