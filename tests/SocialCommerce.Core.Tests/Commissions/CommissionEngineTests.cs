using System;
using System.Linq;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Commissions.CommissionTestNetwork;

namespace SocialCommerce.Core.Tests.Commissions;

public sealed class CommissionEngineTests
{
    private static CommissionPlan ThreeLevel(string name = "three-level") =>
        CommissionPlan.CreateBuilder(name, Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5), Rate.Percent(3)).Build();

    [Fact]
    public void A_plan_deeper_than_an_enforced_profile_is_refused_naming_plan_field_and_value()
    {
        var profile = new ComplianceProfile { Name = "two-level", MaxPaidDepth = 2 };
        var e = Assert.Throws<PlanRefusedException>(() => new CommissionEngine(ThreeLevel(), new CommissionEngineOptions { Compliance = profile }));

        Assert.Equal("three-level", e.PlanName);
        Assert.Equal("two-level", e.ProfileName);
        var finding = Assert.Single(e.Findings);
        Assert.Equal(ComplianceCodes.PlanPaidDepthExceeded, finding.Code);
        Assert.Equal(FindingScope.Plan, finding.Scope);
        Assert.Contains("'three-level'", e.Message, StringComparison.Ordinal);
        Assert.Contains("paid depth 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("allows paid depth 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_paying_more_than_an_enforced_ratio_is_refused()
    {
        // 10 % + 5 % + 3 % = 18 % > 15 %.
        var profile = new ComplianceProfile { Name = "fifteen", MaxPayoutRatio = Rate.Percent(15) };
        var e = Assert.Throws<PlanRefusedException>(() => new CommissionEngine(ThreeLevel(), new CommissionEngineOptions { Compliance = profile }));

        Assert.Equal(ComplianceCodes.PlanPayoutRatioExceeded, Assert.Single(e.Findings).Code);
        Assert.Contains("18 %", e.Message, StringComparison.Ordinal);
        Assert.Contains("maximum payout ratio of 15 %", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_audit_profile_accepts_the_plan_and_reports_its_findings()
    {
        var profile = new ComplianceProfile { Name = "audit", MaxPaidDepth = 2, MaxPayoutRatio = Rate.Percent(15), Mode = ComplianceMode.Audit };
        var engine = new CommissionEngine(ThreeLevel(), new CommissionEngineOptions { Compliance = profile });

        Assert.Equal(
            new[] { ComplianceCodes.PlanPaidDepthExceeded, ComplianceCodes.PlanPayoutRatioExceeded },
            engine.PlanFindings.Select(f => f.Code).ToArray());
        // Severity says how serious a finding is; the audit mode decides that nothing is refused.
        Assert.All(engine.PlanFindings, f => Assert.Equal(FindingSeverity.Error, f.Severity));

        var quote = engine.Quote(Sale(10, Line("A", "x", 1, 100m)), Chain(3, 2, 1, 10));
        Assert.Equal(Cny(18.00m), quote.Total);
        Assert.Equal(
            new[] { ComplianceCodes.SaleLineBeyondPaidDepth, ComplianceCodes.SalePayoutRatioCapped },
            quote.Findings.Select(f => f.Code).ToArray());
    }

    [Fact]
    public void The_compliance_stage_runs_after_the_plans_own_caps_and_still_caps_fixed_amounts()
    {
        // A fixed ¥30.00 per unit on a ¥50.00 item is 60 % of the base: the profile scales it to 30 %.
        var plan = CommissionPlan.CreateBuilder("fixed", Currency.CNY)
            .ProductOverride("SKU-1", o => o.FixedPerUnit(1, Cny(30m)))
            .Build();
        var profile = new ComplianceProfile { Name = "thirty", MaxPaidDepth = 3, MaxPayoutRatio = Rate.Percent(30) };
        var quote = new CommissionEngine(plan, new CommissionEngineOptions { Compliance = profile })
            .Quote(Sale(2, Line("SKU-1", "x", 1, 50m)), Chain(1, 2));

        var line = Assert.Single(quote.Lines);
        Assert.Equal(Cny(15.00m), line.Amount);
        Assert.Equal(CommissionLineMarks.ScaledByCompliance, line.Marks);
        Assert.Equal(Cny(15.00m), quote.Residual);
    }

    [Fact]
    public void Rank_differential_needs_ranks()
    {
        var plan = CommissionPlan.CreateBuilder("rank", Currency.CNY).RankDifferential(2, Rate.Percent(5)).Build();
        var e = Assert.Throws<ArgumentException>(() => new CommissionEngine(plan));
        Assert.Contains("Ranks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_without_the_plans_rule_is_refused()
    {
        var catalog = new CommissionRuleCatalog().Add(new AddRule("bonus", -1m));
        var plan = CommissionPlan.CreateBuilder("p", Currency.CNY).Levels(Rate.Percent(10)).Rule("bonus").Build(catalog);
        var e = Assert.Throws<InvalidCommissionPlanException>(() => new CommissionEngine(plan));
        Assert.Equal("Rules[0]", e.Path);
        Assert.Equal("\"bonus\"", e.Value);
    }

    [Fact]
    public void A_host_rule_proposing_a_negative_line_is_refused_naming_the_rule()
    {
        var catalog = new CommissionRuleCatalog().Add(new AddRule("bonus", -1m));
        var plan = CommissionPlan.CreateBuilder("p", Currency.CNY).Levels(Rate.Percent(10)).Rule("bonus").Build(catalog);
        var engine = new CommissionEngine(plan, new CommissionEngineOptions { Rules = catalog });
        var e = Assert.Throws<InvalidOperationException>(() => engine.Quote(Sale(2, Line("A", "x", 1, 10m)), Chain(1, 2)));
        Assert.Contains("'bonus'", e.Message, StringComparison.Ordinal);
        Assert.Contains("-1.00 CNY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_refuses_a_sale_in_another_currency_and_an_unknown_buyer()
    {
        var engine = new CommissionEngine(ThreeLevel());
        var usd = new Sale("S-9", new MemberId(2), At, Currency.USD, [new SaleLine("A", "x", 1, new Money(1m, Currency.USD))]);
        Assert.Throws<CurrencyMismatchException>(() => engine.Quote(usd, Chain(1, 2)));
        Assert.Throws<UnknownMemberException>(() => engine.Quote(Sale(99, Line("A", "x", 1, 1m)), Chain(1, 2)));
    }

    [Fact]
    public void Enabled_distributors_must_come_from_the_sale_or_the_engine()
    {
        var plan = CommissionPlan.CreateBuilder("p", Currency.CNY).Levels(Rate.Percent(10)).Eligibility(CommissionEligibility.EnabledDistributors, IneligibleShare.Forfeit).Build();
        var e = Assert.Throws<InvalidOperationException>(() => new CommissionEngine(plan).Quote(Sale(2, Line("A", "x", 1, 10m)), Chain(1, 2)));
        Assert.Contains("EnabledDistributors", e.Message, StringComparison.Ordinal);

        var withStatus = new CommissionEngine(plan, new CommissionEngineOptions { Distributors = new OnlyMember(new MemberId(1)) });
        Assert.Equal(Cny(1.00m), withStatus.Quote(Sale(2, Line("A", "x", 1, 10m)), Chain(1, 2)).Total);
    }

    [Fact]
    public void QuoteInto_refuses_a_short_buffer_and_otherwise_matches_quote()
    {
        var engine = new CommissionEngine(ThreeLevel());
        var sale = Sale(10, Line("A", "x", 1, 99.99m));
        var network = Chain(3, 2, 1, 10);
        var e = Assert.Throws<ArgumentException>(() => engine.QuoteInto(sale, network, new CommissionLine[2], out _));
        Assert.Contains("needs 3", e.Message, StringComparison.Ordinal);

        var buffer = new CommissionLine[3];
        var count = engine.QuoteInto(sale, network, buffer, out var residual);
        Assert.Equal(3, count);
        Assert.Equal(new[] { 9.99m, 4.99m, 2.99m }, buffer.Select(l => l.Amount.Amount).ToArray());

        // Pool 9.999 + 4.9995 + 2.9997 = 17.9982; paid 17.97.
        Assert.Equal(Cny(0.0282m), residual);
    }

    [Fact]
    public void Shipping_counts_in_the_base_only_when_the_plan_says_so()
    {
        var sale = Sale(2, new SaleLine("A", "x", 1, Cny(100m), Cny(10m)));
        var without = new CommissionEngine(CommissionPlan.CreateBuilder("p", Currency.CNY).Levels(Rate.Percent(10)).Build()).Quote(sale, Chain(1, 2));
        var with = new CommissionEngine(CommissionPlan.CreateBuilder("p", Currency.CNY).Levels(Rate.Percent(10)).IncludeShippingInBase().Build()).Quote(sale, Chain(1, 2));
        Assert.Equal(Cny(10.00m), without.Total);
        Assert.Equal(Cny(11.00m), with.Total);
    }

    [Fact]
    public void Self_purchase_rebate_is_level_zero_and_forfeited_by_an_ineligible_buyer()
    {
        var plan = CommissionPlan.CreateBuilder("self", Currency.CNY)
            .Levels(Rate.Percent(10))
            .SelfPurchaseRebate(Rate.Percent(2))
            .Eligibility(CommissionEligibility.EnabledDistributors, IneligibleShare.Compress)
            .Build();
        var engine = new CommissionEngine(plan);
        var eligible = new Sale("S", new MemberId(2), At, Currency.CNY, [Line("A", "x", 1, 50m)]) { EnabledDistributors = new[] { new MemberId(1), new MemberId(2) }.ToHashSet() };
        var quote = engine.Quote(eligible, Chain(1, 2));
        Assert.Equal(Cny(1.00m), quote.Lines.Single(l => l.Level == 0).Amount);
        Assert.Equal(new MemberId(2), quote.Lines.Single(l => l.Level == 0).Beneficiary);

        var ineligible = new Sale("S", new MemberId(2), At, Currency.CNY, [Line("A", "x", 1, 50m)]) { EnabledDistributors = new[] { new MemberId(1) }.ToHashSet() };
        var forfeited = engine.Quote(ineligible, Chain(1, 2));
        Assert.DoesNotContain(forfeited.Lines, l => l.Level == 0);
        Assert.Equal(Cny(1.00m), forfeited.Residual);
    }

    [Fact]
    public void Sale_cap_scales_every_line_by_one_factor_rounding_toward_zero()
    {
        // 10 % + 5 % + 3 % = 18 % of ¥33.33 capped to 10 %: factor 10/18.
        var plan = CommissionPlan.CreateBuilder("capped", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5), Rate.Percent(3)).CapSaleTotal(Rate.Percent(10)).Build();
        var quote = new CommissionEngine(plan).Quote(Sale(10, Line("A", "x", 1, 33.33m)), Chain(3, 2, 1, 10));

        // 3.333 × 10/18 = 1.85166.. -> 1.85; 1.6665 × 10/18 = 0.92583.. -> 0.92; 0.9999 × 10/18 = 0.5555 -> 0.55.
        Assert.Equal(new[] { 1.85m, 0.92m, 0.55m }, quote.Lines.Select(l => l.Amount.Amount).ToArray());
        Assert.True(quote.Total.Amount <= 3.333m);
        Assert.Equal(Cny(5.9994m), quote.Pool);
        Assert.Equal(Cny(5.9994m - 3.32m), quote.Residual);
    }

    private sealed class AddRule(string name, decimal amount) : ICommissionRule
    {
        public string Name => name;

        public void Apply(CommissionRuleContext context) =>
            context.Add(new CommissionLine { Beneficiary = context.Upline[0], Level = 1, Base = context.GetLineBase(0), Amount = Cny(amount) });
    }

    private sealed class OnlyMember(MemberId member) : IDistributorStatus
    {
        public bool IsEnabledDistributor(MemberId candidate) => candidate == member;
    }
}
