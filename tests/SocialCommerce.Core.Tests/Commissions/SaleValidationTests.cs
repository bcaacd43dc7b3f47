using System;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Commissions.CommissionTestNetwork;

namespace SocialCommerce.Core.Tests.Commissions;

public sealed class SaleValidationTests
{
    private static void Refused(Action create, string field, string value)
    {
        var e = Assert.Throws<InvalidSaleException>(create);
        Assert.Equal(field, e.Field);
        Assert.Equal(value, e.Value);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_paid_amount_is_refused() =>
        Refused(() => _ = new SaleLine("SKU-1", "tea", 1, Cny(-1.00m)), "paidAmount", "-1.00 CNY");

    [Fact]
    public void Negative_shipping_or_shipping_in_another_currency_is_refused() =>
        Assert.Multiple(
            () => Refused(() => _ = new SaleLine("SKU-1", "tea", 1, Cny(1m), Cny(-0.50m)), "shipping", "-0.50 CNY"),
            () => Refused(() => _ = new SaleLine("SKU-1", "tea", 1, Cny(1m), new Money(2.00m, Currency.USD)), "shipping", "2.00 USD"));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_zero_or_negative_quantity_is_refused(int quantity) =>
        Refused(() => _ = new SaleLine("SKU-1", "tea", quantity, Cny(1m)), "quantity", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_missing_product_id_is_refused() =>
        Refused(() => _ = new SaleLine(string.Empty, "tea", 1, Cny(1m)), "productId", "\"\"");

    [Fact]
    public void Mixed_currencies_are_refused_naming_the_line() =>
        Refused(
            () => _ = new Sale("S-1", new MemberId(1), At, Currency.CNY, [Line("A", "x", 1, 1m), new SaleLine("B", "x", 1, new Money(3.00m, Currency.USD))]),
            "lines[1].paidAmount",
            "3.00 USD");

    [Fact]
    public void An_empty_sale_or_id_is_refused() =>
        Assert.Multiple(
            () => Refused(() => _ = new Sale("S-1", new MemberId(1), At, Currency.CNY, []), "lines", "[]"),
            () => Refused(() => _ = new Sale(string.Empty, new MemberId(1), At, Currency.CNY, [Line("A", "x", 1, 1m)]), "id", "\"\""));
}
