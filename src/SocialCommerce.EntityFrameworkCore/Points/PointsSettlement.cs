using SocialCommerce.Network;
using SocialCommerce.Points;

namespace SocialCommerce.EntityFrameworkCore.Points;

/// <summary>A wallet the expiry job settled (<see cref="StoredPoints.SettleDueAsync"/>): the member and Core's result with its entries.</summary>
/// <param name="Member">The member whose wallet changed.</param>
/// <param name="Result">The settlement: the freezes that ended and the lots that expired, as entries.</param>
public sealed record PointsSettlement(MemberId Member, PointsResult Result);
