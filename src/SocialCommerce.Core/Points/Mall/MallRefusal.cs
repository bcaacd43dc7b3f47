namespace SocialCommerce.Points;

/// <summary>Why a points-mall command was refused.</summary>
public enum MallRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The redemption id was used before with other content (another member, item or quantity), or by another order of the wallet.</summary>
    ConflictingDuplicate = 1,

    /// <summary>Fewer units are left of the item's quota than asked.</summary>
    QuotaExhausted = 2,

    /// <summary>The member would hold more units than the item's per-member limit.</summary>
    MemberLimitReached = 3,

    /// <summary>The member's wallet has fewer points available than the redemption costs.</summary>
    InsufficientPoints = 4,

    /// <summary>No redemption has that id.</summary>
    UnknownRedemption = 5,

    /// <summary>The redemption is not in a state the step applies to (a completed one is refunded, not cancelled).</summary>
    StateConflict = 6,
}
