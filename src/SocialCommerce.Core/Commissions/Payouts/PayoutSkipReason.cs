namespace SocialCommerce.Commissions;

/// <summary>Why a payout run skips an account (the money stays available, carried to the next run).</summary>
public enum PayoutSkipReason
{
    /// <summary>Nothing is available.</summary>
    NothingAvailable = 0,

    /// <summary>The available balance is below the minimum withdrawal of its currency.</summary>
    BelowMinimum = 1,

    /// <summary>The account carries clawback debt: it is repaid before anything is paid out.</summary>
    InDebt = 2,
}
