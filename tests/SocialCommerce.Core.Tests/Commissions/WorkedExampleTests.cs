using System.Linq;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Commissions.CommissionTestNetwork;

namespace SocialCommerce.Core.Tests.Commissions;

/// <summary>Each test backs one worked example of docs/commissions.md with the same numbers.</summary>
public sealed class WorkedExampleTests
{
    private static readonly MemberId A = new(1);
    private static readonly MemberId B = new(2);

    [Fact]
    public void Example1_two_level_plan_on_a_199_yuan_sale()
    {
        var plan = CommissionPlan.CreateBuilder("two-level", Currency.CNY)
            .Levels(Rate.Percent(10), Rate.Percent(5))
            .Build();
        var quote = new CommissionEngine(plan).Quote(Sale(3, Line("SKU-1", "tea", 1, 199.00m)), Chain(1, 2, 3));

        Assert.Equal(2, quote.Lines.Count);
        AssertLine(quote, B, 1, 0, 19.90m);
        AssertLine(quote, A, 2, 0, 9.95m);
        Assert.Equal(Cny(29.85m), quote.Pool);
        Assert.Equal(Cny(29.85m), quote.Total);
        Assert.Equal(Cny(0m), quote.Residual);
        Assert.Equal("Level 1 (member 2): 10 % of base 199.00 CNY = 19.90 CNY [level-rates]", quote.Lines[0].Explanation);
        Assert.Equal((At, Currency.CNY, "S-1", "two-level"), (quote.PaidAt, quote.Currency, quote.SaleId, quote.PlanName));
    }

    [Fact]
    public void Example2_category_override_and_per_sku_fixed_amount()
    {
        var plan = CommissionPlan.CreateBuilder("mall", Currency.CNY)
            .Levels(Rate.Percent(10), Rate.Percent(5))
            .CategoryOverride("books", o => o.Level(1, Rate.Percent(20)).Level(2, Rate.Percent(10)))
            .ProductOverride("TEA-1", o => o.FixedPerUnit(1, Cny(5.00m)).FixedPerUnit(2, Cny(2.00m)))
            .Build();
        var sale = Sale(
            3,
            Line("BOOK-7", "books", 1, 59.90m),
            Line("TEA-1", "drinks", 3, 120.00m),
            Line("PEN-2", "office", 1, 33.33m));
        var quote = new CommissionEngine(plan).Quote(sale, Chain(1, 2, 3));

        AssertLine(quote, B, 1, 0, 11.98m);
        AssertLine(quote, A, 2, 0, 5.99m);
        AssertLine(quote, B, 1, 1, 15.00m);
        AssertLine(quote, A, 2, 1, 6.00m);
        AssertLine(quote, B, 1, 2, 3.33m);
        AssertLine(quote, A, 2, 2, 1.66m);
        Assert.Equal(6, quote.Lines.Count);
        Assert.Equal(Cny(43.9695m), quote.Pool);
        Assert.Equal(Cny(43.96m), quote.Total);
        Assert.Equal(Cny(0.0095m), quote.Residual);
        Assert.Equal(Cny(0.0095m), quote.RoundingResidual);
        var tea = quote.Lines.Single(l => l.SaleLineIndex == 1 && l.Level == 1);
        Assert.Equal("Level 1 (member 2): 5.00 CNY per unit × 3 = 15.00 CNY [overrides]", tea.Explanation);
    }

