using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Checkout;

/// <summary>
/// A cart allocated: each line's payable amount in whole minor units with the trace of its discounts, the points used
/// and their value, and the exact shares a partial refund returns. The payable amounts are the sale's paid amounts
/// (<see cref="ToSale"/>), so commissions apply to what was really paid. Immutable.
/// </summary>
public sealed class CheckoutAllocation
{
    private readonly AllocatedLine[] _lines;
    private readonly AppliedCoupon[] _coupons;

    internal CheckoutAllocation(Cart cart, AllocatedLine[] lines, AppliedCoupon[] coupons, long[] couponTotals, long pointsRequested, long pointsUsed, long pointsValue, long campaignMinor)
    {
        Currency = cart.Currency;
        _lines = lines;
        _coupons = coupons;
        CouponTotals = couponTotals;
        PointsRequested = pointsRequested;
        PointsUsed = pointsUsed;
        PointsValueMinor = pointsValue;
        ListTotalMinor = cart.ListTotalMinor;
        CampaignMinor = campaignMinor;
        var coupon = 0L;
        foreach (var total in couponTotals)
        {
            coupon += total;
        }

        CouponMinor = coupon;
        PayableMinor = ListTotalMinor - campaignMinor - coupon - pointsValue;
    }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the lines, in cart order.</summary>
    public IReadOnlyList<AllocatedLine> Lines => _lines;

    /// <summary>Gets the coupons applied, in order.</summary>
    public IReadOnlyList<AppliedCoupon> Coupons => _coupons;

    /// <summary>Gets the sum of unit price × quantity.</summary>
    public Money ListTotal => Money.FromMinorUnits(ListTotalMinor, Currency);

    /// <summary>Gets what campaign prices took off.</summary>
    public Money CampaignDiscount => Money.FromMinorUnits(CampaignMinor, Currency);

    /// <summary>Gets what the coupons took off.</summary>
    public Money CouponDiscount => Money.FromMinorUnits(CouponMinor, Currency);

    /// <summary>Gets the points asked to pay.</summary>
    public long PointsRequested { get; }

    /// <summary>Gets the points used (at most those asked, within the policy's limits, a multiple of its step).</summary>
    public long PointsUsed { get; }

    /// <summary>Gets what the points used pay.</summary>
    public Money PointsValue => Money.FromMinorUnits(PointsValueMinor, Currency);

    /// <summary>Gets what is left to pay in money: the sum of the lines' payable amounts.</summary>
    public Money Payable => Money.FromMinorUnits(PayableMinor, Currency);

    internal long ListTotalMinor { get; }

    internal long CampaignMinor { get; }

    internal long CouponMinor { get; }

    internal long PointsValueMinor { get; }

    internal long PayableMinor { get; }

    internal long[] CouponTotals { get; }

    /// <summary>Returns what one coupon took off the whole cart.</summary>
    /// <param name="couponId">The coupon.</param>
    /// <returns>Its discount.</returns>
    /// <exception cref="KeyNotFoundException">The coupon was not applied.</exception>
    public Money DiscountOf(string couponId)
    {
        for (var c = 0; c < _coupons.Length; c++)
        {
            if (string.Equals(_coupons[c].CouponId, couponId, StringComparison.Ordinal))
            {
                return Money.FromMinorUnits(CouponTotals[c], Currency);
            }
        }

        throw new KeyNotFoundException($"Coupon '{couponId}' was not applied to this checkout.");
    }

