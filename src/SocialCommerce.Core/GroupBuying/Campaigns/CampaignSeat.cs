using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>A member's seat in one group of a campaign: the SKU and units it takes, what they cost, and where they stand.</summary>
/// <param name="Group">The group.</param>
/// <param name="Member">The member.</param>
/// <param name="SkuId">The SKU.</param>
/// <param name="Units">The units taken.</param>
/// <param name="Amount">What they cost at the campaign price.</param>
/// <param name="Status">Where the units stand.</param>
/// <param name="ReservedAt">When the seat was reserved.</param>
/// <param name="ChangedAt">When its status last changed (the reservation's instant until then).</param>
public sealed record CampaignSeat(GroupBuyId Group, MemberId Member, string SkuId, int Units, Money Amount, CampaignSeatStatus Status, Instant ReservedAt, Instant ChangedAt)
{
    /// <summary>Gets a value indicating whether the seat holds its units (reserved or sold) and counts toward the member's limits.</summary>
    public bool HoldsUnits => Status is CampaignSeatStatus.Reserved or CampaignSeatStatus.Sold;
}
