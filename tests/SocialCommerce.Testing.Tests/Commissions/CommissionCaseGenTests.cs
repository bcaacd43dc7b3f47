using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialCommerce.Compliance;

namespace SocialCommerce.Testing.Tests.Commissions;

public sealed class CommissionCaseGenTests
{
    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = 200)]
    public void Shrunk_cases_are_valid_and_quote(CommissionCase c)
    {
        foreach (var smaller in CommissionCaseGen.Shrink(c).Take(40))
        {
            Assert.InRange(smaller.Buyer, 0, smaller.Network.Count - 1);
            Assert.Equal(smaller.Network.Count, smaller.Enabled.Count);
            Assert.Equal(smaller.Network.Count, smaller.Ranks.Count);
            CommissionInvariants.Conservation(smaller.Quote()).ThrowIfViolated();
        }
    }

    [Fact]
    public void Cases_within_a_profile_quote_under_it_and_stay_within_when_shrunk()
    {
        var profile = ComplianceProfiles.ChinaSocialCommerce;
        foreach (var c in Draw.From(CommissionCaseGen.Cases(profile, Currency.CNY), 100, 15))
        {
            var quote = c.Quote(profile);
            CommissionInvariants.RespectsProfile(quote, profile).ThrowIfViolated();
            foreach (var smaller in CommissionCaseGen.Shrink(c).Take(20))
            {
                CommissionInvariants.RespectsProfile(smaller.Quote(profile), profile).ThrowIfViolated();
            }
        }
    }

    [Fact]
    public void Sales_stay_in_range_and_shrink_to_fewer_simpler_lines()
    {
        var sales = Draw.From(SaleGen.Sales(Currency.USD, maxLines: 3, categories: ["fresh", "tea"]), 300, 20);
        Assert.All(sales, s =>
        {
            Assert.InRange(s.Lines.Count, 1, 3);
            Assert.All(s.Lines, l => Assert.Contains(l.Category, new[] { "fresh", "tea" }));
            Assert.All(s.Lines, l => Assert.InRange(l.Quantity, 1, Limits.MaxQuantity));
            Assert.Equal(Currency.USD, s.Currency);
            Assert.True(s.Lines.Sum(l => l.PaidMinorUnits + l.ShippingMinorUnits) <= Limits.MaxMinorUnits);
        });
        Assert.Contains(sales, s => s.Lines.Any(l => l.Quantity > 5));
        Assert.Contains(sales, s => s.Lines.Any(l => l.PaidMinorUnits > 1_000_000_000));
        var big = sales.First(s => s.Lines.Count > 1);
        Assert.All(SaleGen.Shrink(big), smaller =>
            Assert.True(smaller.Lines.Count < big.Lines.Count || smaller.Lines.Sum(l => l.PaidMinorUnits + l.ShippingMinorUnits + l.Quantity) < big.Lines.Sum(l => l.PaidMinorUnits + l.ShippingMinorUnits + l.Quantity)));
    }

    [Fact]
    public void Plans_reach_deep_levels_and_rates_of_many_decimals()
    {
        var plans = Draw.From(CommissionPlanGen.Plans(Currency.CNY), 2000, 20);
        Assert.Contains(plans, p => p.LevelBasisPoints.Count > 4 || p.DifferentialDepth > 4);
        Assert.Contains(plans, p => p.LevelBasisPoints.Any(bp => bp != decimal.Truncate(bp * 100m) / 100m));
        Assert.Contains(plans, p => (p.ProductOverride ?? []).Any(o => o.IsFixed && o.Value > 1_000_000));
        Assert.All(plans.Take(300), p => p.Build());
    }
}
