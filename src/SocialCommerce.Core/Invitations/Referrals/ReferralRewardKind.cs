namespace SocialCommerce.Invitations;

/// <summary>What a referral reward gives one side (the inviter or the invited member).</summary>
public enum ReferralRewardKind
{
    /// <summary>A fixed amount of money, booked through the commission ledger.</summary>
    Fixed = 0,

    /// <summary>A share of the qualifying purchase, booked through the commission ledger.</summary>
    ShareOfPurchase = 1,

    /// <summary>Points, returned as a decision for the host to grant.</summary>
    Points = 2,

    /// <summary>A coupon's value, returned as a decision for the host to grant.</summary>
    Coupon = 3,
}
