using System;
using SocialCommerce;

namespace SocialCommerce.Core.Tests;

public sealed class RateTests
{
    [Fact]
    public void Percent_and_basis_points_agree() =>
        Assert.Equal(Rate.Percent(12.5m), Rate.BasisPoints(1250));

    [Fact]
    public void Applying_a_rate_is_exact()
    {
        var result = Rate.Percent(12.5m).ApplyTo(new Money(199.99m, Currency.CNY));
        Assert.Equal(24.99875m, result.Amount);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("100.01")]
    public void Percent_outside_range_is_refused_naming_the_value(string value)
    {
        var percent = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(percent));
        Assert.Contains(value, ex.Message);
    }

    [Fact]
    public void Basis_points_and_fractions_outside_range_are_refused()
    {
        Assert.Contains("10001", Assert.Throws<ArgumentOutOfRangeException>(() => Rate.BasisPoints(10001)).Message);
        Assert.Contains("1.5", Assert.Throws<ArgumentOutOfRangeException>(() => Rate.FromFraction(1.5m)).Message);
    }

    [Fact]
    public void Sum_above_full_is_refused_and_difference_never_negative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(60) + Rate.Percent(41));
        Assert.Equal(Rate.Zero, Rate.Percent(5) - Rate.Percent(8));
        Assert.Equal(Rate.Percent(3), Rate.Percent(8) - Rate.Percent(5));
    }

    [Fact]
    public void Formats_as_percent() => Assert.Equal("12.5 %", Rate.BasisPoints(1250).ToString());
}
