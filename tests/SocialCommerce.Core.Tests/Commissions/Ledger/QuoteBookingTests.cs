using System;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Commissions.CommissionTestNetwork;

namespace SocialCommerce.Core.Tests.Commissions.Ledger;

public sealed class QuoteBookingTests
{
    private static readonly MemberId A = new(1);
    private static readonly MemberId B = new(2);

    private static CommissionPlan TwoLevel() =>
        CommissionPlan.CreateBuilder("two-level", Currency.CNY)
            .Levels(Rate.Percent(10), Rate.Percent(5))
            .ReturnWindow(Duration.FromDays(7))
            .Build();

    [Fact]
    public void A_booked_quote_keeps_its_beneficiaries_and_amounts_through_the_lifecycle()
    {
        var plan = TwoLevel();
        var network = Chain(1, 2, 3);
        var sale = Sale(3, Line("SKU-1", "tea", 1, 199.00m));
        var quote = new CommissionEngine(plan).Quote(sale, network);
        var ledger = new CommissionLedger();

        ledger.Post(LedgerSale.FromQuote(sale, quote, plan));
        Assert.Equal(Cny(19.90m), ledger.GetBalance(B, Currency.CNY).Pending);
        Assert.Equal(Cny(9.95m), ledger.GetBalance(A, Currency.CNY).Pending);

        ledger.Complete("S-1", At + Duration.FromDays(2));
        ledger.Release(At + Duration.FromDays(9) - Duration.Epsilon);
        Assert.Equal(Cny(19.90m), ledger.GetBalance(B, Currency.CNY).Frozen);
        ledger.Release(At + Duration.FromDays(9));
        Assert.Equal(Cny(19.90m), ledger.GetBalance(B, Currency.CNY).Available);
        Assert.Equal(Cny(9.95m), ledger.GetBalance(A, Currency.CNY).Available);
    }

    [Fact]
    public void A_full_refund_of_a_booked_quote_cancels_exactly_what_was_booked()
    {
        var plan = TwoLevel();
        var sale = Sale(3, Line("SKU-1", "tea", 2, 99.99m), Line("SKU-2", "tea", 1, 0.07m));
        var quote = new CommissionEngine(plan).Quote(sale, Chain(1, 2, 3));
        var ledger = new CommissionLedger();
        ledger.Post(LedgerSale.FromQuote(sale, quote, plan.ReturnWindow));

        ledger.Refund(LedgerRefund.Full("R-1", "S-1", At + Duration.FromHours(1)));

        foreach (var member in new[] { A, B })
        {
            var balance = ledger.GetBalance(member, Currency.CNY);
            Assert.Equal(balance.Booked, balance.Reversed);
            Assert.True(balance.Pending.IsZero);
        }
    }

    [Fact]
    public void A_quote_of_another_sale_is_refused_naming_both()
    {
        var plan = TwoLevel();
        var quote = new CommissionEngine(plan).Quote(Sale(3, Line("SKU-1", "tea", 1, 10m)), Chain(1, 2, 3));
        var other = new Sale("S-2", new MemberId(3), At, Currency.CNY, [Line("SKU-1", "tea", 1, 10m)]);
        var ex = Assert.Throws<ArgumentException>(() => LedgerSale.FromQuote(other, quote, plan));
        Assert.Contains("'S-1'", ex.Message);
        Assert.Contains("'S-2'", ex.Message);
    }
}
