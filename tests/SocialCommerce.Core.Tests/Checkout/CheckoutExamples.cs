using System.Linq;
using SocialCommerce.Checkout;

namespace SocialCommerce.Core.Tests.Checkout;

/// <summary>The price waterfall (issue 27) on the cases the open mall systems get wrong, and its refusals.</summary>
public sealed class CheckoutExamples
{
    private static readonly Currency Cny = Currency.CNY;

    private static Money Yuan(decimal amount) => new(amount, Cny);

    private static Cart Cart(params decimal[] prices) =>
        new(Cny, prices.Select((p, i) => new CartLine($"P-{i}", i == 0 ? "tea" : "fruit", 1, Yuan(p))).ToArray());

    [Fact]
    public void Ten_ten_and_ten_with_a_ten_yuan_coupon_leave_exactly_twenty_the_first_line_taking_the_extra_fen()
    {
        // macrozheng/mall gets 9.99 off here. Shares of 10.00 by largest remainder: 3.34, 3.33, 3.33 (ties to the earlier line).
        var coupon = new AppliedCoupon("C-1", "T-1", CouponOffer.AmountOff(Yuan(10m)));
        var a = CheckoutAllocator.Allocate(Cart(10m, 10m, 10m), [coupon]).Allocation!;

        Assert.Equal([Yuan(6.66m), Yuan(6.67m), Yuan(6.67m)], a.Lines.Select(l => l.Payable));
        Assert.Equal(Yuan(20m), a.Payable);
        Assert.Equal(Yuan(10m), a.DiscountOf("C-1"));
        Assert.Equal(new LineDiscount(DiscountSource.Coupon, "C-1", Yuan(3.34m)), Assert.Single(a.Lines[0].Discounts));
    }

    [Fact]
    public void Points_worth_more_than_the_order_are_capped_at_what_is_left_to_pay_instead_of_failing()
    {
        // yudao throws when points cover the whole amount due; here they pay it all (or all but the minimum left to pay).
        var redemption = new PointsRedemption(Cny, pointsPerUnit: 100);
        var all = CheckoutAllocator.Allocate(Cart(19.90m), [], points: 5_000, redemption).Allocation!;
        Assert.Equal((1_990L, Yuan(19.90m), Yuan(0m)), (all.PointsUsed, all.PointsValue, all.Payable));

        var leaveOneFen = new PointsRedemption(Cny, pointsPerUnit: 100, minimumLeftToPay: Yuan(0.01m));
        var most = CheckoutAllocator.Allocate(Cart(19.90m), [], points: 5_000, leaveOneFen).Allocation!;
        Assert.Equal((1_989L, Yuan(0.01m)), (most.PointsUsed, most.Payable));

        var halfAtMost = new PointsRedemption(Cny, pointsPerUnit: 100, maxShare: Rate.Percent(50));
        Assert.Equal(995L, CheckoutAllocator.Allocate(Cart(19.90m), [], points: 5_000, halfAtMost).Allocation!.PointsUsed);
    }

    [Fact]
    public void Points_are_used_only_in_steps_worth_whole_fen_and_at_least_the_minimum_per_use()
    {
        // 1,000 points a yuan: ten points are one fen, so 15 asked use 10.
        var tens = new PointsRedemption(Cny, pointsPerUnit: 1_000);
        Assert.Equal(10, tens.Step);
        var a = CheckoutAllocator.Allocate(Cart(5m), [], points: 15, tens).Allocation!;
        Assert.Equal((10L, Yuan(0.01m), Yuan(4.99m)), (a.PointsUsed, a.PointsValue, a.Payable));

        var atLeastHundred = new PointsRedemption(Cny, pointsPerUnit: 100, minimumPointsPerUse: 100);
        var refused = CheckoutAllocator.Allocate(Cart(0.50m), [], points: 500, atLeastHundred);
        Assert.Equal(CheckoutRefusal.PointsBelowMinimum, refused.Refusal);
        Assert.Contains("500 points asked", refused.Message);
        Assert.Contains("use 50", refused.Message);
    }

    [Fact]
    public void Percent_off_is_rounded_down_and_capped_and_spend_and_save_needs_its_threshold()
    {
        var capped = new AppliedCoupon("C-p", "T-p", CouponOffer.PercentOff(Rate.Percent(20), cap: Yuan(5m)));
        Assert.Equal(Yuan(5m), CheckoutAllocator.Allocate(Cart(100m), [capped]).Allocation!.CouponDiscount);
        var small = new AppliedCoupon("C-q", "T-q", CouponOffer.PercentOff(Rate.Percent(15)));
        Assert.Equal(Yuan(1.49m), CheckoutAllocator.Allocate(Cart(9.99m), [small]).Allocation!.CouponDiscount); // 1.4985 rounded down

        var manJian = new AppliedCoupon("C-m", "T-m", CouponOffer.SpendAndSave(threshold: Yuan(100m), off: Yuan(20m)));
        var below = CheckoutAllocator.Allocate(Cart(60m, 39.99m), [manJian]);
        Assert.Equal(CheckoutRefusal.CouponBelowMinimumSpend, below.Refusal);
        Assert.Contains("'C-m' needs 100.00 CNY", below.Message);
        Assert.Equal(Yuan(80m), CheckoutAllocator.Allocate(Cart(60m, 40m), [manJian]).Allocation!.Payable);
    }

