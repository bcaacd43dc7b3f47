using System;
using System.Collections.Generic;

namespace SocialCommerce.Checkout;

/// <summary>
/// A cart line after allocation: its list amount, the discounts taken off it in order (the trace), the points paying
/// part of it, and what is left to pay in money — the sale line's paid amount.
/// </summary>
public sealed class AllocatedLine
{
    private readonly LineDiscount[] _trace;
    private readonly int _traceStart;
    private readonly int _traceCount;
    private readonly long[] _coupons;
    private readonly int _couponStart;

    // The trace and the coupon shares of every line live in two arrays of the allocation; a line holds its segments.
    internal AllocatedLine(int index, CartLine line, long listMinor, long payableMinor, long points, long pointsValueMinor, LineDiscount[] trace, int traceStart, int traceCount, long[] coupons, int couponStart)
    {
        Index = index;
        Line = line;
        ListMinor = listMinor;
        PayableMinor = payableMinor;
        Points = points;
        PointsValueMinor = pointsValueMinor;
        _trace = trace;
        _traceStart = traceStart;
        _traceCount = traceCount;
        _coupons = coupons;
        _couponStart = couponStart;
    }

    /// <summary>Gets the line's index in the cart.</summary>
    public int Index { get; }

    /// <summary>Gets the cart line.</summary>
    public CartLine Line { get; }

    /// <summary>Gets unit price × quantity.</summary>
    public Money ListAmount => Money.FromMinorUnits(ListMinor, Line.UnitPrice.Currency);

    /// <summary>Gets the discounts taken off the line, in order: campaign, coupons (in the order applied), points.</summary>
    public IReadOnlyList<LineDiscount> Discounts => new ArraySegment<LineDiscount>(_trace, _traceStart, _traceCount);

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
}
