using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// A seat as <see cref="CampaignQuota"/> keeps it: a value without references (the SKU by its index in
/// <see cref="GroupBuyCampaign.Skus"/>, the amount derived from the units), so a campaign's hundreds of thousands of
/// seats are one array the garbage collector neither traces nor copies between generations. A
/// <see cref="CampaignSeat"/> is made from it only when a caller reads one.
/// </summary>
internal readonly record struct CampaignSeatRow(GroupBuyId Group, MemberId Member, int Sku, int Units, CampaignSeatStatus Status, Instant ReservedAt, Instant ChangedAt)
{
    /// <summary>Gets a value indicating whether the seat holds its units (reserved or sold).</summary>
    public bool HoldsUnits => Status is CampaignSeatStatus.Reserved or CampaignSeatStatus.Sold;

    /// <summary>The row of a seat of SKU <paramref name="sku"/> (its index in the campaign).</summary>
    public static CampaignSeatRow Of(CampaignSeat seat, int sku) => new(seat.Group, seat.Member, sku, seat.Units, seat.Status, seat.ReservedAt, seat.ChangedAt);

    /// <summary>The seat this row is, in a campaign: its SKU's id, and the units at the campaign price.</summary>
    public CampaignSeat ToSeat(GroupBuyCampaign campaign)
    {
        var sku = campaign.Skus[Sku];
        return new CampaignSeat(Group, Member, sku.SkuId, Units, sku.CampaignPrice * Units, Status, ReservedAt, ChangedAt);
    }
}
