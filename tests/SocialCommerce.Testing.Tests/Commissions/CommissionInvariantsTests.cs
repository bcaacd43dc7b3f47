using System;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Testing.Tests.Commissions;

public sealed class CommissionInvariantsTests
{
    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = 500)]
    public void Every_check_holds_on_the_engines_own_quotes(CommissionCase c)
    {
        var plan = c.Plan.Build();
        var quote = c.Quote();
        CommissionInvariants.Conservation(quote)
            .And(CommissionInvariants.Conservation(quote, quote.Pool))
            .And(CommissionInvariants.RespectsPlanCaps(quote, plan))
            .And(CommissionInvariants.PaysTheUpline(quote, c.BuildNetwork()))
            .ThrowIfViolated();
    }

    [Fact]
    public void Conservation_names_the_created_amount_on_a_quote_that_does_not_add_up()
    {
        var cny = Currency.CNY;
        var sale = new Sale("S-9", new MemberId(3), Instant.FromUtc(2026, 1, 1, 0, 0), cny, [new SaleLine("p", "c", 1, new Money(100m, cny))]);
        var line = new CommissionLine { Beneficiary = new MemberId(2), Level = 1, Base = new Money(100m, cny), Amount = new Money(10.005m, cny), Rule = "levels" };
        var broken = new CommissionQuote(sale, "plan", new Money(100m, cny), new Money(10m, cny), new Money(10.005m, cny), Money.Zero(cny), Money.Zero(cny), new CommissionLines([line]), [], []);

        var result = CommissionInvariants.Conservation(broken);

        Assert.False(result.Holds);
        Assert.Contains("sale 'S-9'", result.Failure, StringComparison.Ordinal);
        Assert.Contains("member 2, level 1", result.Failure, StringComparison.Ordinal);
        Assert.Contains("not a whole number of minor units", result.Failure, StringComparison.Ordinal);
        Assert.Contains("Total 10.005 + Residual 0 = 10.005, but Pool is 10: 0.005 created", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_limits_name_the_line_beyond_the_depth_and_the_total_beyond_the_ratio()
    {
        var network = new NetworkSample([-1, 0, 1, 2, 3]);
        var plan = CommissionPlan.CreateBuilder("deep", Currency.CNY).Levels(Rate.Percent(30), Rate.Percent(20), Rate.Percent(10), Rate.Percent(5)).Build();
        var audit = new ComplianceProfile { Name = "strict", MaxPaidDepth = 2, MaxPayoutRatio = Rate.Percent(40), Mode = ComplianceMode.Audit };
        var sale = new Sale("S-1", network.Member(4), Instant.FromUtc(2026, 1, 1, 0, 0), Currency.CNY, [new SaleLine("p", "c", 1, new Money(100m, Currency.CNY))]);
        var quote = new CommissionEngine(plan, new CommissionEngineOptions { Compliance = audit }).Quote(sale, network.Build(sale.PaidAt));

        var result = CommissionInvariants.RespectsProfile(quote, audit);

        Assert.False(result.Holds);
        Assert.Contains("member 2, level 3", result.Failure, StringComparison.Ordinal);
        Assert.Contains("beyond profile 'strict''s paid depth 2", result.Failure, StringComparison.Ordinal);
        Assert.Contains("total 65.00 exceeds profile 'strict''s payout ratio 40 % of the base 100", result.Failure, StringComparison.Ordinal);
        Assert.True(CommissionInvariants.RespectsProfile(new CommissionEngine(plan, new CommissionEngineOptions { Compliance = audit with { Mode = ComplianceMode.Enforce, MaxPaidDepth = 4, MaxPayoutRatio = Rate.Percent(80) } }).Quote(sale, network.Build(sale.PaidAt)), audit with { MaxPaidDepth = 4, MaxPayoutRatio = Rate.Percent(80) }).Holds);
    }

    [Fact]
    public void Plan_caps_and_the_upline_check_name_the_member()
    {
        var network = new NetworkSample([-1, 0, 1]);
        var loose = CommissionPlan.CreateBuilder("loose", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5)).Build();
        var tight = CommissionPlan.CreateBuilder("tight", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5)).CapPerBeneficiary(new Money(5m, Currency.CNY)).Build();
        var sale = new Sale("S-1", network.Member(2), Instant.FromUtc(2026, 1, 1, 0, 0), Currency.CNY, [new SaleLine("p", "c", 1, new Money(100m, Currency.CNY))]);
        var quote = new CommissionEngine(loose).Quote(sale, network.Build(sale.PaidAt));

        var caps = CommissionInvariants.RespectsPlanCaps(quote, tight);
        Assert.False(caps.Holds);
        Assert.Contains("member 2 earns 10.00, above plan 'tight''s per-beneficiary cap 5", caps.Failure, StringComparison.Ordinal);

        // The same quote against a network where member 3 was referred by member 1 directly.
        var other = new NetworkSample([-1, 0, 0]).Build(sale.PaidAt);
        var upline = CommissionInvariants.PaysTheUpline(quote, other);
        Assert.False(upline.Holds);
        Assert.Contains("pays member 2 at level 1, but the buyer's level-1 referrer is member 1", upline.Failure, StringComparison.Ordinal);
    }
}
