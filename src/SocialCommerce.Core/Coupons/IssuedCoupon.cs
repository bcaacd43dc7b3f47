using System;
using NodaTime;
using SocialCommerce.Checkout;
using SocialCommerce.Network;

namespace SocialCommerce.Coupons;

/// <summary>
/// A coupon issued to a member: issued → locked by an order → used by its payment → returned on refund (by policy) or
/// expired. Every step names its order or refund and answers a resend as a duplicate before any check; a step that
/// does not apply is refused naming the state. One writer per coupon.
/// </summary>
public sealed partial class IssuedCoupon
{
    private string? _refundId;

    internal IssuedCoupon(string couponId, CouponTemplate template, MemberId member, Instant issuedAt, Instant validFrom, Instant validUntil)
    {
        CouponId = couponId;
        Template = template;
        Member = member;
        IssuedAt = issuedAt;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    /// <summary>Gets the coupon's id.</summary>
    public string CouponId { get; }

    /// <summary>Gets its template.</summary>
    public CouponTemplate Template { get; }

    /// <summary>Gets the member it was issued to.</summary>
    public MemberId Member { get; }

    /// <summary>Gets when it was issued.</summary>
    public Instant IssuedAt { get; }

    /// <summary>Gets when it becomes valid (inclusive).</summary>
    public Instant ValidFrom { get; }

    /// <summary>Gets when it stops being valid (exclusive).</summary>
    public Instant ValidUntil { get; }

    /// <summary>Gets where it is in its lifecycle.</summary>
    public CouponStatus Status { get; private set; }

    /// <summary>Gets the order that locked or used it last, or null.</summary>
    public string? OrderId { get; private set; }

    /// <summary>Gets how many steps changed it.</summary>
    public long Version { get; private set; }

    /// <summary>Returns the checkout's view of the coupon.</summary>
    /// <returns>The coupon to apply.</returns>
    public AppliedCoupon ToApplied() => Template.ToApplied(CouponId);

    /// <summary>An order locks the coupon while it is valid.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate (locked by this order); or refused (not valid now, locked by another order, used, expired).</returns>
    public CouponResult Lock(string orderId, Instant at)
    {
        Check(orderId, at);
        if (Status == CouponStatus.Locked)
        {
            return OrderId == orderId
                ? CouponResult.Duplicate($"Coupon '{CouponId}' is locked by order '{orderId}' already.")
                : CouponResult.Refused(CouponRefusal.LockedByAnotherOrder, $"Coupon '{CouponId}' is locked by order '{OrderId}'.");
        }

        if (Status == CouponStatus.Used && OrderId == orderId)
        {
            return CouponResult.Duplicate($"Coupon '{CouponId}' was locked and used by order '{orderId}'.");
        }

        if (Status != CouponStatus.Issued)
        {
            return CouponResult.Refused(Status == CouponStatus.Expired ? CouponRefusal.Expired : CouponRefusal.StateConflict, $"Coupon '{CouponId}' is {Status}.");
        }

        if (at < ValidFrom)
        {
            return CouponResult.Refused(CouponRefusal.NotYetValid, $"Coupon '{CouponId}' is valid from {ValidFrom}; it is {at}.");
        }

        if (at >= ValidUntil)
        {
            return CouponResult.Refused(CouponRefusal.Expired, $"Coupon '{CouponId}' was valid until {ValidUntil}; it is {at}.");
        }

        return Move(CouponStatus.Locked, orderId, $"Coupon '{CouponId}' locked by order '{orderId}'.");
    }

    /// <summary>The order that locked the coupon was cancelled: it is issued again, or expired if its validity ended.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate (already unlocked from this order); or refused.</returns>
    public CouponResult Unlock(string orderId, Instant at)
    {
        Check(orderId, at);
        if (Status == CouponStatus.Locked && OrderId == orderId)
        {
            return Move(at >= ValidUntil ? CouponStatus.Expired : CouponStatus.Issued, orderId, $"Coupon '{CouponId}' unlocked from order '{orderId}'.");
        }

        return Status is CouponStatus.Issued or CouponStatus.Expired && OrderId == orderId
            ? CouponResult.Duplicate($"Coupon '{CouponId}' was unlocked from order '{orderId}' before.")
            : CouponResult.Refused(CouponRefusal.StateConflict, $"Coupon '{CouponId}' is {Status}{(OrderId is null ? string.Empty : $" (order '{OrderId}')")}; order '{orderId}' did not lock it.");
    }

    /// <summary>The order that locked the coupon was paid: the coupon is used.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate; or refused (not locked by this order).</returns>
    public CouponResult Use(string orderId, Instant at)
    {
        Check(orderId, at);
        if (Status == CouponStatus.Used && OrderId == orderId)
        {
            return CouponResult.Duplicate($"Coupon '{CouponId}' was used by order '{orderId}' before.");
        }

        return Status == CouponStatus.Locked && OrderId == orderId
            ? Move(CouponStatus.Used, orderId, $"Coupon '{CouponId}' used by order '{orderId}'.")
            : CouponResult.Refused(CouponRefusal.StateConflict, $"Coupon '{CouponId}' is {Status}{(OrderId is null ? string.Empty : $" (order '{OrderId}')")}; order '{orderId}' has not locked it.");
    }

    /// <summary>A refund of the order that used the coupon: by policy it stays used, or is issued again while valid (expired after).</summary>
    /// <param name="refundId">The refund (a valid SDK id): the command's identity.</param>
    /// <param name="at">When.</param>
    /// <param name="policy">What a refund does with a used coupon.</param>
    /// <returns>Applied (returned or expired); a duplicate; or refused (not used, or kept by policy).</returns>
    public CouponResult Return(string refundId, Instant at, CouponReturnPolicy policy)
    {
        Check(refundId, at);
        if (_refundId is not null)
        {
            return _refundId == refundId
                ? CouponResult.Duplicate($"Coupon '{CouponId}' came back with refund '{refundId}' before.")
                : CouponResult.Refused(CouponRefusal.StateConflict, $"Coupon '{CouponId}' came back with refund '{_refundId}' already.");
        }

        if (Status != CouponStatus.Used || policy == CouponReturnPolicy.Keep)
        {
            return CouponResult.Refused(CouponRefusal.StateConflict, $"Coupon '{CouponId}' is {Status}; {(policy == CouponReturnPolicy.Keep ? "the policy keeps a used coupon used" : "only a used coupon comes back")}.");
        }

        _refundId = refundId;
        return Move(at >= ValidUntil ? CouponStatus.Expired : CouponStatus.Issued, OrderId!, $"Coupon '{CouponId}' came back with refund '{refundId}'.");
    }

    /// <summary>The expiry job: an issued coupon past its validity expires.</summary>
    /// <param name="at">When.</param>
    /// <returns>Applied; a duplicate (expired before); or refused (locked or used, or still valid).</returns>
    public CouponResult Expire(Instant at)
    {
        if (!Limits.IsSupported(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "The instant is outside the supported range.");
        }

        if (Status == CouponStatus.Expired)
        {
            return CouponResult.Duplicate($"Coupon '{CouponId}' expired before.");
        }

        return Status == CouponStatus.Issued && at >= ValidUntil
            ? Move(CouponStatus.Expired, OrderId, $"Coupon '{CouponId}' expired at {ValidUntil}.")
            : CouponResult.Refused(CouponRefusal.StateConflict, $"Coupon '{CouponId}' is {Status}, valid until {ValidUntil}; it does not expire at {at}.");
    }

    private static void Check(string id, Instant at)
    {
        if (!Limits.IsValidId(id) || !Limits.IsSupported(at))
        {
            throw new ArgumentException($"Id '{id}' is not a valid id, or the instant is outside the supported range.", nameof(id));
        }
    }

    private CouponResult Move(CouponStatus to, string? orderId, string message)
    {
        Status = to;
        OrderId = orderId;
        Version++;
        return CouponResult.Applied(message);
    }
}
