using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Commissions;

public sealed class CommissionPropertyTests
{
    private const int Cases = 500;

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Conservation_sum_of_lines_plus_residual_equals_pool_exactly(CommissionCase s)
    {
        // The kit's check: lines + residual == pool exactly, lines whole and non-negative, the residual explained
        // by the adjustments' shares plus rounding.
        CommissionInvariants.Conservation(Quote(s)).ThrowIfViolated();
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void No_line_is_negative_and_every_line_is_whole_minor_units(CommissionCase s)
    {
        foreach (var line in Quote(s).Lines)
        {
            Assert.True(line.Amount.Amount > 0m, line.Explanation);
            Assert.Equal(decimal.Truncate(line.Amount.Amount * 100m), line.Amount.Amount * 100m);
        }
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void No_payout_above_a_cap(CommissionCase s)
    {
        var quote = Quote(s);
        var saleBase = s.Sale.Lines.Sum(l => (l.PaidMinorUnits + (s.Plan.IncludeShipping ? l.ShippingMinorUnits : 0)) / 100m);
        Assert.Equal(saleBase, quote.Base.Amount);
        if (s.Plan.SaleCapBasisPoints is { } saleCap)
        {
            Assert.True(quote.Total.Amount <= saleBase * saleCap / 10000m, $"total {quote.Total} above cap {saleCap} bp of {saleBase}");
        }

        if (s.Plan.PerBeneficiaryCapMinorUnits is { } perBeneficiary)
        {
            foreach (var group in quote.Lines.GroupBy(l => l.Beneficiary))
            {
                Assert.True(group.Sum(l => l.Amount.Amount) <= perBeneficiary / 100m, $"member {group.Key} above the per-beneficiary cap");
            }
        }

        // The kit's check states the same caps against the built plan.
        CommissionInvariants.RespectsPlanCaps(quote, s.Plan.Build()).ThrowIfViolated();
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Paid_levels_never_exceed_the_plans_depth_and_beneficiaries_are_the_buyers_upline(CommissionCase s)
    {
        var quote = Quote(s);
        var depth = s.Plan.ExpectedPaidDepth;
        var upline = Upline(s);
        foreach (var line in quote.Lines)
        {
            Assert.InRange(line.Level, 0, depth);
            var expected = line.Level == 0 ? s.BuyerId : upline[line.Level - 1];
            Assert.Equal(expected, line.Beneficiary);
        }

        CommissionInvariants.PaysTheUpline(quote, s.BuildNetwork()).ThrowIfViolated();
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Compression_and_forfeit_never_pay_an_ineligible_member(CommissionCase s)
    {
        if (!s.Plan.OnlyEnabledDistributors)
        {
            return;
        }

        var enabled = s.EnabledDistributors();
        foreach (var line in Quote(s).Lines)
        {
            Assert.Contains(line.Beneficiary, enabled);
        }
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Rank_differential_never_pays_more_than_the_highest_rank_rate_of_the_chain(CommissionCase s)
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
            highest = Math.Max(highest, s.Plan.RankBasisPoints[s.Ranks[s.Network.UplineOf(s.Buyer)[level - 1]]] / 10000m);
        }

        foreach (var group in quote.Lines.Where(l => l.Level > 0).GroupBy(l => l.SaleLineIndex))
        {
            var lineBase = group.First().Base.Amount;
            Assert.True(group.Sum(l => l.Amount.Amount) <= lineBase * highest, $"sale line {group.Key} pays above {highest}");
        }
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Enforce_profile_holds_even_against_a_hostile_host_rule(CommissionCase s, PositiveInt depthSlack, PositiveInt ratioBp)
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
        var engine = new CommissionEngine(plan, s.Options(profile, catalog));
        var quote = engine.Quote(s.BuildSale(), s.BuildNetwork());

        Assert.All(quote.Lines, line => Assert.True(line.Amount.Amount > 0m));

        // Within the profile's depth and ratio; every stated level is the real number of links; nothing created.
        CommissionInvariants.RespectsProfile(quote, profile)
            .And(CommissionInvariants.PaysTheUpline(quote, s.BuildNetwork()))
            .And(CommissionInvariants.Conservation(quote))
            .ThrowIfViolated();
        var truncated = quote.Adjustments.Count(a => a.Kind == CommissionAdjustmentKind.Truncated);
        Assert.Equal(truncated, quote.Findings.Count(f => f.Code == ComplianceCodes.SaleLineBeyondPaidDepth));
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void Audit_profile_reports_but_changes_nothing(CommissionCase s, PositiveInt depth, PositiveInt ratioBp)
    {
        var catalog = new CommissionRuleCatalog().Add(new HostileRule());
        var plan = s.Plan.Build(catalog, HostileRule.RuleName);
        var profile = new ComplianceProfile { Name = "test-audit", MaxPaidDepth = depth.Get % 4, MaxPayoutRatio = Rate.BasisPoints(ratioBp.Get % 10001), Mode = ComplianceMode.Audit };
        var plain = new CommissionEngine(plan, s.Options(rules: catalog)).Quote(s.BuildSale(), s.BuildNetwork());
        var audited = new CommissionEngine(plan, s.Options(profile, catalog)).Quote(s.BuildSale(), s.BuildNetwork());

        Assert.Equal(plain.Lines.ToArray(), audited.Lines.ToArray());
        Assert.Equal(plain.Residual, audited.Residual);
        var upline = Upline(s);
        int RealLevel(MemberId m) => m == s.BuyerId ? 0 : upline.Contains(m) ? upline.IndexOf(m) + 1 : int.MaxValue;
        var deep = audited.Lines.Count(l => l.Level > profile.MaxPaidDepth || RealLevel(l.Beneficiary) > profile.MaxPaidDepth);
        Assert.Equal(deep, audited.Findings.Count(f => f.Code == ComplianceCodes.SaleLineBeyondPaidDepth));
        Assert.All(audited.Findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void An_enforced_profile_refuses_exactly_the_plans_above_its_limits(CommissionCase s, PositiveInt depth, PositiveInt ratioBp)
    {
        var plan = s.Plan.Build();
        var maxDepth = depth.Get % 5;
        var maxRatio = ratioBp.Get % 10001 / 10000m;
        var profile = new ComplianceProfile { Name = "limits", MaxPaidDepth = maxDepth, MaxPayoutRatio = Rate.FromFraction(maxRatio) };
        var expectedDepth = s.Plan.ExpectedPaidDepth;
        var expectedRate = s.Plan.MaxTotalBasisPoints / 10000m;
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
    public void Quoting_is_deterministic_across_calls_engines_threads_and_the_batch_path(CommissionCase s)
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

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = 1000)]
    public void The_whole_minor_unit_path_gives_exactly_the_pipelines_quote(CommissionCase generated, byte profileKind, PositiveInt ratioBp, bool shortOfRoom, byte depthCut)
    {
        // Plans of level rates, overrides and a self-purchase rebate, with or without eligibility (forfeit or
        // compression) and a profile: Quote and QuoteInto take the whole-minor-unit path (or fall back when an enforced
        // ratio scales the sale, or an audited one raises a finding); the engine with PipelineOnly runs the rule
        // pipeline. Same lines in the same order, amounts and bases of the same value and scale, the same totals.
        var s = generated with { Plan = generated.Plan with { SaleCapBasisPoints = null, PerBeneficiaryCapMinorUnits = null, Differential = false } };
        var plan = s.Plan.Build();
        var facts = plan.ToPlanFacts();
        ComplianceProfile? profile = (profileKind % 3) switch
        {
            0 => null,
            var k => new ComplianceProfile
            {
                Name = "generated",
                // An audited profile may be shallower than the plan (its lines beyond are findings); an enforced one
                // would refuse such a plan.
                MaxPaidDepth = k == 1 ? facts.PaidDepth : Math.Max(1, facts.PaidDepth - (depthCut % 3)),
                MaxPayoutRatio = Rate.FromFraction(Math.Max(facts.MaxTotalRate.Fraction, ratioBp.Get % 10_001 / 10_000m)),
                Mode = k == 1 ? ComplianceMode.Enforce : ComplianceMode.Audit,
            },
        };
        var engine = new CommissionEngine(plan, s.Options(profile));
        var pipeline = new CommissionEngine(plan, s.Options(profile)) { PipelineOnly = true };
        var sale = s.BuildSale();
        var network = s.BuildNetwork();
        var expected = pipeline.Quote(sale, network);
        var quote = engine.Quote(sale, network);

        // The batch path into a destination with exactly the room needed (the counting pass) or with room to spare
        // (one pass), over stale lines that must be overwritten.
        var room = shortOfRoom ? expected.Lines.Count : 64;
        var buffer = Enumerable.Repeat(new CommissionLine { Beneficiary = new MemberId(-1), Rule = "stale" }, room).ToArray();
        var count = engine.QuoteInto(sale, network, buffer, out var residual);

        static string Exact(CommissionLine l) => l.Amount.Amount.ToString(CultureInfo.InvariantCulture) + "/" + l.Base.Amount.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(expected.Lines.ToArray(), quote.Lines.ToArray());
        Assert.Equal(expected.Lines.Select(Exact), quote.Lines.Select(Exact));
        Assert.Equal(expected.Lines.ToArray(), buffer[..count]);
        Assert.Equal(expected.Lines.Select(Exact), buffer[..count].Select(Exact));
        Assert.Equal(expected.Residual.Amount, residual.Amount);
        foreach (var (want, got) in new[] { (expected.Base, quote.Base), (expected.Pool, quote.Pool), (expected.Total, quote.Total), (expected.Residual, quote.Residual), (expected.RoundingResidual, quote.RoundingResidual) })
        {
            Assert.Equal(want.ToString(), got.ToString());
        }

        Assert.Equal(expected.Adjustments.ToArray(), quote.Adjustments.ToArray());
        Assert.Equal(expected.Findings.Select(f => f.Message), quote.Findings.Select(f => f.Message));

        if (count > 0)
        {
            // A destination one line short is refused before anything is written.
            var shortBuffer = new CommissionLine[count - 1];
            Assert.Throws<ArgumentException>(() => engine.QuoteInto(sale, network, shortBuffer, out _));
            Assert.All(shortBuffer, l => Assert.Equal(default, l));
        }
    }

    [Fact]
    public void A_sale_line_with_an_amount_below_the_minor_unit_is_refused_where_it_enters()
    {
        var e = Assert.Throws<InvalidSaleException>(() => new SaleLine("a", "c", 1, new Money(1.005m, Currency.CNY)));
        Assert.Equal("paidAmount", e.Field);
        Assert.Contains("1.005 CNY", e.Message, StringComparison.Ordinal);
        Assert.Contains("whole minor units", e.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void A_json_document_and_the_builder_give_the_same_plan_and_quotes(CommissionCase s)
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
    private static string ToJson(PlanSample p)
    {
        static string Bp(decimal bp) => (bp / 10000m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        static string Minor(decimal minor) => (minor / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        static string Levels(IReadOnlyList<PayoutSample> levels) => string.Join(",", levels.Select((l, i) => l.IsFixed
            ? $"{{\"level\":{i + 1},\"fixedPerUnit\":\"{Minor(l.Value)} CNY\"}}"
            : $"{{\"level\":{i + 1},\"rate\":{Bp(l.Value)}}}"));

        var parts = new List<string> { "\"name\":\"generated\"", "\"currency\":\"CNY\"" };
        if (p.Differential)
        {
            parts.Add($"\"rankDifferential\":{{\"depth\":{p.DifferentialDepth},\"rankRates\":[{string.Join(",", p.RankBasisPoints.Select(Bp))}]}}");
        }
        else
        {
            parts.Add($"\"levels\":[{string.Join(",", p.LevelBasisPoints.Select((bp, i) => $"{{\"level\":{i + 1},\"rate\":{Bp(bp)}}}"))}]");
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

        if (p.SelfPurchaseBasisPoints is { } self)
        {
            parts.Add($"\"selfPurchaseRate\":{Bp(self)}");
        }

        if (p.OnlyEnabledDistributors)
        {
            parts.Add("\"eligibility\":\"enabledDistributors\"");
            parts.Add(p.Compress ? "\"ineligibleShare\":\"compress\"" : "\"ineligibleShare\":\"forfeit\"");
        }

        var caps = new List<string>();
        if (p.SaleCapBasisPoints is { } saleCap)
        {
            caps.Add($"\"saleRatio\":{Bp(saleCap)}");
        }

        if (p.PerBeneficiaryCapMinorUnits is { } perBeneficiary)
        {
            caps.Add($"\"perBeneficiary\":{Minor(perBeneficiary)}");
        }

        parts.Add($"\"caps\":{{{string.Join(",", caps)}}}");
        parts.Add(p.IncludeShipping ? "\"includeShippingInBase\":true" : "\"includeShippingInBase\":false");
        return "{" + string.Join(",", parts) + "}";
    }

    private static CommissionQuote Quote(CommissionCase s) =>
        new CommissionEngine(s.Plan.Build(), s.Options()).Quote(s.BuildSale(), s.BuildNetwork());

    private static List<MemberId> Upline(CommissionCase s) => s.Network.UplineOf(s.Buyer).Select(s.Network.Member).ToList();

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
