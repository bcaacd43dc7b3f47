using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.Intrinsics;
using SocialCommerce.Commissions;

namespace SocialCommerce.Checkout;

/// <summary>
/// The price waterfall, one pure function: a cart, its campaign prices, its coupons and a points deduction give each
/// line a payable amount in whole minor units. Campaign prices come first; then each coupon, in the order given, takes
/// its discount from what its eligible lines cost by then; then the points pay a share of what is left. Every discount
/// is spread over its lines by largest remainder in proportion to what each line costs at that step (ties to the
/// earlier line) — never "the last line takes the rest" — so the shares add up exactly and no line goes below zero.
/// </summary>
/// <remarks>
/// Allocation-free beyond its result for carts up to 64 lines (scratch space is on the stack). Nothing is reserved or
/// used: a wallet reserves the points and an order locks the coupons after the allocation is accepted.
/// </remarks>
public static class CheckoutAllocator
{
    private const int StackLines = 64;

    // Spreads over at most this many lines (with totals to 2^57) give their units left by rank in vector registers.
    private const int RankedLines = 24;
    private const long MaxRankedTotal = 1L << 57;

    // Below ⌊√(2^63 − 1)⌋: the product of two such values fits a long.
    private const long Sqrt63 = 3_037_000_499;

    /// <summary>Allocates a cart.</summary>
    /// <param name="cart">The cart (with its campaign prices).</param>
    /// <param name="coupons">The coupons applied, in order; none when empty.</param>
    /// <param name="points">Points the member asks to pay with (0 for none), at most <see cref="Limits.MaxPoints"/>; the wallet checks its balance separately.</param>
    /// <param name="redemption">How points pay; required when <paramref name="points"/> is positive.</param>
    /// <returns>The allocation, or the refusal naming the coupon or limit.</returns>
    /// <exception cref="ArgumentException">An argument is null or out of its range.</exception>
    public static CheckoutResult Allocate(Cart cart, IReadOnlyList<AppliedCoupon> coupons, long points = 0, PointsRedemption? redemption = null)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(coupons);
        if (points is < 0 or > Limits.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, string.Create(CultureInfo.InvariantCulture, $"Points should be 0 to {Limits.MaxPoints}."));
        }

        if (points > 0 && redemption is null)
        {
            throw new ArgumentNullException(nameof(redemption), "Paying with points needs the points policy (PointsRedemption).");
        }

        // The coupons are read from an array of our own from here on (the caller's list may change; the result keeps it).
        var couponArray = coupons.Count == 0 ? [] : new AppliedCoupon[coupons.Count];
        if (coupons is AppliedCoupon[] array)
        {
            array.CopyTo(couponArray, 0);
        }
        else
        {
            for (var c = 0; c < couponArray.Length; c++)
            {
                couponArray[c] = coupons[c];
            }
        }

        if (Check(cart, couponArray, points, redemption) is { } refused)
        {
            return refused;
        }

        var lines = cart.LineArray;
        var n = lines.Length;
        var k = couponArray.Length;
        var stride = CheckoutAllocation.CouponColumns + k;
        var amounts = new long[CheckoutAllocation.TotalsAt(n, k) + k]; // kept by the result: a row per line, then the coupon totals
        Span<long> payable = n <= StackLines ? stackalloc long[n] : new long[n];
        Span<long> scratch = n <= StackLines ? stackalloc long[n] : new long[n];
        Span<long> remainders = n <= StackLines ? stackalloc long[2 * n] : new long[2 * n]; // the remainders, then room to select among them
        var campaign = 0L;
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            var list = line.UnitMinor * line.Quantity;
            payable[i] = line.PriceMinor * line.Quantity;
            amounts[i * stride] = list;
            campaign += list - payable[i];
        }

        for (var c = 0; c < k; c++)
        {
            var coupon = couponArray[c];
            var eligible = 0L;
            var everyLine = coupon.Scope.Kind == CouponScopeKind.All;
            for (var i = 0; i < n; i++)
            {
                scratch[i] = everyLine || coupon.Scope.Includes(lines[i]) ? payable[i] : 0;
                eligible += scratch[i];
            }

            if (eligible == 0)
            {
                return CheckoutResult.Refused(CheckoutRefusal.CouponOutOfScope, $"Coupon '{coupon.CouponId}' applies to no line of the cart that still costs something ({Describe(coupon.Scope)}).");
            }

            var offer = coupon.Offer;
            if (eligible < offer.MinimumMinor)
            {
                return CheckoutResult.Refused(CheckoutRefusal.CouponBelowMinimumSpend, $"Coupon '{coupon.CouponId}' needs {offer.MinimumSpend} spent on its lines; they cost {Money.FromMinorUnits(eligible, cart.Currency)}.");
            }

            var discount = offer.Kind == CouponOfferKind.PercentOff ? (long)decimal.Floor(eligible * offer.Percent.Fraction) : offer.OffMinor;
            discount = Math.Min(Math.Min(discount, offer.CapMinor), eligible);
            Spread(discount, scratch, eligible, remainders);
            var column = CheckoutAllocation.CouponColumns + c;
            for (var i = 0; i < n; i++)
            {
                amounts[(i * stride) + column] = scratch[i];
                payable[i] -= scratch[i];
            }

            amounts[CheckoutAllocation.TotalsAt(n, k) + c] = discount;
        }

        // Points: the most the policy lets them pay of what is left, in whole points worth whole minor units.
        var used = 0L;
        var value = 0L;
        if (points > 0)
        {
            var left = 0L;
            foreach (var p in payable)
            {
                left += p;
            }

            var cap = Math.Min((long)decimal.Floor(left * redemption!.MaxShare.Fraction), left - Math.Min(left, redemption.MinimumLeftMinor));
            used = Math.Min(points / redemption.Step * redemption.Step, redemption.PointsWorthAtMost(cap));
            if (used < redemption.MinimumPointsPerUse || used == 0)
            {
                return CheckoutResult.Refused(CheckoutRefusal.PointsBelowMinimum, string.Create(CultureInfo.InvariantCulture, $"{points} points asked; the policy lets this cart use {used} (at most {redemption.MaxShare.AsPercent} % of {Money.FromMinorUnits(left, cart.Currency)}, leaving at least {redemption.MinimumLeftToPay}, in steps of {redemption.Step}), below the minimum of {Math.Max(1, redemption.MinimumPointsPerUse)} a use."));
            }

            // What the points pay of each line, then the points themselves spread in proportion to that.
            value = redemption.ValueOf(used);
            payable.CopyTo(scratch);
            Spread(value, scratch, left, remainders);
            for (var i = 0; i < n; i++)
            {
                amounts[(i * stride) + CheckoutAllocation.PointsValueColumn] = scratch[i];
                payable[i] -= scratch[i];
            }

            Spread(used, scratch, value, remainders);
            for (var i = 0; i < n; i++)
            {
                amounts[(i * stride) + CheckoutAllocation.PointsColumn] = scratch[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            amounts[(i * stride) + CheckoutAllocation.PayableColumn] = payable[i];
        }

        return CheckoutResult.Accepted(new CheckoutAllocation(cart, amounts, couponArray, points, used, value, campaign));
    }

    /// <summary>
    /// Spreads <paramref name="amount"/> (at most <paramref name="total"/>) over the weights in place by largest
    /// remainder: each share is ⌊amount × weight ÷ total⌋, and the units left go one each to the largest remainders,
    /// earlier index first. A share never exceeds its weight. <paramref name="work"/> holds twice as many values as the
    /// weights: the remainders, then a copy of them to select in.
    /// </summary>
    private static void Spread(long amount, Span<long> weights, long total, Span<long> work)
    {
        if (amount % total == 0)
        {
            // Each weight times a whole ratio: exact, nothing left over (points worth a whole number of minor units each,
            // a discount of everything eligible).
            var ratio = amount / total;
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] *= ratio;
            }

            return;
        }

        var remainders = work[..weights.Length];
        var given = 0L;
        if (amount < Sqrt63 && total < Sqrt63)
        {
            // The common case: every weight is at most the total, so each product fits 64 bits.
            for (var i = 0; i < weights.Length; i++)
            {
                var (share, remainder) = Math.DivRem(amount * weights[i], total);
                weights[i] = share;
                remainders[i] = remainder;
                given += share;
            }
        }
        else
        {
            given = SpreadWide(amount, weights, total, remainders);
        }

        // The units left (fewer than the lines with a remainder) go to the largest remainders, earlier line first.
        var left = amount - given;
        if (left == 0)
        {
            return;
        }

        if (weights.Length <= RankedLines && total <= MaxRankedTotal && Vector256.IsHardwareAccelerated)
        {
            GiveByRank(weights, remainders, left);
            return;
        }

        // Find the smallest remainder that still gets one (a selection, linear on average), give one to every larger
        // remainder, then to the earliest lines with exactly that remainder until none is left.
        var copy = work[weights.Length..];
        remainders.CopyTo(copy);
        var threshold = Select(copy, (int)left - 1);
        for (var i = 0; i < weights.Length; i++)
        {
            if (remainders[i] > threshold)
            {
                weights[i]++;
                left--;
            }
        }

        for (var i = 0; left > 0; i++)
        {
            if (remainders[i] == threshold)
            {
                weights[i]++;
                left--;
            }
        }
    }

    // The shares when a product may not fit 64 bits: in 128 bits where it does not.
    private static long SpreadWide(long amount, Span<long> weights, long total, Span<long> remainders)
    {
        var given = 0L;
        for (var i = 0; i < weights.Length; i++)
        {
            var weight = weights[i];
            long share;
            if (amount < Sqrt63 && weight < Sqrt63)
            {
                (share, remainders[i]) = Math.DivRem(amount * weight, total);
            }
            else
            {
                var product = (Int128)amount * weight;
                share = (long)(product / total);
                remainders[i] = (long)(product - ((Int128)share * total));
            }

            weights[i] = share;
            given += share;
        }

        return given;
    }

    /// <summary>
    /// Gives one unit to each of the <paramref name="left"/> lines with the largest remainders, ties to the earlier
    /// line, without branching on the data (a selection's branches are what cost in a small cart): each line's key is
    /// its remainder with its reversed index in the low five bits, so keys differ and order like remainder then
    /// earlier line, and a line whose key fewer than <paramref name="left"/> others beat gets one. The keys sit in six
    /// vector registers of four (up to 24 lines; remainders below 2^57 so the keys stay positive).
    /// </summary>
    private static void GiveByRank(Span<long> weights, ReadOnlySpan<long> remainders, long left)
    {
        var n = weights.Length;
        Span<long> keys = stackalloc long[RankedLines];
        keys.Fill(long.MinValue);
        for (var i = 0; i < n; i++)
        {
            keys[i] = (remainders[i] << 5) | (long)(RankedLines - 1 - i);
        }

        var k0 = Vector256.Create<long>(keys);
        var k1 = Vector256.Create<long>(keys[4..]);
        var k2 = Vector256.Create<long>(keys[8..]);
        var k3 = Vector256.Create<long>(keys[12..]);
        var k4 = Vector256.Create<long>(keys[16..]);
        var k5 = Vector256.Create<long>(keys[20..]);
        for (var i = 0; i < n; i++)
        {
            var key = Vector256.Create(keys[i]);
            var beaten = (Vector256.GreaterThan(k0, key) + Vector256.GreaterThan(k1, key)) + (Vector256.GreaterThan(k2, key) + Vector256.GreaterThan(k3, key)) + (Vector256.GreaterThan(k4, key) + Vector256.GreaterThan(k5, key));
            weights[i] += -Vector256.Sum(beaten) < left ? 1 : 0;
        }
    }

    /// <summary>Returns the value that would sit at <paramref name="rank"/> (0-based) if <paramref name="values"/> were sorted largest first (Hoare's selection; reorders the span).</summary>
    private static long Select(Span<long> values, int rank)
    {
        var lo = 0;
        var hi = values.Length - 1;
        while (lo < hi)
        {
            var pivot = values[lo + ((hi - lo) >> 1)];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (values[i] > pivot)
                {
                    i++;
                }

                while (values[j] < pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (rank <= j)
            {
                hi = j;
            }
            else if (rank >= i)
            {
                lo = i;
            }
            else
            {
                return values[rank];
            }
        }

        return values[rank];
    }

    private static CheckoutResult? Check(Cart cart, AppliedCoupon[] coupons, long points, PointsRedemption? redemption)
    {
        for (var c = 0; c < coupons.Length; c++)
        {
            var coupon = coupons[c] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Coupon {c} is null."), nameof(coupons));
            if (coupon.Offer.Currency is { } currency && !currency.Equals(cart.Currency))
            {
                return CheckoutResult.Refused(CheckoutRefusal.CouponCurrencyMismatch, $"Coupon '{coupon.CouponId}' is in {currency.Code}; the cart is in {cart.Currency.Code}.");
            }

            for (var d = 0; d < c; d++)
            {
                var other = coupons[d];
                if (string.Equals(other.CouponId, coupon.CouponId, StringComparison.Ordinal))
                {
                    return CheckoutResult.Refused(CheckoutRefusal.DuplicateCoupon, $"Coupon '{coupon.CouponId}' is applied twice.");
                }

                if (coupon.Stacking == CouponStacking.OnePerOrder || other.Stacking == CouponStacking.OnePerOrder)
                {
                    var alone = coupon.Stacking == CouponStacking.OnePerOrder ? coupon : other;
                    return CheckoutResult.Refused(CheckoutRefusal.CouponNotStackable, $"Coupon '{alone.CouponId}' is one per order; it cannot be combined with '{(alone == coupon ? other : coupon).CouponId}'.");
                }

                if (string.Equals(other.TemplateId, coupon.TemplateId, StringComparison.Ordinal))
                {
                    return CheckoutResult.Refused(CheckoutRefusal.CouponNotStackable, $"Coupons '{other.CouponId}' and '{coupon.CouponId}' are both of template '{coupon.TemplateId}', one per order.");
                }
            }
        }

        if (points > 0 && !redemption!.Currency.Equals(cart.Currency))
        {
            return CheckoutResult.Refused(CheckoutRefusal.PointsCurrencyMismatch, $"The points pay in {redemption.Currency.Code}; the cart is in {cart.Currency.Code}.");
        }

        return null;
    }

    private static string Describe(CouponScope scope) => scope.Kind switch
    {
        CouponScopeKind.Categories => "categories " + string.Join(", ", scope.Keys),
        CouponScopeKind.Products => "products " + string.Join(", ", scope.Keys),
        _ => "all lines",
    };
}
