namespace SocialCommerce.GroupBuying;

/// <summary>Why a campaign's quota refused a command.</summary>
public enum CampaignQuotaRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The seat (group and member) was reserved before with another SKU or quantity; the first stands.</summary>
    ConflictingDuplicate = 1,

    /// <summary>The join's instant is before the campaign starts or at or after it ends.</summary>
    OutsideWindow = 2,

    /// <summary>The campaign does not sell the SKU.</summary>
    UnknownSku = 3,

    /// <summary>The join asks for more units than one order may take.</summary>
    OrderLimitExceeded = 4,

    /// <summary>The member would hold more units across the campaign than its limit.</summary>
    MemberUnitLimitReached = 5,

    /// <summary>The member would hold seats in more groups of the campaign than its limit.</summary>
    MemberGroupLimitReached = 6,

    /// <summary>Fewer units of the SKU are left of the campaign's quota than asked.</summary>
    QuotaExhausted = 7,

    /// <summary>No seat of that group and member was reserved.</summary>
    UnknownSeat = 8,

    /// <summary>The seat is not in a state the step applies to (a sold seat is refunded, not released).</summary>
    StateConflict = 9,
}