    /// <summary>
    /// What refunding <paramref name="units"/> units of a line returns, after <paramref name="refundedBefore"/> units of
    /// it were refunded: for r units refunded in all, a share is ⌊share × r ÷ quantity⌋, and each refund returns the
    /// difference, so refunds that reach the whole quantity return exactly the line's money, points and coupon value.
    /// </summary>
    /// <param name="lineIndex">The line.</param>
    /// <param name="refundedBefore">Units of it refunded before, 0 to its quantity − 1.</param>
    /// <param name="units">Units refunded now, at least 1, at most what is left.</param>
    /// <returns>What to return.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the message names it.</exception>
    public CheckoutRefund RefundUnits(int lineIndex, int refundedBefore, int units)
    {
        var line = Line(lineIndex);
        var quantity = line.Line.Quantity;
        if (refundedBefore < 0 || refundedBefore >= quantity)
        {
            throw new ArgumentOutOfRangeException(nameof(refundedBefore), refundedBefore, string.Create(CultureInfo.InvariantCulture, $"Line {lineIndex} has {quantity} units; units refunded before should be 0 to {quantity - 1}."));
        }

        if (units < 1 || units > quantity - refundedBefore)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, string.Create(CultureInfo.InvariantCulture, $"Line {lineIndex} has {quantity - refundedBefore} units left to refund; units should be 1 to that."));
        }

        return Share(line, refundedBefore, refundedBefore + units, quantity);
    }

    /// <summary>
    /// What refunding an amount of a line's payable money returns, after <paramref name="refundedBefore"/> of it was
    /// refunded: points and coupon value in proportion, cumulatively (as <see cref="RefundUnits"/>), so refunds that
    /// reach the whole payable amount return exactly everything. Use one basis per line: units or amounts.
    /// </summary>
    /// <param name="lineIndex">The line.</param>
    /// <param name="refundedBefore">Money of the line refunded before.</param>
    /// <param name="amount">Money refunded now: positive whole minor units, at most what is left.</param>
    /// <returns>What to return (its <see cref="CheckoutRefund.Money"/> is <paramref name="amount"/>).</returns>
    /// <exception cref="ArgumentException">An amount is out of range or in another currency; the message names it.</exception>
    public CheckoutRefund RefundAmount(int lineIndex, Money refundedBefore, Money amount)
    {
        var line = Line(lineIndex);
        var before = Minor(refundedBefore, nameof(refundedBefore));
        var now = Minor(amount, nameof(amount));
        if (before < 0 || before >= line.PayableMinor)
        {
            throw new ArgumentOutOfRangeException(nameof(refundedBefore), refundedBefore, $"Line {lineIndex} paid {line.Payable}; money refunded before should be from zero to less than that.");
        }

        if (now <= 0 || now > line.PayableMinor - before)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Line {lineIndex} has {Money.FromMinorUnits(line.PayableMinor - before, Currency)} left to refund; the amount should be positive and at most that.");
        }

        return Share(line, before, before + now, line.PayableMinor);
    }

    /// <summary>The sale this checkout pays for: one sale line per cart line, paid its payable amount.</summary>
    /// <param name="saleId">The sale (order) id.</param>
    /// <param name="buyer">The buyer.</param>
    /// <param name="paidAt">When it was paid.</param>
    /// <returns>The sale, for quoting commissions and booking them.</returns>
    public Sale ToSale(string saleId, MemberId buyer, Instant paidAt)
    {
        var lines = new SaleLine[_lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = _lines[i];
            lines[i] = new SaleLine(line.Line.ProductId, line.Line.Category, line.Line.Quantity, line.Payable);
        }

        return new Sale(saleId, buyer, paidAt, Currency, lines);
    }

    private static long Cumulative(long share, long part, long whole) => part == whole ? share : (long)((Int128)share * part / whole);

    private CheckoutRefund Share(AllocatedLine line, long from, long to, long whole)
    {
        long Of(long share) => Cumulative(share, to, whole) - Cumulative(share, from, whole);
        List<LineDiscount>? coupons = null;
        for (var c = 0; c < _coupons.Length; c++)
        {
            var value = Of(line.CouponMinor(c));
            if (value != 0)
            {
                (coupons ??= []).Add(new LineDiscount(DiscountSource.Coupon, _coupons[c].CouponId, Money.FromMinorUnits(value, Currency)));
            }
        }

        return new CheckoutRefund(line.Index, Money.FromMinorUnits(Of(line.PayableMinor), Currency), Of(line.Points), coupons is null ? [] : coupons);
    }

    private AllocatedLine Line(int lineIndex) =>
        lineIndex >= 0 && lineIndex < _lines.Length
            ? _lines[lineIndex]
            : throw new ArgumentOutOfRangeException(nameof(lineIndex), lineIndex, string.Create(CultureInfo.InvariantCulture, $"The checkout has lines 0 to {_lines.Length - 1}."));

    private long Minor(Money amount, string name) =>
        amount != default && amount.Currency.Equals(Currency) && Limits.IsSupported(amount)
            ? amount.ToMinorUnits()
            : throw new ArgumentException($"{name} is {(amount == default ? "the default Money" : amount.ToString())}; it should be whole minor units of {Currency.Code}.", name);
}