    [Fact]
    public void Coupons_apply_to_their_scope_in_order_after_campaign_prices()
    {
        var cart = new Cart(Cny,
        [
            new CartLine("TEA-1", "tea", 2, Yuan(10m), campaignUnitPrice: Yuan(8m)),
            new CartLine("PEAR-1", "fruit", 1, Yuan(20m)),
        ]);
        var fruit = new AppliedCoupon("C-f", "T-f", CouponOffer.AmountOff(Yuan(5m)), CouponScope.Categories("fruit"));
        var all = new AppliedCoupon("C-a", "T-a", CouponOffer.PercentOff(Rate.Percent(10)));
        var a = CheckoutAllocator.Allocate(cart, [fruit, all]).Allocation!;

        // Tea: 20.00 list, 4.00 campaign, then 10 % of 16.00. Pear: 5.00 off, then 10 % of 15.00.
        Assert.Equal(
            [new LineDiscount(DiscountSource.Campaign, null, Yuan(4m)), new LineDiscount(DiscountSource.Coupon, "C-a", Yuan(1.60m))],
            a.Lines[0].Discounts);
        Assert.Equal(
            [new LineDiscount(DiscountSource.Coupon, "C-f", Yuan(5m)), new LineDiscount(DiscountSource.Coupon, "C-a", Yuan(1.50m))],
            a.Lines[1].Discounts);
        Assert.Equal((Yuan(14.40m), Yuan(13.50m)), (a.Lines[0].Payable, a.Lines[1].Payable));
        Assert.Equal(Yuan(4m), a.CampaignDiscount);

        var outOfScope = CheckoutAllocator.Allocate(cart, [new AppliedCoupon("C-k", "T-k", CouponOffer.AmountOff(Yuan(1m)), CouponScope.Categories("kitchen"))]);
        Assert.Equal(CheckoutRefusal.CouponOutOfScope, outOfScope.Refusal);
        Assert.Contains("'C-k'", outOfScope.Message);
        Assert.Contains("categories kitchen", outOfScope.Message);
    }

    [Fact]
    public void The_guide_example_gives_the_lines_it_prints()
    {
        var cart = new Cart(Cny,
        [
            new CartLine("TEA-1", "tea", 2, Yuan(10m), campaignUnitPrice: Yuan(8m)),
            new CartLine("PEAR-1", "fruit", 1, Yuan(20m)),
        ]);
        AppliedCoupon[] coupons =
        [
            new("C-fruit", "T-fruit", CouponOffer.AmountOff(Yuan(5m)), CouponScope.Categories("fruit")),
            new("C-10pct", "T-10pct", CouponOffer.PercentOff(Rate.Percent(10), cap: Yuan(50m))),
        ];
        var a = CheckoutAllocator.Allocate(cart, coupons, points: 500, new PointsRedemption(Cny, pointsPerUnit: 100, maxShare: Rate.Percent(50))).Allocation!;
        var printed = a.Lines.Select(line => $"{line.Line.ProductId}: {line.ListAmount} list, {string.Join(", ", line.Discounts.Select(d => $"{d.CouponId ?? d.Source.ToString()} {d.Amount}"))} -> {line.Payable}").ToArray();

        Assert.Equal("TEA-1: 20.00 CNY list, Campaign 4.00 CNY, C-10pct 1.60 CNY, Points 2.58 CNY -> 11.82 CNY", printed[0]);
        Assert.Equal("PEAR-1: 20.00 CNY list, C-fruit 5.00 CNY, C-10pct 1.50 CNY, Points 2.42 CNY -> 11.08 CNY", printed[1]);
        Assert.Equal((500L, 258L, 242L), (a.PointsUsed, a.Lines[0].Points, a.Lines[1].Points));
    }