    [Fact]
    public void Example3_compressed_chain_with_an_ineligible_member_in_the_middle()
    {
        // 4 <- 3 <- 2 <- 1 <- buyer 10; member 2 is not an enabled distributor.
        var network = Chain(4, 3, 2, 1, 10);
        var enabled = new[] { new MemberId(1), new MemberId(3), new MemberId(4) }.ToHashSet();
        var sale = new Sale("S-3", new MemberId(10), At, Currency.CNY, [Line("SKU-1", "tea", 1, 100.00m)]) { EnabledDistributors = enabled };

        var compress = CommissionPlan.CreateBuilder("three-level", Currency.CNY)
            .Levels(Rate.Percent(10), Rate.Percent(5), Rate.Percent(3))
            .Eligibility(CommissionEligibility.EnabledDistributors, IneligibleShare.Compress)
            .Build();
        var quote = new CommissionEngine(compress).Quote(sale, network);

        Assert.Equal(2, quote.Lines.Count);
        AssertLine(quote, new MemberId(1), 1, 0, 10.00m);
        AssertLine(quote, new MemberId(3), 3, 0, 5.00m);
        Assert.Equal(CommissionLineMarks.Compressed, quote.Lines.Single(l => l.Level == 3).Marks);
        Assert.Equal(Cny(18.00m), quote.Pool);
        Assert.Equal(Cny(3.00m), quote.Residual);
        var compressed = Assert.Single(quote.Adjustments, a => a.Kind == CommissionAdjustmentKind.Compressed);
        Assert.Equal((new MemberId(2), new MemberId(3)), (compressed.Member, compressed.Recipient!.Value));
        var forfeited = Assert.Single(quote.Adjustments, a => a.Kind == CommissionAdjustmentKind.Forfeited);
        Assert.Equal(Cny(3.00m), forfeited.ToResidual);

        var forfeit = CommissionPlan.CreateBuilder("three-level-forfeit", Currency.CNY)
            .Levels(Rate.Percent(10), Rate.Percent(5), Rate.Percent(3))
            .Eligibility(CommissionEligibility.EnabledDistributors, IneligibleShare.Forfeit)
            .Build();
        var forfeitQuote = new CommissionEngine(forfeit).Quote(sale, network);
        AssertLine(forfeitQuote, new MemberId(1), 1, 0, 10.00m);
        AssertLine(forfeitQuote, new MemberId(3), 3, 0, 3.00m);
        Assert.Equal(Cny(5.00m), forfeitQuote.Residual);
    }

    [Fact]
    public void Example4_rank_differential_chain()
    {
        // 4 <- 3 <- 2 <- 1 <- buyer 10; ranks: 1 -> 1, 2 -> 1, 3 -> 3, 4 -> 2.
        var plan = CommissionPlan.CreateBuilder("rank-diff", Currency.CNY)
            .RankDifferential(4, Rate.Percent(0), Rate.Percent(5), Rate.Percent(8), Rate.Percent(12))
            .Build();
        var ranks = new DictionaryRanks(new() { [1] = 1, [2] = 1, [3] = 3, [4] = 2, [10] = 0 });
        var quote = new CommissionEngine(plan, new CommissionEngineOptions { Ranks = ranks })
            .Quote(Sale(10, Line("SKU-1", "tea", 1, 200.00m)), Chain(4, 3, 2, 1, 10));

        Assert.Equal(2, quote.Lines.Count);
        AssertLine(quote, new MemberId(1), 1, 0, 10.00m);
        AssertLine(quote, new MemberId(3), 3, 0, 14.00m);
        Assert.Equal(Rate.Percent(7), quote.Lines[1].Rate);
        Assert.Equal(Cny(24.00m), quote.Total);
        Assert.Equal(Cny(0m), quote.Residual);
    }

    [Fact]
    public void Example5_json_plan_document()
    {
        const string json = """
            {
              "name": "spring-2026",
              "currency": "CNY",
              "levels": [
                { "level": 1, "rate": 0.10 },
                { "level": 2, "rate": 0.05 }
              ],
              "overrides": [
                { "category": "books", "levels": [ { "level": 1, "rate": 0.20 } ] }
              ],
              "caps": { "perBeneficiary": 15.00 },
              "returnWindowDays": 7
            }
            """;
        var plan = CommissionPlan.FromJson(json);
        Assert.Equal(NodaTime.Duration.FromDays(7), plan.ReturnWindow);
        Assert.Equal(2, plan.PaidDepth);

        var sale = Sale(3, Line("BOOK-1", "books", 1, 99.00m), Line("TOY-1", "toys", 1, 50.00m));
        var quote = new CommissionEngine(plan).Quote(sale, Chain(1, 2, 3));

        AssertLine(quote, B, 1, 1, 5.00m);
        AssertLine(quote, A, 2, 1, 2.50m);
        AssertLine(quote, B, 1, 0, 10.00m);
        Assert.Equal(CommissionLineMarks.CappedPerBeneficiary, quote.Lines.Single(l => l.SaleLineIndex == 0).Marks);
        Assert.Equal(Cny(27.30m), quote.Pool);
        Assert.Equal(Cny(17.50m), quote.Total);
        Assert.Equal(Cny(9.80m), quote.Residual);
    }

