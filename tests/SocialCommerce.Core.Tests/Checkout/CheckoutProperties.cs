using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Checkout;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Checkout;

/// <summary>The price waterfall (issue 27) over the whole supported range.</summary>
public sealed class CheckoutProperties
{
    [Property(Arbitrary = [typeof(CheckoutArbitraries)], MaxTest = 800)]
    public void Every_discount_adds_up_exactly_no_line_goes_below_zero_and_points_keep_the_policy(CheckoutCase c)
    {
        var result = c.Allocate();
        if (!result.IsAccepted)
        {
            Assert.NotEqual(CheckoutRefusal.None, result.Refusal);
            Assert.Null(result.Allocation);
            return;
        }

        var a = result.Allocation!;
        var cur = c.Cart.Currency;
        Assert.Equal(c.Cart.ListTotal, a.ListTotal);
        Assert.Equal(a.ListTotal, a.CampaignDiscount + a.CouponDiscount + a.PointsValue + a.Payable);
        Assert.Equal(a.Payable, a.Lines.Aggregate(Money.Zero(cur), (sum, l) => sum + l.Payable));
        Assert.Equal(a.PointsUsed, a.Lines.Sum(l => l.Points));
        Assert.Equal(a.PointsValue, a.Lines.Aggregate(Money.Zero(cur), (sum, l) => sum + l.PointsValue));
        foreach (var line in a.Lines)
        {
            Assert.False(line.Payable.IsNegative, $"line {line.Index} payable {line.Payable} ({c})");
            Assert.True(line.Points >= 0);
            Assert.Equal(line.ListAmount, line.Discounts.Aggregate(line.Payable, (sum, d) => sum + d.Amount));
            Assert.All(line.Discounts, d => Assert.True(d.Amount.Amount > 0m && d.Amount.IsWholeMinorUnits));
        }

        foreach (var coupon in c.Coupons)
        {
            var total = a.Lines.SelectMany(l => l.Discounts).Where(d => d.CouponId == coupon.CouponId).Aggregate(Money.Zero(cur), (sum, d) => sum + d.Amount);
            Assert.Equal(a.DiscountOf(coupon.CouponId), total);
            Assert.True(total.Amount > 0m || coupon.Offer.Kind == CouponOfferKind.PercentOff, $"coupon {coupon.CouponId} took nothing ({c})");
            Assert.All(a.Lines.Where(l => !coupon.Scope.Includes(l.Line)), l => Assert.DoesNotContain(l.Discounts, d => d.CouponId == coupon.CouponId));
            if (coupon.Offer.Cap is { } cap)
            {
                Assert.True(total <= cap);
            }
        }

        if (c.Points == 0)
        {
            Assert.Equal(0, a.PointsUsed);
            return;
        }

        var policy = c.Redemption!;
        Assert.True(a.PointsUsed <= c.Points && a.PointsUsed % policy.Step == 0 && a.PointsUsed >= Math.Max(1, policy.MinimumPointsPerUse), $"{a.PointsUsed} points used ({c})");
        Assert.Equal(a.PointsUsed * (long)cur.MinorUnitsPerUnit / policy.PointsPerUnit, a.PointsValue.ToMinorUnits());
        var left = a.Payable + a.PointsValue;
        Assert.True(a.PointsValue.Amount <= decimal.Floor(left.ToMinorUnits() * policy.MaxShare.Fraction) * cur.MinorUnitSize, $"points pay {a.PointsValue} of {left} ({c})");
        Assert.True(a.Payable >= Money.Min(policy.MinimumLeftToPay, left), $"leaves {a.Payable} ({c})");

        // Not more than asked, nor less than the policy allows: one more step would break a limit or exceed the request.
        var more = a.PointsUsed + policy.Step;
        Assert.True(more > c.Points || policy.PointsWorthAtMost(Math.Min((long)decimal.Floor(left.ToMinorUnits() * policy.MaxShare.Fraction), left.ToMinorUnits() - Math.Min(left.ToMinorUnits(), policy.MinimumLeftToPay.ToMinorUnits()))) < more, $"{a.PointsUsed} used of {c.Points} ({c})");
    }

    [Property(Arbitrary = [typeof(CheckoutArbitraries)], MaxTest = 600)]
    public void Partial_refunds_that_end_in_a_full_refund_return_exactly_the_money_points_and_coupon_value(CheckoutCase c, int seed)
    {
        if (c.Allocate().Allocation is not { } a)
        {
            return;
        }

        foreach (var line in a.Lines)
        {
            var byUnits = Refunds(line, CheckoutGen.Parts(line.Line.Quantity, seed), (before, part) => a.RefundUnits(line.Index, (int)before, (int)part));
            Assert.Equal((line.Payable, line.Points), (byUnits.Money, byUnits.Points));
            Assert.Equal(CouponsOf(line), byUnits.Coupons);

            if (line.Payable.IsZero)
            {
                continue;
            }

            var byAmount = Refunds(line, CheckoutGen.Parts(line.Payable.ToMinorUnits(), seed + 1), (before, part) => a.RefundAmount(line.Index, Money.FromMinorUnits(before, a.Currency), Money.FromMinorUnits(part, a.Currency)));
            Assert.Equal((line.Payable, line.Points), (byAmount.Money, byAmount.Points));
            Assert.Equal(CouponsOf(line), byAmount.Coupons);
        }
    }

