using System;
using SocialCommerce;

namespace SocialCommerce.Core.Tests;

public sealed class MoneyTests
{
    private static readonly Money OneCny = new(1m, Currency.CNY);
    private static readonly Money OneUsd = new(1m, Currency.USD);

    [Fact]
    public void Adding_two_currencies_throws_naming_both()
    {
        var ex = Assert.Throws<CurrencyMismatchException>(() => OneCny + OneUsd);
        Assert.Contains("CNY", ex.Message);
        Assert.Contains("USD", ex.Message);
        Assert.Equal(Currency.CNY, ex.Expected);
        Assert.Equal(Currency.USD, ex.Actual);
    }

    [Fact]
    public void Comparing_two_currencies_throws() =>
        Assert.Throws<CurrencyMismatchException>(() => OneCny < OneUsd);

    [Fact]
    public void Equality_is_numeric_within_a_currency_and_false_across_currencies()
    {
        Assert.Equal(new Money(1.0m, Currency.CNY), new Money(1.00m, Currency.CNY));
        Assert.NotEqual(OneCny, OneUsd);
    }

    [Theory]
    [InlineData("1.239", RoundingMode.TowardZero, "1.23")]
    [InlineData("-1.239", RoundingMode.TowardZero, "-1.23")]
    [InlineData("1.231", RoundingMode.AwayFromZero, "1.24")]
    [InlineData("-1.231", RoundingMode.AwayFromZero, "-1.24")]
    [InlineData("1.225", RoundingMode.HalfEven, "1.22")]
    [InlineData("1.235", RoundingMode.HalfEven, "1.24")]
    [InlineData("1.225", RoundingMode.HalfUp, "1.23")]
    [InlineData("-1.225", RoundingMode.HalfUp, "-1.23")]
    [InlineData("1.224", RoundingMode.HalfUp, "1.22")]
    public void Round_to_minor_unit(string amount, RoundingMode mode, string expected)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.CNY);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), money.Round(mode).Amount);
    }

    [Fact]
    public void Yen_rounds_to_whole_units() =>
        Assert.Equal(12m, new Money(12.9m, Currency.JPY).Round(RoundingMode.TowardZero).Amount);

    [Fact]
    public void Undefined_rounding_mode_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OneCny.Round((RoundingMode)42));

    [Fact]
    public void Minor_units_round_trip()
    {
        var price = Money.FromMinorUnits(19900, Currency.CNY);
        Assert.Equal(199.00m, price.Amount);
        Assert.Equal(19900, price.ToMinorUnits());
    }

    [Fact]
    public void ToMinorUnits_of_a_fractional_amount_is_refused_naming_it()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Money(1.005m, Currency.CNY).ToMinorUnits());
        Assert.Contains("1.005", ex.Message);
    }

    [Fact]
    public void Default_money_has_no_currency()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => default(Money).Currency);
        Assert.Contains("default", ex.Message);
    }

    [Fact]
    public void Allocation_splits_199_yuan_pool_ten_to_five()
    {
        // 29.85 split 10:5 -> exact shares 19.90 and 9.95.
        var parts = new Money(29.85m, Currency.CNY).Allocate([10m, 5m]);
        Assert.Equal(new[] { 19.90m, 9.95m }, new[] { parts[0].Amount, parts[1].Amount });
    }

    [Fact]
    public void Allocation_gives_leftover_cents_to_largest_remainders_then_earlier_weights()
    {
        // 1.00 in three equal parts: 0.3333.. each; one cent left goes to the first.
        var parts = new Money(1m, Currency.CNY).Allocate([1m, 1m, 1m]);
        Assert.Equal(new[] { 0.34m, 0.33m, 0.33m }, Array.ConvertAll(parts, p => p.Amount));

        // 0.05 split 0.3 : 0.7 -> 1.5 and 3.5 cents; tie on remainders -> earlier weight gets the cent.
        var tie = new Money(0.05m, Currency.CNY).Allocate([0.3m, 0.7m]);
        Assert.Equal(new[] { 0.02m, 0.03m }, Array.ConvertAll(tie, p => p.Amount));
    }

    [Fact]
    public void Allocation_of_a_negative_amount_mirrors_the_positive_one()
    {
        var parts = new Money(-1m, Currency.CNY).Allocate([1m, 1m, 1m]);
        Assert.Equal(new[] { -0.34m, -0.33m, -0.33m }, Array.ConvertAll(parts, p => p.Amount));
    }

    [Fact]
    public void Allocation_refusals_name_the_offending_value()
    {
        Assert.Throws<ArgumentException>(() => OneCny.Allocate([]));
        var negative = Assert.Throws<ArgumentException>(() => OneCny.Allocate([1m, -2m]));
        Assert.Contains("-2", negative.Message);
        Assert.Throws<ArgumentException>(() => OneCny.Allocate([0m, 0m]));
        var fractional = Assert.Throws<ArgumentException>(() => new Money(1.001m, Currency.CNY).Allocate([1m]));
        Assert.Contains("1.001", fractional.Message);
    }

    [Theory]
    [InlineData("199.00", "CNY", "199.00 CNY")]
    [InlineData("199", "CNY", "199.00 CNY")]
    [InlineData("0", "CNY", "0.00 CNY")]
    [InlineData("0.0095", "CNY", "0.0095 CNY")]
    [InlineData("-4.5", "USD", "-4.50 USD")]
    [InlineData("1200", "JPY", "1200 JPY")]
    public void Money_formats_with_invariant_culture_and_at_least_the_minor_digits(string amount, string code, string expected) =>
        Assert.Equal(expected, new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.FromCode(code)).ToString());
}
