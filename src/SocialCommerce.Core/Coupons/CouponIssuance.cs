using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Coupons;

/// <summary>
/// A template's issuance: how many coupons it issued in all and to each member. Every issue (a claim, a grant, a
/// registration, a share or referral reward) goes through it, so the total and per-member limits hold exactly however
/// the requests interleave — one writer per template, as a store serialises it. A resend of an issue (same coupon id,
/// same member) is a duplicate before any limit is checked.
/// </summary>
public sealed class CouponIssuance
{
    private readonly Dictionary<string, IssuedCoupon> _issued = new(StringComparer.Ordinal);
    private readonly Dictionary<MemberId, int> _perMember = [];

    /// <summary>Starts the issuance of a template.</summary>
    /// <param name="template">The template.</param>
    public CouponIssuance(CouponTemplate template) => Template = template ?? throw new ArgumentNullException(nameof(template));

    /// <summary>Gets the template.</summary>
    public CouponTemplate Template { get; }

    /// <summary>Gets how many coupons were issued.</summary>
    public int IssuedCount => _issued.Count;

    /// <summary>Returns how many coupons a member was issued.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The count.</returns>
    public int IssuedTo(MemberId member) => _perMember.TryGetValue(member, out var count) ? count : 0;

    /// <summary>Issues a coupon to a member, within the template's limits and window.</summary>
    /// <param name="couponId">The coupon's id (a valid SDK id): the command's identity.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When.</param>
    /// <param name="isNewMember">Whether the member is new (for a new-members-only template).</param>
    /// <param name="coupon">The coupon issued (or issued before, for a duplicate); null when refused.</param>
    /// <returns>Applied; a duplicate; or refused naming the limit.</returns>
    public CouponResult Issue(string couponId, MemberId member, Instant at, bool isNewMember, out IssuedCoupon? coupon)
    {
        if (!Limits.IsValidId(couponId) || !Limits.IsSupported(at))
        {
            throw new ArgumentException($"Coupon id '{couponId}' is not a valid id, or the instant is outside the supported range.", nameof(couponId));
        }

        var result = Decide(Template, couponId, member, at, isNewMember, _issued.GetValueOrDefault(couponId), _issued.Count, IssuedTo(member), out coupon);
        if (result.IsApplied)
        {
            _issued[couponId] = coupon!;
            _perMember[member] = IssuedTo(member) + 1;
        }

        return result;
    }

    /// <summary>
    /// The issue decision, on the facts a store keeps: the coupon of that id if one was issued, how many the template
    /// issued in all and how many the member holds. The in-memory issuance and the stored one both decide here.
    /// </summary>
    internal static CouponResult Decide(CouponTemplate t, string couponId, MemberId member, Instant at, bool isNewMember, IssuedCoupon? known, int issuedCount, int held, out IssuedCoupon? coupon)
    {
        if (known is not null)
        {
            coupon = known.Member == member && known.Template.TemplateId == t.TemplateId ? known : null;
            return coupon is not null
                ? CouponResult.Duplicate($"Coupon '{couponId}' was issued to member {member} before.")
                : CouponResult.Refused(CouponRefusal.ConflictingDuplicate, $"Coupon '{couponId}' was issued to member {known.Member} under template '{known.Template.TemplateId}', not to member {member} under '{t.TemplateId}'.");
        }

        coupon = null;
        if (t.NewMembersOnly && !isNewMember)
        {
            return CouponResult.Refused(CouponRefusal.NewMembersOnly, $"Template '{t.TemplateId}' is for new members; member {member} is not one.");
        }

        if (t.Validity.Until is { } until && at >= until)
        {
            return CouponResult.Refused(CouponRefusal.Expired, $"Template '{t.TemplateId}' issued coupons valid until {until}; it is {at}.");
        }

        if (issuedCount >= t.TotalLimit)
        {
            return CouponResult.Refused(CouponRefusal.TotalLimitReached, string.Create(CultureInfo.InvariantCulture, $"Template '{t.TemplateId}' issued all {t.TotalLimit} coupons."));
        }

        if (held >= t.PerMemberLimit)
        {
            return CouponResult.Refused(CouponRefusal.MemberLimitReached, string.Create(CultureInfo.InvariantCulture, $"Member {member} holds {held} coupons of template '{t.TemplateId}', its limit of {t.PerMemberLimit} a member."));
        }

        var (from, end) = t.Validity.For(at);
        coupon = new IssuedCoupon(couponId, t, member, at, from, end);
        return CouponResult.Applied(string.Create(CultureInfo.InvariantCulture, $"Coupon '{couponId}' of template '{t.TemplateId}' issued to member {member}, valid {from} to {end} ({issuedCount + 1} of {t.TotalLimit})."));
    }
}
