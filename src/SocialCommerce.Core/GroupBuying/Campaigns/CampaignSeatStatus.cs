namespace SocialCommerce.GroupBuying;

/// <summary>Where a seat's units stand in a campaign's quota.</summary>
public enum CampaignSeatStatus
{
    /// <summary>Reserved at the join: the units are taken from the quota until the group forms or the seat goes.</summary>
    Reserved = 0,

    /// <summary>Sold: the group formed with the seat.</summary>
    Sold = 1,

    /// <summary>Released before formation (the group failed or was cancelled, the seat was cancelled): the units are back in the quota.</summary>
    Released = 2,

    /// <summary>Refunded after formation: the units are back in the quota, or withheld, by the campaign's rule.</summary>
    Refunded = 3,
}
