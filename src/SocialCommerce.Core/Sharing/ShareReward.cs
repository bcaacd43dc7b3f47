using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Sharing;

/// <summary>A share rewarded: who shared, with which code, the purchase it led to, and what it earns.</summary>
/// <param name="Sharer">The member who shared.</param>
/// <param name="ShareCode">The code of the share.</param>
/// <param name="SaleId">The purchase.</param>
/// <param name="Points">The points earned (0 for a coupon).</param>
/// <param name="CouponTemplateId">The template to issue a coupon from, or null for points.</param>
/// <param name="At">When the purchase was paid.</param>
public sealed record ShareReward(MemberId Sharer, string ShareCode, string SaleId, long Points, string? CouponTemplateId, Instant At);