    [Property(Arbitrary = [typeof(CheckoutArbitraries)], MaxTest = 500)]
    public void A_discount_is_spread_by_largest_remainder_each_share_within_one_minor_unit_of_its_exact_proportion(CheckoutCase c)
    {
        // One coupon on every line, nothing else: its shares are proportional to what the lines cost after campaign prices.
        var coupon = new AppliedCoupon("C-all", "T-all", CouponOffer.PercentOff(Rate.Percent(37.5m)));
        if (CheckoutAllocator.Allocate(c.Cart, [coupon]).Allocation is not { } a)
        {
            return;
        }

        // |share − discount × weight ÷ total| < 1, exactly: |share × total − discount × weight| < total (in 128 bits).
        var weights = c.Cart.Lines.Select(l => (Int128)(l.CampaignUnitPrice ?? l.UnitPrice).ToMinorUnits() * l.Quantity).ToArray();
        var total = weights.Aggregate(Int128.Zero, (x, y) => x + y);
        var discount = (Int128)a.CouponDiscount.ToMinorUnits();
        var expected = LargestRemainder(discount, weights);
        foreach (var line in a.Lines)
        {
            var share = (Int128)line.Discounts.Where(d => d.Source == DiscountSource.Coupon).Sum(d => d.Amount.ToMinorUnits());
            Assert.True(Int128.Abs((share * total) - (discount * weights[line.Index])) < total, $"line {line.Index}: share {share} of {discount} ({c})");
            Assert.True(share == expected[line.Index], $"line {line.Index}: share {share}, largest remainder (ties to the earlier line) gives {expected[line.Index]} ({c})");
        }
    }

    [Fact]
    public void A_cart_of_more_lines_than_fit_on_the_stack_is_spread_by_largest_remainder_too()
    {
        // 150 lines (the allocator's scratch moves to the heap past 64) with prices that leave many equal remainders.
        var cny = Currency.CNY;
        var cart = new Cart(cny, Enumerable.Range(0, 150).Select(i => new CartLine($"P{i}", "all", 1 + (i % 3), Money.FromMinorUnits(100 + (i % 7), cny))).ToArray());
        var coupon = new AppliedCoupon("C-all", "T-all", CouponOffer.AmountOff(Money.FromMinorUnits(9_999, cny)));
        var a = CheckoutAllocator.Allocate(cart, [coupon]).Allocation!;
        var weights = cart.Lines.Select(l => (Int128)l.UnitPrice.ToMinorUnits() * l.Quantity).ToArray();
        var expected = LargestRemainder(9_999, weights);
        Assert.Equal(expected.Select(e => (long)e), a.Lines.Select(l => l.Discounts.Single(d => d.Source == DiscountSource.Coupon).Amount.ToMinorUnits()));
    }

    // The reference: ⌊amount × weight ÷ total⌋ each, then one more to the largest remainders, the earlier line first.
    private static Int128[] LargestRemainder(Int128 amount, Int128[] weights)
    {
        var total = weights.Aggregate(Int128.Zero, (x, y) => x + y);
        var shares = weights.Select(w => amount * w / total).ToArray();
        var left = amount - shares.Aggregate(Int128.Zero, (x, y) => x + y);
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => amount * weights[i] % total).ThenBy(i => i).Take((int)left))
        {
            shares[i]++;
        }

        return shares;
    }

    [Property(Arbitrary = [typeof(CheckoutArbitraries)], MaxTest = 300)]
    public void The_sale_pays_what_the_checkout_left_to_pay(CheckoutCase c)
    {
        if (c.Allocate().Allocation is not { } a)
        {
            return;
        }

        var sale = a.ToSale("S-1", new MemberId(7), Instant.FromUtc(2026, 12, 6, 0, 0));
        Assert.Equal(a.Lines.Select(l => l.Payable), sale.Lines.Select(l => l.PaidAmount));
        Assert.Equal(a.Lines.Select(l => (l.Line.ProductId, l.Line.Category, l.Line.Quantity)), sale.Lines.Select(l => (l.ProductId, l.Category, l.Quantity)));
    }

    [Fact]
    public void The_generator_mostly_gives_accepted_checkouts_with_coupons_and_points()
    {
        var cases = CheckoutGen.Cases.Sample(600, 50);
        var accepted = cases.Select(c => c.Allocate()).Where(r => r.IsAccepted).Select(r => r.Allocation!).ToArray();
        var refusals = string.Join(", ", cases.Select(c => c.Allocate()).Where(r => !r.IsAccepted).GroupBy(r => r.Refusal).Select(g => $"{g.Key} {g.Count()}"));
        Assert.True(accepted.Length > 300, $"{accepted.Length} of 600 accepted; refused: {refusals}");
        Assert.True(accepted.Count(a => a.Coupons.Count > 1) > 50);
        Assert.True(accepted.Count(a => a.PointsUsed > 0) > 100);
        Assert.True(accepted.Count(a => a.Lines.Any(l => l.Discounts.Count >= 3)) > 30);
    }

    private static (Money Money, long Points, (string, Money)[] Coupons) Refunds(AllocatedLine line, long[] parts, Func<long, long, CheckoutRefund> refund)
    {
        var money = Money.Zero(line.Payable.Currency);
        var points = 0L;
        var coupons = new System.Collections.Generic.Dictionary<string, Money>();
        var before = 0L;
        foreach (var part in parts)
        {
            var r = refund(before, part);
            money += r.Money;
            points += r.Points;
            Assert.True(!r.Money.IsNegative && r.Points >= 0);
            foreach (var d in r.Coupons)
            {
                coupons[d.CouponId!] = coupons.TryGetValue(d.CouponId!, out var sum) ? sum + d.Amount : d.Amount;
            }

            before += part;
        }

        return (money, points, coupons.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToArray());
    }

    private static (string, Money)[] CouponsOf(AllocatedLine line) =>
        line.Discounts.Where(d => d.Source == DiscountSource.Coupon).OrderBy(d => d.CouponId, StringComparer.Ordinal).Select(d => (d.CouponId!, d.Amount)).ToArray();
}
