namespace SocialCommerce.Commissions;

/// <summary>
/// Why a <see cref="CommissionLedger"/> refused a posting. A refusal changes nothing.
/// </summary>
public enum LedgerRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>A completion or refund names a sale the ledger does not hold (out-of-order posting).</summary>
    UnknownSale = 1,

    /// <summary>
    /// The id of a sale, completion, refund or withdrawal was already posted with different content
    /// (another amount, instant, member or lines). The first posting stands.
    /// </summary>
    ConflictingDuplicate = 2,

    /// <summary>The sale has already been refunded in full; there is nothing left to refund.</summary>
    NothingLeftToRefund = 3,

    /// <summary>
    /// A partial refund asks for more than remains unrefunded: a quantity above a line's remaining quantity,
    /// or an amount above the sale's remaining paid amount.
    /// </summary>
    RefundExceedsRemaining = 4,

    /// <summary>
    /// A partial refund by amount on a sale already partially refunded by lines, or the other way round.
    /// A full refund is accepted after either.
    /// </summary>
    MixedRefundBasis = 5,

    /// <summary>A withdrawal is below the minimum withdrawal amount for its currency.</summary>
    BelowMinimumWithdrawal = 6,

    /// <summary>A withdrawal is larger than the member's available balance in its currency.</summary>
    InsufficientAvailableBalance = 7,

    /// <summary>A withdrawal step names a withdrawal id the account has not requested.</summary>
    UnknownWithdrawal = 8,

    /// <summary>
    /// A withdrawal step out of order: paid before approved, approved after rejected, a retry of a withdrawal that did
    /// not fail. The message names the withdrawal's state.
    /// </summary>
    WithdrawalStateConflict = 9,

    /// <summary>A hold asked for a sale whose earnings are already available (a clawback is a refund's job).</summary>
    SaleAlreadyReleased = 10,

    /// <summary>A decline of a sale that is not held: a sale is declined after review, from its hold.</summary>
    SaleNotHeld = 11,

    /// <summary>A lift of a hold the sale does not have (no hold was placed under that id).</summary>
    UnknownHold = 12,
}
