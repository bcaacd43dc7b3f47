namespace SocialCommerce.EntityFrameworkCore.Coupons;

/// <summary>How many coupons a template issued in all: the fact its total limit counts, bumped under its version by every issue.</summary>
internal sealed class CouponTemplateRow
{
    /// <summary>Gets or sets: The template.</summary>
    public string TemplateId { get; set; } = "";

    /// <summary>Gets or sets: How many coupons it issued.</summary>
    public int Issued { get; set; }

    /// <summary>Gets or sets: The count's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
