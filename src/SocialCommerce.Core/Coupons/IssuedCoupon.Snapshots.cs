using System;
using SocialCommerce.Serialization;

namespace SocialCommerce.Coupons;

/// <content>The coupon's snapshot: what a store keeps, restored with every field checked.</content>
public sealed partial class IssuedCoupon
{
    private const string SnapshotKind = "issued coupon snapshot";

    /// <summary>Returns the coupon's state, for a store.</summary>
    /// <returns>The snapshot (restore it with <see cref="FromSnapshot"/> and its template).</returns>
    public IssuedCouponSnapshot ToSnapshot() =>
        new(SocialCommerceJson.SchemaVersion, CouponId, Template.TemplateId, Member, IssuedAt, ValidFrom, ValidUntil, Status, OrderId, _refundId, Version);

    /// <summary>Restores a coupon from its snapshot and its template; nothing is re-decided.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="template">The template it names.</param>
    /// <returns>The coupon, answering every later step as the one that wrote the snapshot would.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">The snapshot is of another schema version; the message names both.</exception>
    /// <exception cref="CorruptStateException">
    /// The snapshot is not a state a coupon could have reached (an invalid id, another template, an empty validity, a
    /// locked or used coupon without its order, a returned coupon still used or locked); the message names the JSON path.
    /// </exception>
    public static IssuedCoupon FromSnapshot(IssuedCouponSnapshot snapshot, CouponTemplate template)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(template);
        SocialCommerceJson.CheckSchema(SnapshotKind, snapshot.SchemaVersion);
        var check = new StateCheck(SnapshotKind);
        check.That(Limits.IsValidId(snapshot.CouponId), "$.couponId", snapshot.CouponId, "a valid id.");
        check.That(snapshot.TemplateId == template.TemplateId, "$.templateId", snapshot.TemplateId, $"the template given, '{template.TemplateId}'.");
        check.That(Limits.IsSupported(snapshot.IssuedAt), "$.issuedAt", snapshot.IssuedAt, "a supported instant.");
        check.That(Limits.IsSupported(snapshot.ValidFrom), "$.validFrom", snapshot.ValidFrom, "a supported instant.");
        check.That(Limits.IsSupported(snapshot.ValidUntil) && snapshot.ValidUntil > snapshot.ValidFrom, "$.validUntil", snapshot.ValidUntil, "a supported instant after validFrom.");
        check.That(Enum.IsDefined(snapshot.Status), "$.status", snapshot.Status, "issued, locked, used or expired.");
        var held = snapshot.Status is CouponStatus.Locked or CouponStatus.Used;
        check.That(snapshot.OrderId is null ? !held : Limits.IsValidId(snapshot.OrderId), "$.orderId", snapshot.OrderId, "a valid id, present for a locked or used coupon.");
        check.That(snapshot.RefundId is null || (Limits.IsValidId(snapshot.RefundId) && snapshot.OrderId is not null), "$.refundId", snapshot.RefundId, "absent, or a valid id of a coupon that came back from an order.");
        check.Version(snapshot.Version, "$.version");
        return new IssuedCoupon(snapshot.CouponId, template, snapshot.Member, snapshot.IssuedAt, snapshot.ValidFrom, snapshot.ValidUntil)
        {
            Status = snapshot.Status,
            OrderId = snapshot.OrderId,
            Version = snapshot.Version,
            _refundId = snapshot.RefundId,
        };
    }
}
