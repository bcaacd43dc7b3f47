using System;
using System.Globalization;
using NodaTime;
using SocialCommerce.Checkout;

namespace SocialCommerce.Coupons;

/// <summary>
/// A coupon template: the offer, its scope and stacking, how long an issued coupon is valid (fixed dates, or a number
/// of days from issue), and how many may be issued — in all and to one member — and whether only new members may
/// have one (新人券). Checked where it enters.
/// </summary>
public sealed record CouponTemplate
{
    /// <summary>Creates a template.</summary>
    /// <param name="templateId">The template's id (a valid SDK id).</param>
    /// <param name="offer">What its coupons take off.</param>
    /// <param name="totalLimit">The most coupons issued in all, 1 to 10^9.</param>
    /// <param name="perMemberLimit">The most issued to one member, 1 to <paramref name="totalLimit"/>.</param>
    /// <param name="validity">How long an issued coupon is valid.</param>
    /// <param name="scope">Which lines its coupons apply to; all when null.</param>
    /// <param name="stacking">Which coupons its coupons combine with.</param>
    /// <param name="newMembersOnly">Whether only new members may have one.</param>
    /// <exception cref="ArgumentException">A value is out of its range; the message names it.</exception>
    public CouponTemplate(string templateId, CouponOffer offer, int totalLimit, int perMemberLimit, CouponValidity validity, CouponScope? scope = null, CouponStacking stacking = CouponStacking.OnePerTemplate, bool newMembersOnly = false)
    {
        if (!Limits.IsValidId(templateId))
        {
            throw new ArgumentException($"Template id '{templateId}' is not a valid id.", nameof(templateId));
        }

        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(validity);
        if (totalLimit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(totalLimit), totalLimit, string.Create(CultureInfo.InvariantCulture, $"Template '{templateId}': the total limit should be 1 to {MaxLimit}."));
        }

        if (perMemberLimit < 1 || perMemberLimit > totalLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(perMemberLimit), perMemberLimit, string.Create(CultureInfo.InvariantCulture, $"Template '{templateId}': the per-member limit should be 1 to the total limit {totalLimit}."));
        }

        if (!Enum.IsDefined(stacking))
        {
            throw new ArgumentOutOfRangeException(nameof(stacking), stacking, "Not a coupon stacking.");
        }

        TemplateId = templateId;
        Offer = offer;
        TotalLimit = totalLimit;
        PerMemberLimit = perMemberLimit;
        Validity = validity;
        Scope = scope ?? CouponScope.All;
        Stacking = stacking;
        NewMembersOnly = newMembersOnly;
    }

    /// <summary>
    /// Loads a template from its JSON document: <c>templateId</c>, <c>currency</c>, <c>offer</c> (<c>kind</c>
    /// <c>amountOff</c> with <c>amount</c> and an optional <c>minimumSpend</c>; <c>percentOff</c> with <c>percent</c>
    /// and optional <c>cap</c> and <c>minimumSpend</c>; <c>spendAndSave</c> with <c>threshold</c> and <c>off</c>),
    /// <c>totalLimit</c>, <c>perMemberLimit</c>, <c>validity</c> (<c>{ "days": n }</c> or <c>{ "from", "until" }</c> as ISO
    /// instants), and optionally <c>scope</c> (<c>{ "categories": [...] }</c> or <c>{ "products": [...] }</c>),
    /// <c>stacking</c> (<c>onePerOrder</c>, <c>onePerTemplate</c>) and <c>newMembersOnly</c>. docs/points-and-coupons.md
    /// has an example.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <returns>The template.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CouponTemplateFormatException">The document is malformed or the template invalid; the message names the JSON path and the value.</exception>
    public static CouponTemplate FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return CouponTemplateDocument.Parse(json);
    }

    /// <summary>The largest total limit: 10^9 coupons.</summary>
    public const int MaxLimit = 1_000_000_000;

    /// <summary>Gets the template's id.</summary>
    public string TemplateId { get; }

    /// <summary>Gets what its coupons take off.</summary>
    public CouponOffer Offer { get; }

    /// <summary>Gets the most coupons issued in all.</summary>
    public int TotalLimit { get; }

    /// <summary>Gets the most issued to one member.</summary>
    public int PerMemberLimit { get; }

    /// <summary>Gets how long an issued coupon is valid.</summary>
    public CouponValidity Validity { get; }

    /// <summary>Gets which lines its coupons apply to.</summary>
    public CouponScope Scope { get; }

    /// <summary>Gets which coupons its coupons combine with.</summary>
    public CouponStacking Stacking { get; }

    /// <summary>Gets a value indicating whether only new members may have one.</summary>
    public bool NewMembersOnly { get; }

    /// <summary>Returns the checkout's view of a coupon of this template.</summary>
    /// <param name="couponId">The issued coupon.</param>
    /// <returns>The coupon to apply.</returns>
    public AppliedCoupon ToApplied(string couponId) => new(couponId, TemplateId, Offer, Scope, Stacking);
}
