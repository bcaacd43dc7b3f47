using System;
using System.Linq;
using System.Numerics;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions;

/// <summary>
/// Ordinary sales that used to crash the quote (an overflow in the integer truncation of the rounding stage) and the
/// batch path, checked against an independent oracle: floor(base in minor units × rate) in big-integer arithmetic.
/// </summary>
public sealed class OrdinarySaleTests
{
    private static readonly Instant Paid = Instant.FromUtc(2026, 11, 1, 10, 0);

    private static ReferralNetwork Chain()
    {
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), Paid);
        network.AddMember(new MemberId(2), new MemberId(1), Paid);
        network.AddMember(new MemberId(3), new MemberId(2), Paid);
        return network;
    }

    /// <summary>floor(minor × fraction) with the fraction as an exact ratio of big integers.</summary>
    private static decimal Oracle(decimal amount, decimal fraction, int digits)
    {
        var minor = new BigInteger(amount * (decimal)Math.Pow(10, digits));
        var scale = fraction.Scale;
        var numerator = new BigInteger(fraction * (decimal)Math.Pow(10, scale));
        var units = minor * numerator / BigInteger.Pow(10, scale);
        return (decimal)units / (decimal)Math.Pow(10, digits);
    }

    [Theory]
    [InlineData(3.3333, 644.26, 1)]
    [InlineData(12.5, 171798.70, 1)]
    [InlineData(12.34, 17402.63, 1)]
    [InlineData(3.33333333, 99999999.99, 7)]
    [InlineData(7.69230769, 10000000000000.00, 1)]
    public void A_level_rate_with_decimals_quotes_exactly_on_both_paths(double percent, double amount, int quantity)
    {
        var rate = Rate.Percent((decimal)percent);
        var paid = (decimal)amount;
        var plan = CommissionPlan.CreateBuilder("p", Currency.CNY).Levels(rate, rate).Build();
        var engine = new CommissionEngine(plan);
        var sale = new Sale("S", new MemberId(3), Paid, Currency.CNY, [new SaleLine("P", "c", quantity, new Money(paid, Currency.CNY))]);

        var quote = engine.Quote(sale, Chain());
        var buffer = new CommissionLine[8];
        var written = engine.QuoteInto(sale, Chain(), buffer, out var residual);

        var expected = Oracle(paid, rate.Fraction, 2);
        Assert.Equal([expected, expected], quote.Lines.ToArray().Select(l => l.Amount.Amount));
        Assert.Equal(quote.Lines.ToArray(), buffer[..written]);
        Assert.Equal(quote.Residual, residual);
        Assert.Equal(quote.Pool.Amount, quote.Total.Amount + quote.Residual.Amount);
        Assert.Equal(2 * paid * rate.Fraction, quote.Pool.Amount);
    }

    [Fact]
    public void A_self_purchase_rebate_of_many_decimals_on_four_units_quotes_exactly()
    {
        var plan = CommissionPlan.CreateBuilder("p", Currency.CNY).SelfPurchaseRebate(Rate.Percent(64.9928m)).Build();
        var sale = new Sale("S", new MemberId(3), Paid, Currency.CNY, [new SaleLine("P", "c", 4, new Money(4 * 3683.61m, Currency.CNY))]);

        var quote = new CommissionEngine(plan).Quote(sale, Chain());

        Assert.Equal(Oracle(14734.44m, 0.649928m, 2), Assert.Single(quote.Lines.ToArray()).Amount.Amount);
        Assert.Equal(quote.Pool.Amount, quote.Total.Amount + quote.Residual.Amount);
    }

    [Fact]
    public void The_largest_supported_sale_quotes_on_both_paths_with_forfeits_and_fixed_amounts()
    {
        var most = Money.FromMinorUnits(Limits.MaxMinorUnits, Currency.CNY);
        var plan = CommissionPlan.CreateBuilder("p", Currency.CNY)
            .Levels(Rate.Percent(99.99999999m))
            .Eligibility(CommissionEligibility.EnabledDistributors, IneligibleShare.Forfeit)
            .ProductOverride("F", o => o.FixedPerUnit(1, Money.FromMinorUnits(Limits.MaxMinorUnits / Limits.MaxQuantity, Currency.CNY)))
            .Build();
        var engine = new CommissionEngine(plan);
        var lines = new[] { new SaleLine("P", "c", 1, most - new Money(1m, Currency.CNY)), new SaleLine("F", "c", Limits.MaxQuantity, new Money(1m, Currency.CNY)) };
        foreach (var enabled in new[] { true, false })
        {
            var sale = new Sale("S", new MemberId(3), Paid, Currency.CNY, lines) { EnabledDistributors = enabled ? new System.Collections.Generic.HashSet<MemberId> { new(2) } : [] };
            var quote = engine.Quote(sale, Chain());
            var buffer = new CommissionLine[8];
            var written = engine.QuoteInto(sale, Chain(), buffer, out var residual);

            Assert.Equal(quote.Lines.ToArray(), buffer[..written]);
            Assert.Equal(quote.Residual, residual);
            Assert.Equal(quote.Pool.Amount, quote.Total.Amount + quote.Residual.Amount);
            Assert.Equal(enabled ? 2 : 0, written);
        }
    }

    [Fact]
    public void A_sale_in_another_currency_names_the_sale_and_the_plan()
    {
        var plan = CommissionPlan.CreateBuilder("standard", Currency.CNY).Levels(Rate.Percent(10)).Build();
        var sale = new Sale("S-9", new MemberId(3), Paid, Currency.USD, [new SaleLine("P", "c", 1, new Money(1m, Currency.USD))]);

        var e = Assert.Throws<CurrencyMismatchException>(() => new CommissionEngine(plan).Quote(sale, Chain()));

        Assert.Contains("Sale 'S-9'", e.Message, StringComparison.Ordinal);
        Assert.Contains("plan 'standard'", e.Message, StringComparison.Ordinal);
        Assert.Throws<CurrencyMismatchException>(() => new CommissionEngine(plan).QuoteInto(sale, Chain(), new CommissionLine[4], out _));
    }

    [Fact]
    public void Two_currencies_with_one_code_print_their_minor_digits()
    {
        var e = Assert.Throws<CurrencyMismatchException>(() => new Money(1m, Currency.CNY) + new Money(1m, new Currency("CNY", 3)));
        Assert.Contains("CNY (2 minor digits) and CNY (3 minor digits)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("79000000000000000000000000")]
    [InlineData("10000000000000.01")]
    public void A_sale_line_beyond_the_supported_amount_is_refused_naming_the_field(string amount)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var e = Assert.Throws<InvalidSaleException>(() => new SaleLine("P", "c", 1, new Money(value, Currency.CNY)));
        Assert.Equal("paidAmount", e.Field);
    }

    [Fact]
    public void A_sale_whose_total_is_beyond_the_supported_amount_is_refused()
    {
        var most = Money.FromMinorUnits(Limits.MaxMinorUnits, Currency.CNY);
        var e = Assert.Throws<InvalidSaleException>(() => new Sale("S", new MemberId(3), Paid, Currency.CNY, [new SaleLine("a", "c", 1, most), new SaleLine("b", "c", 1, new Money(0.01m, Currency.CNY))]));
        Assert.Equal("lines", e.Field);
        Assert.Throws<InvalidSaleException>(() => new SaleLine("a", "c", Limits.MaxQuantity + 1, most));
    }

    [Fact]
    public void A_sale_paid_outside_the_supported_instants_is_refused()
    {
        var e = Assert.Throws<InvalidSaleException>(() => new Sale("S", new MemberId(3), Instant.MaxValue, Currency.CNY, [new SaleLine("a", "c", 1, new Money(1m, Currency.CNY))]));
        Assert.Equal("paidAt", e.Field);
    }
}
