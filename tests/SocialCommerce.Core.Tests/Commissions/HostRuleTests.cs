using System;
using System.Linq;
using System.Threading.Tasks;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Commissions.CommissionTestNetwork;

namespace SocialCommerce.Core.Tests.Commissions;

public sealed class HostRuleTests
{
    [Fact]
    public void A_campaign_rule_raises_lines_of_one_category_and_the_pool_grows_with_it()
    {
        var rules = new CommissionRuleCatalog().Add(new TeaCampaign());
        var plan = CommissionPlan.CreateBuilder("campaign", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5)).Rule("tea-campaign").Build(rules);
        var quote = new CommissionEngine(plan, new CommissionEngineOptions { Rules = rules })
            .Quote(Sale(3, Line("TEA-1", "tea", 1, 100m), Line("MUG-1", "kitchen", 1, 100m)), Chain(1, 2, 3));

        // Tea: level 1 raised from 10.00 to 12.00; level 2 untouched; the mug is not in the campaign.
        var teaLevel1 = quote.Lines.Single(l => l.SaleLineIndex == 0 && l.Level == 1);
        Assert.Equal(Cny(12.00m), teaLevel1.Amount);
        Assert.Equal("tea-campaign", teaLevel1.Rule);
        Assert.Equal(CommissionLineMarks.ChangedByRule, teaLevel1.Marks);
        Assert.Equal(Cny(10.00m), quote.Lines.Single(l => l.SaleLineIndex == 1 && l.Level == 1).Amount);
        Assert.Equal(Cny(32.00m), quote.Pool);
        Assert.Equal(Cny(32.00m), quote.Total);
        Assert.Equal(Cny(0m), quote.Residual);
    }

    [Fact]
    public void Removing_or_lowering_a_line_leaves_the_difference_to_the_residual_as_an_adjustment()
    {
        var rules = new CommissionRuleCatalog().Add(new BlockAndHalve(new MemberId(1)));
        var plan = CommissionPlan.CreateBuilder("blocked", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5)).Rule("block-and-halve").Build(rules);
        var quote = new CommissionEngine(plan, new CommissionEngineOptions { Rules = rules })
            .Quote(Sale(3, Line("A", "x", 1, 100m)), Chain(1, 2, 3));

        var line = Assert.Single(quote.Lines);
        Assert.Equal(new MemberId(2), line.Beneficiary);
        Assert.Equal(Cny(5.00m), line.Amount);
        Assert.Equal(Cny(15.00m), quote.Pool);
        Assert.Equal(Cny(10.00m), quote.Residual);
        Assert.Equal(
            new[] { (CommissionAdjustmentKind.RemovedByRule, 5.00m), (CommissionAdjustmentKind.ReducedByRule, 5.00m) },
            quote.Adjustments.Select(a => (a.Kind, a.ToResidual.Amount)).ToArray());
        Assert.All(quote.Adjustments, a => Assert.Equal("block-and-halve", a.Rule));
    }

    [Fact]
    public void A_host_line_without_base_or_rule_gets_the_sale_lines_base_and_the_rules_name()
    {
        var rules = new CommissionRuleCatalog().Add(new FlatBonus());
        var plan = CommissionPlan.CreateBuilder("flat", Currency.CNY).Rule("flat").Build(rules);
        var quote = new CommissionEngine(plan, new CommissionEngineOptions { Rules = rules }).Quote(Sale(2, Line("A", "x", 1, 80m)), Chain(1, 2));

        var line = Assert.Single(quote.Lines);
        Assert.Equal(Cny(80m), line.Base);
        Assert.Equal("flat", line.Rule);
        Assert.Equal("Level 1 (member 1): on base 80.00 CNY = 3.00 CNY [flat]", line.Explanation);
    }

    [Fact]
    public void One_engine_quotes_concurrently_with_the_same_results_as_sequentially()
    {
        var plan = CommissionPlan.CreateBuilder("p", Currency.CNY)
            .Levels(Rate.Percent(10), Rate.Percent(5), Rate.Percent(3))
            .CategoryOverride("books", o => o.Level(1, Rate.Percent(20)))
            .Build();
        var engine = new CommissionEngine(plan);
        var network = Chain(1, 2, 3, 4, 5, 6);
        var sales = Enumerable.Range(0, 400)
            .Select(i => new Sale($"S-{i}", new MemberId(2 + (i % 5)), At, Currency.CNY, [Line("A", i % 3 == 0 ? "books" : "tea", 1 + (i % 4), 10m + (i * 1.37m))]))
            .ToArray();
        var sequential = sales.Select(s => engine.Quote(s, network).Lines.ToArray()).ToArray();
        var parallel = new CommissionLine[sales.Length][];
        Parallel.For(0, sales.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = engine.Quote(sales[i], network).Lines.ToArray());

        for (var i = 0; i < sales.Length; i++)
        {
            Assert.Equal(sequential[i], parallel[i]);
        }
    }

    private sealed class TeaCampaign : ICommissionRule
    {
        public string Name => "tea-campaign";

        public void Apply(CommissionRuleContext context)
        {
            for (var i = 0; i < context.Lines.Length; i++)
            {
                var line = context.Lines[i];
                if (line.Level == 1 && context.Sale.Lines[line.SaleLineIndex].Category == "tea")
                {
                    context.Replace(i, line with { Amount = line.Amount + Rate.Percent(2).ApplyTo(line.Base), Rate = line.Rate!.Value + Rate.Percent(2), Rule = Name });
                }
            }
        }
    }

    private sealed class BlockAndHalve(MemberId blocked) : ICommissionRule
    {
        public string Name => "block-and-halve";

        public void Apply(CommissionRuleContext context)
        {
            for (var i = context.Lines.Length - 1; i >= 0; i--)
            {
                var line = context.Lines[i];
                if (line.Beneficiary == blocked)
                {
                    context.RemoveAt(i);
                }
                else
                {
                    context.Replace(i, line with { Amount = line.Amount * 0.5m });
                }
            }
        }
    }

    private sealed class FlatBonus : ICommissionRule
    {
        public string Name => "flat";

        public void Apply(CommissionRuleContext context)
        {
            if (context.TryGetUpline(1, out var referrer))
            {
                context.Add(new CommissionLine { Beneficiary = referrer, Level = 1, Amount = Cny(3m) });
            }
        }
    }
}
