namespace SocialCommerce.Invitations;

/// <summary>
/// What a referral reward gives each side for one qualifying purchase. Money goes through the commission ledger (see
/// <see cref="ReferralClaim.AddRewardsTo"/>); points and coupons are for the host to grant (when the purchase completes)
/// and take back (when it is refunded).
/// </summary>
public sealed record ReferralGrant
{
    /// <summary>Gets the inviter's money (a level-1 line of the sale); null for none.</summary>
    public Money? InviterMoney { get; init; }

    /// <summary>Gets the invited member's money (a level-0 line of the sale); null for none.</summary>
    public Money? InvitedMoney { get; init; }

    /// <summary>Gets the inviter's points; 0 for none.</summary>
    public long InviterPoints { get; init; }

    /// <summary>Gets the invited member's points; 0 for none.</summary>
    public long InvitedPoints { get; init; }

    /// <summary>Gets the inviter's coupon value; null for none.</summary>
    public Money? InviterCoupon { get; init; }

    /// <summary>Gets the invited member's coupon value; null for none.</summary>
    public Money? InvitedCoupon { get; init; }

    /// <summary>Gets whether the money was scaled down to the compliance profile's payout ratio (finding <c>SC504</c>).</summary>
    public bool Scaled { get; init; }
}
