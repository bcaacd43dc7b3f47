namespace SocialCommerce.EntityFrameworkCore.Coupons;

/// <summary>How many coupons of a template a member was issued: the fact its per-member limit counts, bumped under its version by every issue to the member.</summary>
internal sealed class CouponHolderRow
{
    /// <summary>Gets or sets: The member (the partition key).</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: The template.</summary>
    public string TemplateId { get; set; } = "";

    /// <summary>Gets or sets: How many of its coupons the member was issued.</summary>
    public int Issued { get; set; }

    /// <summary>Gets or sets: The count's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