    [Fact]
    public void Stacking_rules_refuse_a_second_coupon_of_a_template_a_one_per_order_coupon_beside_another_and_a_coupon_twice()
    {
        var cart = Cart(100m);
        var a1 = new AppliedCoupon("C-1", "T-a", CouponOffer.AmountOff(Yuan(1m)));
        var a2 = new AppliedCoupon("C-2", "T-a", CouponOffer.AmountOff(Yuan(1m)));
        var alone = new AppliedCoupon("C-3", "T-b", CouponOffer.AmountOff(Yuan(1m)), stacking: CouponStacking.OnePerOrder);
        var other = new AppliedCoupon("C-4", "T-c", CouponOffer.AmountOff(Yuan(1m)));

        Assert.Equal(CheckoutRefusal.CouponNotStackable, CheckoutAllocator.Allocate(cart, [a1, a2]).Refusal);
        Assert.Equal(CheckoutRefusal.CouponNotStackable, CheckoutAllocator.Allocate(cart, [other, alone]).Refusal);
        Assert.Equal(CheckoutRefusal.DuplicateCoupon, CheckoutAllocator.Allocate(cart, [a1, a1]).Refusal);
        Assert.Equal(Yuan(98m), CheckoutAllocator.Allocate(cart, [a1, other]).Allocation!.Payable);
        Assert.Equal(CheckoutRefusal.CouponCurrencyMismatch, CheckoutAllocator.Allocate(cart, [new AppliedCoupon("C-5", "T-d", CouponOffer.AmountOff(new Money(1m, Currency.USD)))]).Refusal);
    }

    [Fact]
    public void Three_refunds_of_one_unit_each_return_exactly_what_the_line_paid_and_its_coupon_and_points()
    {
        var cart = new Cart(Cny, [new CartLine("TEA-1", "tea", 3, Yuan(10m))]);
        var coupon = new AppliedCoupon("C-1", "T-1", CouponOffer.AmountOff(Yuan(1m)));
        var a = CheckoutAllocator.Allocate(cart, [coupon], points: 100, new PointsRedemption(Cny, 100)).Allocation!;
        Assert.Equal((Yuan(28m), 100L), (a.Payable, a.PointsUsed));

        var refunds = new[] { a.RefundUnits(0, 0, 1), a.RefundUnits(0, 1, 1), a.RefundUnits(0, 2, 1) };
        Assert.Equal([Yuan(9.33m), Yuan(9.33m), Yuan(9.34m)], refunds.Select(r => r.Money));
        Assert.Equal([33L, 33L, 34L], refunds.Select(r => r.Points));
        Assert.Equal([Yuan(0.33m), Yuan(0.33m), Yuan(0.34m)], refunds.Select(r => r.Coupons.Single().Amount));

        var byAmount = a.RefundAmount(0, Yuan(0m), Yuan(14m));
        Assert.Equal((Yuan(14m), 50L, Yuan(0.50m)), (byAmount.Money, byAmount.Points, byAmount.Coupons.Single().Amount));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => a.RefundUnits(0, 2, 2));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => a.RefundAmount(0, Yuan(14m), Yuan(14.01m)));
    }

    [Fact]
    public void Values_are_checked_where_they_enter()
    {
        Assert.Contains("quantity", Assert.Throws<System.ArgumentOutOfRangeException>(() => new CartLine("P", "c", 0, Yuan(1m))).Message);
        Assert.Contains("at most the unit price", Assert.Throws<System.ArgumentException>(() => new CartLine("P", "c", 1, Yuan(1m), Yuan(2m))).Message);
        Assert.Contains("whole minor units", Assert.Throws<System.ArgumentException>(() => new CartLine("P", "c", 1, Yuan(0.001m))).Message);
        Assert.Contains("passes", Assert.Throws<System.ArgumentException>(() => new Cart(Cny, [new CartLine("P", "c", 1_000_000, Money.FromMinorUnits(Limits.MaxMinorUnits / 100, Cny)), new CartLine("Q", "c", 1, Yuan(1m))])).Message);
        Assert.Throws<System.ArgumentException>(() => CouponOffer.SpendAndSave(Yuan(10m), Yuan(11m)));
        Assert.Throws<System.ArgumentException>(() => CouponOffer.PercentOff(Rate.Zero));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new PointsRedemption(Cny, 0));
        Assert.Throws<System.ArgumentNullException>(() => CheckoutAllocator.Allocate(Cart(1m), [], points: 10));
    }

    [Fact]
    public void An_allocated_line_is_a_view_of_its_allocation_equal_to_the_same_line_of_the_same_allocation_only()
    {
        var coupon = new AppliedCoupon("C-1", "T-1", CouponOffer.AmountOff(Yuan(1m)));
        var a = CheckoutAllocator.Allocate(Cart(10m, 20m), [coupon]).Allocation!;
        var b = CheckoutAllocator.Allocate(Cart(10m, 20m), [coupon]).Allocation!;

        Assert.Equal(a.Lines[1], a.Lines.ElementAt(1));
        Assert.True(a.Lines[0] != a.Lines[1]);
        Assert.NotEqual(a.Lines[0], b.Lines[0]);
        Assert.Equal(2, a.Lines.Count);
        Assert.Equal([0, 1], a.Lines.Select(l => l.Index));
        Assert.Same(a.Lines[1].Discounts, a.Lines[1].Discounts); // written once, when first read
        Assert.Throws<System.ArgumentOutOfRangeException>(() => a.Lines[2]);
        Assert.Contains("default value", Assert.Throws<System.InvalidOperationException>(() => default(AllocatedLine).Payable).Message);
    }
}