    [Fact]
    public void Example6_host_rule_paying_level_4_under_a_depth_3_profile_is_truncated_with_a_finding()
    {
        var rules = new CommissionRuleCatalog().Add(new FounderBonus());
        var plan = CommissionPlan.CreateBuilder("three-level", Currency.CNY)
            .Levels(Rate.Percent(10), Rate.Percent(5), Rate.Percent(3))
            .Rule("founder-bonus")
            .Build(rules);
        var profile = new ComplianceProfile { Name = "three-levels-30pct", MaxPaidDepth = 3, MaxPayoutRatio = Rate.Percent(30) };
        var engine = new CommissionEngine(plan, new CommissionEngineOptions { Rules = rules, Compliance = profile });

        var quote = engine.Quote(Sale(10, Line("SKU-1", "tea", 1, 100.00m)), Chain(5, 4, 3, 2, 1, 10));

        Assert.Equal(3, quote.Lines.Count);
        AssertLine(quote, new MemberId(1), 1, 0, 10.00m);
        AssertLine(quote, new MemberId(2), 2, 0, 5.00m);
        AssertLine(quote, new MemberId(3), 3, 0, 3.00m);
        Assert.Equal(Cny(20.00m), quote.Pool);
        Assert.Equal(Cny(2.00m), quote.Residual);
        var finding = Assert.Single(quote.Findings);
        Assert.Equal(ComplianceCodes.SaleLineBeyondPaidDepth, finding.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("Line of member 4 at level 4 (2.00 CNY, rule founder-bonus) is beyond the profile's paid depth 3: removed, the amount stays with the platform.", finding.Message);
        Assert.Equal("S-1", finding.Subject);
        var truncated = Assert.Single(quote.Adjustments);
        Assert.Equal(CommissionAdjustmentKind.Truncated, truncated.Kind);
    }

    [Fact]
    public void Example6b_host_bonus_above_the_profile_ratio_is_scaled_down_with_one_factor()
    {
        var rules = new CommissionRuleCatalog().Add(new LaunchBonus());
        var plan = CommissionPlan.CreateBuilder("three-level", Currency.CNY)
            .Levels(Rate.Percent(10), Rate.Percent(5), Rate.Percent(3))
            .Rule("launch-bonus")
            .Build(rules);
        var profile = new ComplianceProfile { Name = "three-levels-30pct", MaxPaidDepth = 3, MaxPayoutRatio = Rate.Percent(30) };
        var quote = new CommissionEngine(plan, new CommissionEngineOptions { Rules = rules, Compliance = profile })
            .Quote(Sale(10, Line("SKU-1", "tea", 1, 100.00m)), Chain(5, 4, 3, 2, 1, 10));

        Assert.Equal(
            new[] { 7.89m, 3.94m, 2.36m, 15.78m },
            quote.Lines.Select(l => l.Amount.Amount).ToArray());
        Assert.Equal(Cny(38.00m), quote.Pool);
        Assert.Equal(Cny(29.97m), quote.Total);
        Assert.Equal(Cny(8.03m), quote.Residual);
        var finding = Assert.Single(quote.Findings);
        Assert.Equal(ComplianceCodes.SalePayoutRatioCapped, finding.Code);
        Assert.Contains("38.00 CNY exceeds 30 % of the base 100.00 CNY", finding.Message, System.StringComparison.Ordinal);
    }

    private static void AssertLine(CommissionQuote quote, MemberId who, int level, int saleLine, decimal amount)
    {
        var line = Assert.Single(quote.Lines, l => l.Level == level && l.SaleLineIndex == saleLine);
        Assert.Equal(who, line.Beneficiary);
        Assert.Equal(Cny(amount), line.Amount);
    }

    /// <summary>The doc's host rule: 2 % of each sale line to the level-4 upline (a "founder" bonus).</summary>
    private sealed class FounderBonus : ICommissionRule
    {
        public string Name => "founder-bonus";

        public void Apply(CommissionRuleContext context)
        {
            if (!context.TryGetUpline(4, out var founder))
            {
                return;
            }

            for (var i = 0; i < context.Sale.Lines.Count; i++)
            {
                var b = context.GetLineBase(i);
                context.Add(new CommissionLine { Beneficiary = founder, Level = 4, SaleLineIndex = i, Base = b, Rate = Rate.Percent(2), Amount = Rate.Percent(2).ApplyTo(b) });
            }
        }
    }

    /// <summary>The doc's host rule: a flat ¥20.00 launch bonus to the level-1 upline.</summary>
    private sealed class LaunchBonus : ICommissionRule
    {
        public string Name => "launch-bonus";

        public void Apply(CommissionRuleContext context)
        {
            if (context.TryGetUpline(1, out var referrer))
            {
                context.Add(new CommissionLine { Beneficiary = referrer, Level = 1, SaleLineIndex = 0, Base = context.GetLineBase(0), Amount = Cny(20.00m), Note = "launch bonus" });
            }
        }
    }

    private sealed class DictionaryRanks(System.Collections.Generic.Dictionary<long, int> ranks) : IMemberRanks
    {
        public int GetRank(MemberId member) => ranks[member.Value];
    }
}
