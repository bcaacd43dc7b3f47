namespace SocialCommerce.Testing;

/// <summary>The kind of a generated ledger posting.</summary>
public enum LedgerStepKind
{
    /// <summary>Post a sale's earnings (pending).</summary>
    Post = 0,

    /// <summary>Complete a sale (its earnings become frozen for the return window).</summary>
    Complete = 1,

    /// <summary>Release every frozen earning whose return window has ended.</summary>
    Release = 2,

    /// <summary>Refund a whole sale.</summary>
    RefundFull = 3,

    /// <summary>Refund some units of one sale line.</summary>
    RefundLines = 4,

    /// <summary>Refund an amount of a sale.</summary>
    RefundAmount = 5,

    /// <summary>Withdraw from a member's available balance.</summary>
    Withdraw = 6,
}
