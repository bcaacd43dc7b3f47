using System;
using System.Collections.Generic;

namespace SocialCommerce.Checkout;

/// <summary>
/// A cart line after allocation: its list amount, the discounts taken off it in order (the trace), the points paying
/// part of it, and what is left to pay in money — the sale line's paid amount.
/// </summary>
public sealed class AllocatedLine
{
    private readonly AppliedCoupon[] _applied;
    private readonly long[] _coupons;
    private readonly int _couponStart;
    private LineDiscount[]? _discounts;

    // The coupon shares of every line live in one array of the allocation (line i's share of coupon c at i × k + c); a
    // line holds its segment, and writes its trace from it when first read.
    internal AllocatedLine(int index, CartLine line, long listMinor, long payableMinor, long points, long pointsValueMinor, AppliedCoupon[] applied, long[] coupons, int couponStart)
    {
        Index = index;
        Line = line;
        ListMinor = listMinor;
        PayableMinor = payableMinor;
        Points = points;
        PointsValueMinor = pointsValueMinor;
        _applied = applied;
        _coupons = coupons;
        _couponStart = couponStart;
    }

    /// <summary>Gets the line's index in the cart.</summary>
    public int Index { get; }

    /// <summary>Gets the cart line.</summary>
    public CartLine Line { get; }

    /// <summary>Gets unit price × quantity.</summary>
    public Money ListAmount => Money.FromMinorUnits(ListMinor, Line.UnitPrice.Currency);

    /// <summary>Gets the discounts taken off the line, in order: campaign, coupons (in the order applied), points; written from the allocation's amounts when first read.</summary>
    public IReadOnlyList<LineDiscount> Discounts => _discounts ??= Trace();

    /// <summary>Gets the points paying part of the line.</summary>
    public long Points { get; }

    /// <summary>Gets what the points pay of the line.</summary>
    public Money PointsValue => Money.FromMinorUnits(PointsValueMinor, Line.UnitPrice.Currency);

    /// <summary>Gets what is left to pay in money: the list amount less every discount, never below zero.</summary>
    public Money Payable => Money.FromMinorUnits(PayableMinor, Line.UnitPrice.Currency);

    internal long ListMinor { get; }

    internal long PayableMinor { get; }

    internal long PointsValueMinor { get; }

    /// <summary>Returns the share of this line taken by the coupon at position <paramref name="coupon"/> (zero when out of scope).</summary>
    internal long CouponMinor(int coupon) => _coupons[_couponStart + coupon];

    // The trace, in the order the discounts applied: the campaign price, each coupon, the points. Written once from the
    // amounts the allocation decided (a race between two first readers writes the same trace twice).
    private LineDiscount[] Trace()
    {
        var currency = Line.UnitPrice.Currency;
        var campaignOff = ListMinor - (Line.PriceMinor * Line.Quantity);
        var count = (campaignOff != 0 ? 1 : 0) + (PointsValueMinor != 0 ? 1 : 0);
        for (var c = 0; c < _applied.Length; c++)
        {
            count += CouponMinor(c) != 0 ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var trace = new LineDiscount[count];
        var t = 0;
        if (campaignOff != 0)
        {
            trace[t++] = new LineDiscount(DiscountSource.Campaign, null, Commissions.LedgerAmounts.FromMinor(campaignOff, currency));
        }

        for (var c = 0; c < _applied.Length; c++)
        {
            if (CouponMinor(c) is var share and not 0)
            {
                trace[t++] = new LineDiscount(DiscountSource.Coupon, _applied[c].CouponId, Commissions.LedgerAmounts.FromMinor(share, currency));
            }
        }

        if (PointsValueMinor != 0)
        {
            trace[t] = new LineDiscount(DiscountSource.Points, null, Commissions.LedgerAmounts.FromMinor(PointsValueMinor, currency));
        }

        return trace;
    }
}
