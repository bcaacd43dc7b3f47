using System;
using System.Linq.Expressions;
using SocialCommerce.Coupons;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.Coupons;

/// <summary>
/// Issued coupons as state rows in <c>sc_coupons</c>: one row a coupon, Core's <see cref="IssuedCouponSnapshot"/> as
/// columns, restored with the template it names (registered with the host's services).
/// </summary>
internal sealed class CouponRows(Func<string, CouponTemplate?> templates) : StateRows<CouponRow, string, IssuedCoupon>
{
    /// <summary>Restores a coupon from its row (a state Core refuses is the store's schema error naming the row).</summary>
    public IssuedCoupon Load(CouponRow row)
    {
        var template = templates(row.TemplateId)
            ?? throw new InvalidOperationException($"SocialCommerce store: coupon '{row.CouponId}' is of template '{row.TemplateId}', which is not registered; register it with AddCouponTemplate.");
        var snapshot = new IssuedCouponSnapshot(Serialization.SocialCommerceJson.SchemaVersion, row.CouponId, row.TemplateId, new MemberId(row.MemberId), StoredJson.Instant(row.IssuedAt), StoredJson.Instant(row.ValidFrom), StoredJson.Instant(row.ValidUntil), (CouponStatus)row.Status, row.OrderId, row.RefundId, row.Version);
        try
        {
            return IssuedCoupon.FromSnapshot(snapshot, template);
        }
        catch (CorruptStateException ex)
        {
            throw new StoreSchemaException($"SocialCommerce store: coupon '{row.CouponId}' in sc_coupons is not a valid coupon: {ex.Message}", ex);
        }
    }

    /// <summary>A new row for an issued coupon.</summary>
    public static CouponRow NewRow(IssuedCoupon coupon)
    {
        var row = new CouponRow { CouponId = coupon.CouponId, TemplateId = coupon.Template.TemplateId, MemberId = coupon.Member.Value, IssuedAt = StoredJson.Ticks(coupon.IssuedAt), ValidFrom = StoredJson.Ticks(coupon.ValidFrom), ValidUntil = StoredJson.Ticks(coupon.ValidUntil) };
        Save(row, coupon);
        return row;
    }

    private static void Save(CouponRow row, IssuedCoupon coupon)
    {
        var s = coupon.ToSnapshot();
        row.Status = (int)s.Status;
        row.OrderId = s.OrderId;
        row.RefundId = s.RefundId;
        row.Version = s.Version;
    }

    protected override Expression<Func<CouponRow, bool>> Of(string key) => r => r.CouponId == key;

    protected override IssuedCoupon Restore(CouponRow row) => Load(row);

    protected override bool Write(CouponRow row, IssuedCoupon aggregate)
    {
        Save(row, aggregate);
        return true;
    }

    protected override Exception Missing(string key) => new InvalidOperationException($"No coupon '{key}' was issued.");
}
