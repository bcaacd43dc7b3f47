using System;
using NodaTime;
using SocialCommerce.Commissions;
using static SocialCommerce.Core.Tests.Commissions.CommissionTestNetwork;

namespace SocialCommerce.Core.Tests.Commissions;

public sealed class PlanRefusalTests
{
    private static CommissionPlanBuilder Plan() => CommissionPlan.CreateBuilder("p", Currency.CNY);

    private static InvalidCommissionPlanException Refused(Func<CommissionPlan> build, string path, string value)
    {
        var e = Assert.Throws<InvalidCommissionPlanException>(() => build());
        Assert.Equal(path, e.Path);
        Assert.Equal(value, e.Value);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void Builder_refuses_a_gap_between_levels()
    {
        var e = Refused(() => Plan().Level(1, Rate.Percent(10)).Level(3, Rate.Percent(5)).Build(), "Level(3)", "3");
        Assert.Contains("level 2 is missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_refuses_a_level_given_twice_and_level_zero() =>
        Assert.Multiple(
            () => Refused(() => Plan().Level(1, Rate.Percent(10)).Level(1, Rate.Percent(5)).Build(), "Level(1)", "1"),
            () => Refused(() => Plan().Level(0, Rate.Percent(10)).Build(), "Level(0)", "0"));

    [Fact]
    public void Builder_refuses_a_total_above_100_percent()
    {
        var e = Refused(() => Plan().Levels(Rate.Percent(60), Rate.Percent(30)).SelfPurchaseRebate(Rate.Percent(20)).Build(), "Level(...)", "110 %");
        Assert.Contains("100 %", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_counts_the_largest_override_rate_per_level_in_the_total() =>
        Refused(
            () => Plan().Levels(Rate.Percent(10), Rate.Percent(5)).CategoryOverride("x", o => o.Level(1, Rate.Percent(80)).Level(2, Rate.Percent(25))).Build(),
            "Level(...)",
            "105 %");

    [Fact]
    public void Builder_refuses_an_unknown_rule_name()
    {
        var e = Refused(() => Plan().Levels(Rate.Percent(10)).Rule("campaign").Build(new CommissionRuleCatalog()), "Rule(\"campaign\")", "\"campaign\"");
        Assert.Contains("unknown rule", e.Message, StringComparison.Ordinal);
        Refused(() => Plan().Rule("campaign").Build(), "Rule(\"campaign\")", "\"campaign\"");
    }

    [Fact]
    public void Builder_refuses_a_fixed_amount_in_another_currency_or_negative() =>
        Assert.Multiple(
            () => Refused(() => Plan().ProductOverride("SKU-1", o => o.FixedPerUnit(1, new Money(5.00m, Currency.USD))).Build(), "ProductOverride(\"SKU-1\").FixedPerUnit(1)", "5.00 USD"),
            () => Refused(() => Plan().ProductOverride("SKU-1", o => o.FixedPerUnit(1, Cny(-1.00m))).Build(), "ProductOverride(\"SKU-1\").FixedPerUnit(1)", "-1.00 CNY"));

    [Fact]
    public void Builder_refuses_caps_windows_and_rewards_that_make_no_sense() =>
        Assert.Multiple(
            () => Refused(() => Plan().CapPerBeneficiary(new Money(10m, Currency.EUR)).Build(), "CapPerBeneficiary", "10.00 EUR"),
            () => Refused(() => Plan().ReturnWindow(Duration.FromDays(-1)).Build(), "ReturnWindow", Duration.FromDays(-1).ToString()),
            () => Refused(() => Plan().DeclareRecruitmentReward(Cny(-5m)).Build(), "DeclareRecruitmentReward", "-5.00 CNY"));

    [Fact]
    public void Builder_refuses_contradictions_rank_differential_with_level_rates_and_duplicate_overrides() =>
        Assert.Multiple(
            () => Refused(() => Plan().Levels(Rate.Percent(10)).RankDifferential(3, Rate.Percent(5)).Build(), "Level(...)", "1 levels, 0 overrides"),
            () => Refused(() => Plan().RankDifferential(0, Rate.Percent(5)).Build(), "RankDifferential(depth)", "0"),
            () => Refused(() => Plan().RankDifferential(2).Build(), "RankDifferential(rankRates)", "[]"),
            () => Refused(() => Plan().CategoryOverride("a", o => o.Level(1, Rate.Percent(1))).CategoryOverride("a", o => o.Level(1, Rate.Percent(2))).Build(), "CategoryOverride(\"a\")", "\"a\""),
            () => Refused(() => Plan().CategoryOverride("a", _ => { }).Build(), "CategoryOverride(\"a\")", "\"a\""),
            () => Refused(() => CommissionPlan.CreateBuilder(" ", Currency.CNY).Build(), "CreateBuilder(name)", "\" \""));

    [Fact]
    public void Catalog_refuses_reserved_duplicate_and_empty_names()
    {
        var catalog = new CommissionRuleCatalog().Add(new NamedRule("bonus"));
        Assert.Contains("'bonus'", Assert.Throws<ArgumentException>(() => catalog.Add(new NamedRule("bonus"))).Message, StringComparison.Ordinal);
        Assert.Contains("'level-rates'", Assert.Throws<ArgumentException>(() => catalog.Add(new NamedRule("level-rates"))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => catalog.Add(new NamedRule(" ")));
        Assert.Throws<InvalidOperationException>(() => CommissionRuleCatalog.Empty.Add(new NamedRule("x")));
    }

    [Theory]
    [InlineData("""{"name":"p","currency":"CNY","levels":[{"level":1,"rate":0.1},{"level":2,"rate":-0.05}]}""", "$.levels[1].rate", "-0.05", "negative")]
    [InlineData("""{"name":"p","currency":"CNY","levels":[{"level":1,"rate":10}]}""", "$.levels[0].rate", "10", "fractions")]
    [InlineData("""{"name":"p","currency":"CNY","levels":[{"level":1,"rate":0.1},{"level":3,"rate":0.05}]}""", "$.levels[1].level", "3", "level 2 is missing")]
    [InlineData("""{"name":"p","currency":"CNY","levels":[{"level":1,"rate":0.7},{"level":2,"rate":0.4}]}""", "$.levels", "110 %", "100 %")]
    [InlineData("""{"name":"p","currency":"CNY","levels":[{"level":1,"rate":0.1}],"rules":["campaign"]}""", "$.rules[0]", "\"campaign\"", "unknown rule")]
    [InlineData("""{"name":"p","currency":"CNY","overrides":[{"product":"SKU-1","levels":[{"level":1,"fixedPerUnit":"5.00 USD"}]}]}""", "$.overrides[0].levels[0].fixedPerUnit", "5.00 USD", "another currency")]
    [InlineData("""{"name":"p","currency":"CNY","overrides":[{"product":"SKU-1","levels":[{"level":1,"rate":0.1,"fixedPerUnit":1}]}]}""", "$.overrides[0].levels[0].fixedPerUnit", "1.00 CNY", "not both")]
    [InlineData("""{"name":"p","currency":"CNY","levelz":[]}""", "$.levelz", "[]", "unknown property")]
    [InlineData("""{"name":"p","currency":"XYZ"}""", "$.currency", "\"XYZ\"", "unknown currency")]
    [InlineData("""{"name":"p","currency":"CNY","levels":[{"level":1,"rate":"ten"}]}""", "$.levels[0].rate", "\"ten\"", "expected a number")]
    [InlineData("""{"name":"p","currency":"CNY","caps":{"saleRatio":1.5}}""", "$.caps.saleRatio", "1.5", "fractions")]
    [InlineData("""{"name":"p","currency":"CNY","eligibility":"everyone"}""", "$.eligibility", "\"everyone\"", "enabledDistributors")]
    [InlineData("""{"name":"p","currency":"CNY","rankDifferential":{"depth":2,"rankRates":[0,0.05,-1]}}""", "$.rankDifferential.rankRates[2]", "-1", "negative")]
    [InlineData("""{"currency":"CNY"}""", "$.name", "null", "needs a name")]
    public void Json_document_refusals_name_the_path_and_the_value(string json, string path, string value, string reason)
    {
        var e = Refused(() => CommissionPlan.FromJson(json), path, value);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_refuses_malformed_json()
    {
        var e = Assert.Throws<InvalidCommissionPlanException>(() => CommissionPlan.FromJson("{\"name\": \"p\", "));
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_and_builder_load_the_same_plan()
    {
        var catalog = new CommissionRuleCatalog().Add(new NamedRule("bonus"));
        var fromJson = CommissionPlan.FromJson(
            """
            {
              "name": "full", "currency": "CNY",
              "levels": [ { "level": 2, "rate": 0.05 }, { "level": 1, "rate": 0.1 } ],
              "selfPurchaseRate": 0.02,
              "overrides": [
                { "category": "books", "levels": [ { "level": 1, "rate": 0.2 } ] },
                { "product": "TEA-1", "levels": [ { "level": 1, "fixedPerUnit": 5 }, { "level": 2, "fixedPerUnit": "2.00 CNY" } ] }
              ],
              "eligibility": "enabledDistributors", "ineligibleShare": "compress",
              "caps": { "saleRatio": 0.3, "perBeneficiary": 50 },
              "includeShippingInBase": true, "returnWindowDays": 7,
              "rules": [ "bonus" ],
              "earningRequirement": "qualifyingPurchase", "recruitmentReward": 10
            }
            """,
            catalog);
        var built = Plan()
            .Levels(Rate.Percent(10), Rate.Percent(5))
            .SelfPurchaseRebate(Rate.Percent(2))
            .CategoryOverride("books", o => o.Level(1, Rate.Percent(20)))
            .ProductOverride("TEA-1", o => o.FixedPerUnit(1, Cny(5m)).FixedPerUnit(2, Cny(2m)))
            .Eligibility(CommissionEligibility.EnabledDistributors, IneligibleShare.Compress)
            .CapSaleTotal(Rate.Percent(30))
            .CapPerBeneficiary(Cny(50m))
            .IncludeShippingInBase()
            .ReturnWindow(Duration.FromDays(7))
            .Rule("bonus")
            .RequireForEarning(EarningRequirement.QualifyingPurchase)
            .DeclareRecruitmentReward(Cny(10m))
            .Build(catalog);

        Assert.Equal(built.LevelRates, fromJson.LevelRates);
        Assert.Equal(built.SelfPurchaseRebate, fromJson.SelfPurchaseRebate);
        Assert.Equal(built.Overrides.Count, fromJson.Overrides.Count);
        for (var i = 0; i < built.Overrides.Count; i++)
        {
            Assert.Equal(built.Overrides[i].Target, fromJson.Overrides[i].Target);
            Assert.Equal(built.Overrides[i].Key, fromJson.Overrides[i].Key);
            Assert.Equal(built.Overrides[i].Levels, fromJson.Overrides[i].Levels);
        }

        Assert.Equal(
            (built.Eligibility, built.IneligibleShare, built.SaleCap, built.PerBeneficiaryCap, built.IncludeShippingInBase, built.ReturnWindow, built.EarningRequirement, built.RecruitmentReward),
            (fromJson.Eligibility, fromJson.IneligibleShare, fromJson.SaleCap, fromJson.PerBeneficiaryCap, fromJson.IncludeShippingInBase, fromJson.ReturnWindow, fromJson.EarningRequirement, fromJson.RecruitmentReward));
        Assert.Equal(built.Rules, fromJson.Rules);
        Assert.Equal(built.ToPlanFacts() with { Name = "x" }, fromJson.ToPlanFacts() with { Name = "x" });
    }

    [Fact]
    public void Plan_facts_count_the_largest_rate_per_level_and_depth_of_fixed_amounts()
    {
        var plan = Plan()
            .Levels(Rate.Percent(10), Rate.Percent(5))
            .SelfPurchaseRebate(Rate.Percent(2))
            .CategoryOverride("books", o => o.Level(1, Rate.Percent(20)))
            .ProductOverride("TEA-1", o => o.FixedPerUnit(1, Cny(5m)).FixedPerUnit(2, Cny(0m)).FixedPerUnit(3, Cny(1m)))
            .RequireForEarning(EarningRequirement.EntryFee)
            .DeclareRecruitmentReward(Cny(10m))
            .Build();

        var facts = plan.ToPlanFacts();

        // Level 1: max(10 %, 20 %) = 20 %; level 2: 5 %; self 2 %; fixed amounts are not rates.
        Assert.Equal(Rate.Percent(27), facts.MaxTotalRate);
        Assert.Equal(3, facts.PaidDepth);
        Assert.True(facts.RewardsRecruitment);
        Assert.True(facts.RequiresEntryFee);
        Assert.Equal("p", facts.Name);

        var plain = Plan().Levels(Rate.Percent(10), Rate.Percent(0)).Build().ToPlanFacts();
        Assert.Equal(1, plain.PaidDepth);
        Assert.False(plain.RewardsRecruitment);
        Assert.False(plain.RequiresEntryFee);
    }

    private sealed class NamedRule(string name) : ICommissionRule
    {
        public string Name => name;

        public void Apply(CommissionRuleContext context)
        {
        }
    }
}
