namespace SocialCommerce.Invitations;

/// <summary>Why a referral-reward action was refused. A refusal changes nothing.</summary>
public enum ReferralRewardRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The purchase was paid before the binding or at or after the window closed (exclusive).</summary>
    OutsideWindow = 1,

    /// <summary>The purchase's paid total is below the rule's minimum.</summary>
    BelowMinimum = 2,

    /// <summary>The purchase is in another currency than the rule's.</summary>
    OtherCurrency = 3,

    /// <summary>Another purchase has claimed the reward and has not completed or been refunded yet.</summary>
    ClaimPending = 4,

    /// <summary>The invited member's reward was already earned (or earned and reversed): it is paid once per invited member.</summary>
    AlreadyRewarded = 5,

    /// <summary>The inviter reached the rule's cap of rewards in the period.</summary>
    InviterCapReached = 6,

    /// <summary>The sale is not the one that claimed the reward, or nothing claimed it.</summary>
    NotClaimedBySale = 7,

    /// <summary>The buyer has no referrer: nobody invited them.</summary>
    NoInviter = 9,

    /// <summary>The sale id was already claimed by another buyer's purchase: a sale id names one purchase everywhere.</summary>
    ConflictingDuplicate = 10,
}
