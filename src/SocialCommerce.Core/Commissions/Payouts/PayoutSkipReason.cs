namespace SocialCommerce.Commissions;

/// <summary>Why a payout run skips an account (the money stays available, carried to the next run).</summary>
public enum PayoutSkipReason
{
    /// <summary>Nothing is available. Never reported: an account with nothing available and no debt is not part of a run.</summary>
    [System.Obsolete("Never reported: an account with nothing available and no debt is not part of a payout run (the stored ledger never reads it, and the in-memory ledger decides alike).")]
    NothingAvailable = 0,

    /// <summary>The available balance is below the minimum withdrawal of its currency.</summary>
    BelowMinimum = 1,

    /// <summary>The account carries clawback debt: it is repaid before anything is paid out.</summary>
    InDebt = 2,
}
