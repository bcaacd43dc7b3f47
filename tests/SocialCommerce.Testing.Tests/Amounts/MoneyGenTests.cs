using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialCommerce.Testing.Tests.Amounts;

public sealed class MoneyGenTests
{
    [Property(Arbitrary = [typeof(MoneyArbitraries)], MaxTest = 1000)]
    public void Generated_amounts_are_whole_minor_units_in_range(Money amount)
    {
        var units = amount.Amount / amount.Currency.MinorUnitSize;
        Assert.Equal(decimal.Truncate(units), units);
        Assert.InRange(units, 0m, (decimal)Limits.MaxMinorUnits);
    }

    [Property(Arbitrary = [typeof(MoneyArbitraries)], MaxTest = 500)]
    public void Shrinking_an_amount_moves_toward_zero_in_the_same_currency(Money amount)
    {
        var candidates = MoneyGen.Shrink(amount).ToArray();
        Assert.Equal(amount.IsZero, candidates.Length == 0);
        Assert.All(candidates, c =>
        {
            Assert.Equal(amount.Currency, c.Currency);
            Assert.True(c.Amount < amount.Amount, $"{c} is not smaller than {amount}");
        });
        if (!amount.IsZero)
        {
            Assert.True(candidates[0].IsZero);
        }
    }

    [Property(Arbitrary = [typeof(MoneyArbitraries)], MaxTest = 500)]
    public void Rates_stay_within_zero_and_one_hundred_percent_and_shrink_down(Rate rate)
    {
        Assert.InRange(rate.Fraction, 0m, 1m);
        Assert.All(MoneyGen.Shrink(rate), r => Assert.True(r < rate));
    }

    [Fact]
    public void ChooseLong_covers_wide_ranges_within_bounds()
    {
        var values = Draw.From(MoneyGen.ChooseLong(-5, 5_000_000_000_000L), 2000, 20);
        Assert.All(values, v => Assert.InRange(v, -5, 5_000_000_000_000L));
        Assert.Contains(values, v => v > int.MaxValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => MoneyGen.ChooseLong(2, 1));
    }

    [Fact]
    public void Amounts_reach_the_edges_zero_and_one_minor_unit()
    {
        var values = Draw.From(MoneyGen.MinorUnits(1_000), 3000, 20);
        Assert.Contains(0L, values);
        Assert.Contains(1L, values);
        Assert.All(values, v => Assert.InRange(v, 0, 1_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => MoneyGen.MinorUnits(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MoneyGen.Rates(10_001));
    }

    [Fact]
    public void Generators_reach_the_edges_of_the_supported_ranges()
    {
        var amounts = Draw.From(MoneyGen.Amounts(), 3000, 20);
        Assert.Contains(amounts, a => a.Amount / a.Currency.MinorUnitSize == Limits.MaxMinorUnits);
        Assert.Contains(amounts, a => a.Amount / a.Currency.MinorUnitSize > 1_000_000_000_000m);
        Assert.Contains(amounts, a => a.Currency.Equals(MoneyGen.OneDigitHostCurrency));
        Assert.Contains(amounts, a => a.Currency.MinorUnit == 0);
        Assert.Contains(amounts, a => a.Currency.MinorUnit == 3);

        var rates = Draw.From(MoneyGen.Rates(), 3000, 20);
        Assert.Contains(rates, r => r.Fraction.Scale > 4 && decimal.Truncate(r.Fraction * 1_000_000m) != r.Fraction * 1_000_000m);
        Assert.All(rates, r => Assert.True(Rate.IsSupportedPrecision(r.Fraction)));
        Assert.Contains(rates, r => r == Rate.Full);
    }
}
