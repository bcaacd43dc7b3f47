namespace SocialCommerce.Commissions;

/// <summary>Where a withdrawal is in its lifecycle (docs/commission-ledger.md has the diagram).</summary>
public enum WithdrawalStatus
{
    /// <summary>Requested: the gross amount has left available and is in withdrawal, waiting for review.</summary>
    Requested = 0,

    /// <summary>Approved by the reviewer (or automatically): waiting for the transfer.</summary>
    Approved = 1,

    /// <summary>Paid: the transfer succeeded; the gross amount is withdrawn. Final.</summary>
    Paid = 2,

    /// <summary>The transfer failed: the gross amount is available again; it may be retried or cancelled.</summary>
    Failed = 3,

    /// <summary>Rejected by the reviewer: the gross amount is available again. Final.</summary>
    Rejected = 4,

    /// <summary>Cancelled (by the member or the host) before it was paid: the gross amount is available again. Final.</summary>
    Cancelled = 5,
}
