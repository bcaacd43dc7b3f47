using System;
using SocialCommerce;

namespace SocialCommerce.Core.Tests;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("CNY", 2)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("HKD", 2)]
    [InlineData("TWD", 2)]
    [InlineData("SGD", 2)]
    [InlineData("GBP", 2)]
    public void Built_in_currencies_resolve_with_their_minor_units(string code, int minorUnit)
    {
        var currency = Currency.FromCode(code);
        Assert.Equal(code, currency.Code);
        Assert.Equal(minorUnit, currency.MinorUnit);
    }

    [Fact]
    public void Unknown_code_is_refused_with_the_code_in_the_message()
    {
        var ex = Assert.Throws<UnknownCurrencyException>(() => Currency.FromCode("XYZ"));
        Assert.Contains("'XYZ'", ex.Message);
        Assert.Equal("XYZ", ex.Code);
        Assert.False(Currency.TryFromCode("cny", out _));
    }

    [Fact]
    public void A_host_defines_its_own_currency_with_value_equality()
    {
        var krw = new Currency("KRW", 0);
        Assert.Equal(new Currency("KRW", 0), krw);
        Assert.NotEqual(new Currency("KRW", 2), krw);
        Assert.Equal(1m, krw.MinorUnitSize);
    }

    [Theory]
    [InlineData("cny")]
    [InlineData("CN")]
    [InlineData("CNYY")]
    [InlineData("C1Y")]
    public void Malformed_codes_are_refused_naming_the_code(string code)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Currency(code, 2));
        Assert.Contains(code, ex.Message);
    }

    [Fact]
    public void Minor_unit_out_of_range_is_refused_naming_the_value()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Currency("ABC", 9));
        Assert.Contains("9", ex.Message);
    }
}
