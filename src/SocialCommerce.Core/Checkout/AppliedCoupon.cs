using System;

namespace SocialCommerce.Checkout;

/// <summary>
/// A coupon a member applies at checkout: its id, its template's id, offer, scope and stacking. Coupons are applied
/// in the order given, each to what the eligible lines cost after campaign prices and the coupons before it.
/// </summary>
public sealed record AppliedCoupon
{
    /// <summary>Creates an applied coupon.</summary>
    /// <param name="couponId">The issued coupon's id (a valid SDK id).</param>
    /// <param name="templateId">Its template's id (a valid SDK id).</param>
    /// <param name="offer">What it takes off.</param>
    /// <param name="scope">Which lines it applies to; <see cref="CouponScope.All"/> when null.</param>
    /// <param name="stacking">Which coupons it combines with.</param>
    /// <exception cref="ArgumentException">An id is not a valid SDK id.</exception>
    public AppliedCoupon(string couponId, string templateId, CouponOffer offer, CouponScope? scope = null, CouponStacking stacking = CouponStacking.OnePerTemplate)
    {
        if (!Limits.IsValidId(couponId))
        {
            throw new ArgumentException($"Coupon id '{couponId}' is not a valid id (1 to {Limits.MaxIdLength} characters, no control character).", nameof(couponId));
        }

        if (!Limits.IsValidId(templateId))
        {
            throw new ArgumentException($"Template id '{templateId}' of coupon '{couponId}' is not a valid id.", nameof(templateId));
        }

        ArgumentNullException.ThrowIfNull(offer);
        if (!Enum.IsDefined(stacking))
        {
            throw new ArgumentOutOfRangeException(nameof(stacking), stacking, "Not a coupon stacking.");
        }

        CouponId = couponId;
        TemplateId = templateId;
        Offer = offer;
        Scope = scope ?? CouponScope.All;
        Stacking = stacking;
    }

    /// <summary>Gets the issued coupon's id.</summary>
    public string CouponId { get; }

    /// <summary>Gets its template's id.</summary>
    public string TemplateId { get; }

    /// <summary>Gets what it takes off.</summary>
    public CouponOffer Offer { get; }

    /// <summary>Gets which lines it applies to.</summary>
    public CouponScope Scope { get; }

    /// <summary>Gets which coupons it combines with.</summary>
    public CouponStacking Stacking { get; }
}
