namespace SocialCommerce.Coupons;

/// <summary>Why a coupon command was refused.</summary>
public enum CouponRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The coupon id was issued before to another member.</summary>
    ConflictingDuplicate = 1,

    /// <summary>The template issued its total limit.</summary>
    TotalLimitReached = 2,

    /// <summary>The member holds the template's per-member limit.</summary>
    MemberLimitReached = 3,

    /// <summary>The template is for new members only.</summary>
    NewMembersOnly = 4,

    /// <summary>The coupon (or the template's fixed window) is not valid yet.</summary>
    NotYetValid = 5,

    /// <summary>The coupon (or the template's fixed window) has expired.</summary>
    Expired = 6,

    /// <summary>The coupon is locked by another order.</summary>
    LockedByAnotherOrder = 7,

    /// <summary>The coupon is not in the state the command needs (e.g. used, or not locked by this order).</summary>
    StateConflict = 8,

    /// <summary>No coupon of that id was issued (a store's answer to a step on an unknown coupon).</summary>
    UnknownCoupon = 9,
}
