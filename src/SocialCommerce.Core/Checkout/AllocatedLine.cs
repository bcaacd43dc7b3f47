using System;
using System.Collections.Generic;

namespace SocialCommerce.Checkout;

/// <summary>
/// A cart line after allocation: its list amount, the discounts taken off it in order (the trace), the points paying
/// part of it, and what is left to pay in money — the sale line's paid amount. A view of one line of a
/// <see cref="CheckoutAllocation"/> (the allocation holds the amounts), immutable like it; the default value is no
/// line of any allocation and its members throw.
/// </summary>
public readonly struct AllocatedLine : IEquatable<AllocatedLine>
{
    private readonly CheckoutAllocation _allocation;

    internal AllocatedLine(CheckoutAllocation allocation, int index)
    {
        _allocation = allocation;
        Index = index;
    }

    /// <summary>Gets the line's index in the cart.</summary>
    public int Index { get; }

    /// <summary>Gets the cart line.</summary>
    public CartLine Line => Allocation.CartLineAt(Index);

    /// <summary>Gets unit price × quantity.</summary>
    public Money ListAmount => Money.FromMinorUnits(ListMinor, Allocation.Currency);

    /// <summary>Gets the discounts taken off the line, in order: campaign, coupons (in the order applied), points; written from the allocation's amounts when first read.</summary>
    public IReadOnlyList<LineDiscount> Discounts => Allocation.TraceOf(Index);

    /// <summary>Gets the points paying part of the line.</summary>
    public long Points => Allocation.AmountOf(Index, CheckoutAllocation.PointsColumn);

    /// <summary>Gets what the points pay of the line.</summary>
    public Money PointsValue => Money.FromMinorUnits(PointsValueMinor, Allocation.Currency);

    /// <summary>Gets what is left to pay in money: the list amount less every discount, never below zero.</summary>
    public Money Payable => Money.FromMinorUnits(PayableMinor, Allocation.Currency);

    internal long ListMinor => Allocation.AmountOf(Index, CheckoutAllocation.ListColumn);

    internal long PayableMinor => Allocation.AmountOf(Index, CheckoutAllocation.PayableColumn);

    internal long PointsValueMinor => Allocation.AmountOf(Index, CheckoutAllocation.PointsValueColumn);

    private CheckoutAllocation Allocation => _allocation ?? throw new InvalidOperationException("This AllocatedLine is the default value, not a line of an allocation.");

    /// <summary>Returns whether two values are the same line of the same allocation.</summary>
    /// <param name="left">One line.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when they are the same line.</returns>
    public static bool operator ==(AllocatedLine left, AllocatedLine right) => left.Equals(right);

    /// <summary>Returns whether two values are different lines (or lines of different allocations).</summary>
    /// <param name="left">One line.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(AllocatedLine left, AllocatedLine right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> is the same line of the same allocation.</summary>
    /// <param name="other">The other line.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool Equals(AllocatedLine other) => ReferenceEquals(_allocation, other._allocation) && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AllocatedLine other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_allocation, Index);

    /// <summary>Returns the share of this line taken by the coupon at position <paramref name="coupon"/> (zero when out of scope).</summary>
    internal long CouponMinor(int coupon) => Allocation.AmountOf(Index, CheckoutAllocation.CouponColumns + coupon);
}
