namespace SocialCommerce.EntityFrameworkCore.Coupons;

/// <summary>An issued coupon: its template, member, validity and where it is in its lifecycle, as columns.</summary>
internal sealed class CouponRow
{
    /// <summary>Gets or sets: The coupon (the partition key).</summary>
    public string CouponId { get; set; } = "";

    /// <summary>Gets or sets: Its template.</summary>
    public string TemplateId { get; set; } = "";

    /// <summary>Gets or sets: The member it was issued to.</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: When it was issued (Unix ticks).</summary>
    public long IssuedAt { get; set; }

    /// <summary>Gets or sets: When it becomes valid (Unix ticks).</summary>
    public long ValidFrom { get; set; }

    /// <summary>Gets or sets: When it stops being valid (Unix ticks).</summary>
    public long ValidUntil { get; set; }

    /// <summary>Gets or sets: Its status (<see cref="SocialCommerce.Coupons.CouponStatus"/>).</summary>
    public int Status { get; set; }

    /// <summary>Gets or sets: The order that locked or used it last.</summary>
    public string? OrderId { get; set; }

    /// <summary>Gets or sets: The refund it came back with.</summary>
    public string? RefundId { get; set; }

    /// <summary>Gets or sets: The coupon's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
