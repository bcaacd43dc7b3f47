using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Coupons;

/// <summary>An issued coupon as stored (<see cref="IssuedCoupon.ToSnapshot"/>, <see cref="IssuedCoupon.FromSnapshot"/>); its template is named, not copied.</summary>
/// <param name="SchemaVersion">The JSON schema version (<see cref="Serialization.SocialCommerceJson.SchemaVersion"/>).</param>
/// <param name="CouponId">The coupon.</param>
/// <param name="TemplateId">Its template.</param>
/// <param name="Member">The member it was issued to.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="ValidFrom">When it becomes valid (inclusive).</param>
/// <param name="ValidUntil">When it stops being valid (exclusive).</param>
/// <param name="Status">Where it is in its lifecycle.</param>
/// <param name="OrderId">The order that locked or used it last, or null.</param>
/// <param name="RefundId">The refund it came back with, or null.</param>
/// <param name="Version">How many steps changed it.</param>
public sealed record IssuedCouponSnapshot(
    int SchemaVersion,
    string CouponId,
    string TemplateId,
    MemberId Member,
    Instant IssuedAt,
    Instant ValidFrom,
    Instant ValidUntil,
    CouponStatus Status,
    string? OrderId,
    string? RefundId,
    long Version);
