using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
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
    // Each line's amounts sit in one array, a row of Stride values per line: list, payable, points, points value, then
    // its share of each coupon; the coupon totals follow the last row.
    internal const int ListColumn = 0;
    internal const int PayableColumn = 1;
    internal const int PointsColumn = 2;
    internal const int PointsValueColumn = 3;
    internal const int CouponColumns = 4;

    private readonly CartLine[] _cartLines;
    private readonly long[] _amounts;
    private readonly int _stride;
    private readonly AppliedCoupon[] _coupons;
    private readonly AllocatedLines _lines;
    private LineDiscount[]?[]? _traces;

    internal CheckoutAllocation(Cart cart, long[] amounts, AppliedCoupon[] coupons, long pointsRequested, long pointsUsed, long pointsValue, long campaignMinor)
    {
        Currency = cart.Currency;
        _cartLines = cart.LineArray;
        _amounts = amounts;
        _stride = CouponColumns + coupons.Length;
        _coupons = coupons;
        _lines = new AllocatedLines(this, cart.LineArray.Length);
        PointsRequested = pointsRequested;
        PointsUsed = pointsUsed;
        PointsValueMinor = pointsValue;
        ListTotalMinor = cart.ListTotalMinor;
        CampaignMinor = campaignMinor;
        var coupon = 0L;
        for (var c = 0; c < coupons.Length; c++)
        {
            coupon += CouponTotal(c);
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
                return Money.FromMinorUnits(CouponTotal(c), Currency);
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
        var lines = new SaleLine[_cartLines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = _cartLines[i];
            lines[i] = new SaleLine(line.ProductId, line.Category, line.Quantity, Money.FromMinorUnits(AmountOf(i, PayableColumn), Currency));
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

    /// <summary>Returns the row offset of a line's amounts for an allocation of <paramref name="coupons"/> coupons.</summary>
    internal static int RowOf(int line, int coupons) => line * (CouponColumns + coupons);

    /// <summary>Returns where the coupon totals start in the amounts of <paramref name="lines"/> lines and <paramref name="coupons"/> coupons (also the array's length less <paramref name="coupons"/>).</summary>
    internal static int TotalsAt(int lines, int coupons) => lines * (CouponColumns + coupons);

    internal CartLine CartLineAt(int line) => _cartLines[line];

    internal long AmountOf(int line, int column) => _amounts[(line * _stride) + column];

    // The trace, in the order the discounts applied: the campaign price, each coupon, the points. Written once from the
    // amounts the allocation decided, when first read (a race between two first readers writes the same trace twice).
    internal LineDiscount[] TraceOf(int line)
    {
        var traces = _traces ?? Interlocked.CompareExchange(ref _traces, new LineDiscount[]?[_cartLines.Length], null) ?? _traces;
        return traces[line] ??= Trace(line);
    }

    private long CouponTotal(int coupon) => _amounts[TotalsAt(_cartLines.Length, _coupons.Length) + coupon];

    private LineDiscount[] Trace(int line)
    {
        var cartLine = _cartLines[line];
        var campaignOff = AmountOf(line, ListColumn) - (cartLine.PriceMinor * cartLine.Quantity);
        var pointsValue = AmountOf(line, PointsValueColumn);
        var count = (campaignOff != 0 ? 1 : 0) + (pointsValue != 0 ? 1 : 0);
        for (var c = 0; c < _coupons.Length; c++)
        {
            count += AmountOf(line, CouponColumns + c) != 0 ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var trace = new LineDiscount[count];
        var t = 0;
        if (campaignOff != 0)
        {
            trace[t++] = new LineDiscount(DiscountSource.Campaign, null, LedgerAmounts.FromMinor(campaignOff, Currency));
        }

        for (var c = 0; c < _coupons.Length; c++)
        {
            if (AmountOf(line, CouponColumns + c) is var share and not 0)
            {
                trace[t++] = new LineDiscount(DiscountSource.Coupon, _coupons[c].CouponId, LedgerAmounts.FromMinor(share, Currency));
            }
        }

        if (pointsValue != 0)
        {
            trace[t] = new LineDiscount(DiscountSource.Points, null, LedgerAmounts.FromMinor(pointsValue, Currency));
        }

        return trace;
    }

    private AllocatedLine Line(int lineIndex) =>
        lineIndex >= 0 && lineIndex < _cartLines.Length
            ? new AllocatedLine(this, lineIndex)
            : throw new ArgumentOutOfRangeException(nameof(lineIndex), lineIndex, string.Create(CultureInfo.InvariantCulture, $"The checkout has lines 0 to {_cartLines.Length - 1}."));

    private long Minor(Money amount, string name) =>
        amount != default && amount.Currency.Equals(Currency) && Limits.IsSupported(amount)
            ? amount.ToMinorUnits()
            : throw new ArgumentException($"{name} is {(amount == default ? "the default Money" : amount.ToString())}; it should be whole minor units of {Currency.Code}.", name);
}
