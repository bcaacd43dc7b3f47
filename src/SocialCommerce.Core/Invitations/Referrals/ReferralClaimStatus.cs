namespace SocialCommerce.Invitations;

/// <summary>Where an invited member's referral reward is.</summary>
public enum ReferralClaimStatus
{
    /// <summary>Not claimed yet (or released by a refund before the purchase completed): the next qualifying purchase claims it.</summary>
    Open = 0,

    /// <summary>Claimed by a paid purchase that has not completed yet; a full refund releases it.</summary>
    Pending = 1,

    /// <summary>The purchase completed: the reward is earned (money follows the ledger's return window).</summary>
    Earned = 2,

    /// <summary>The purchase was refunded after it completed: the reward was reversed, and it is never paid again.</summary>
    Reversed = 3,
}
