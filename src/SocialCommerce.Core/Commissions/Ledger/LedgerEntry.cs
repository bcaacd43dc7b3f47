using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// One entry of a <see cref="CommissionLedger"/>'s append-only history, traceable to the sale, refund or withdrawal
/// that caused it.
/// </summary>
/// <remarks>
/// <see cref="LedgerEntryKind"/> documents how each kind moves the member's balances. Amounts of cancellations and
/// clawbacks are negative; all others are positive.
/// </remarks>
/// <param name="Sequence">The entry's position in the ledger's history, from 1, without gaps.</param>
/// <param name="Kind">What the entry records.</param>
/// <param name="State">The balance the entry lands in (for a cancellation: the balance it is taken from).</param>
/// <param name="Member">The member whose balances the entry moves.</param>
/// <param name="Amount">The amount, in the currency of the account.</param>
/// <param name="At">
/// When it happened: the sale's paid instant, the completion instant, the release deadline (completion + return
/// window, whenever <see cref="CommissionLedger.Release"/> was called at or after it), the refund's or the withdrawal's instant.
/// </param>
/// <param name="SaleId">The sale the entry comes from; <see langword="null"/> for withdrawals.</param>
/// <param name="RefundId">The refund that caused a cancellation, clawback or shortfall entry; otherwise <see langword="null"/>.</param>
/// <param name="WithdrawalId">The withdrawal of a withdrawal or fee entry; otherwise <see langword="null"/>.</param>
/// <param name="Level">The earning's level for entries from a sale; -1 for withdrawals.</param>
/// <param name="LineIndex">The earning's sale line for entries from a sale; -1 for withdrawals.</param>
public readonly record struct LedgerEntry(
    long Sequence,
    LedgerEntryKind Kind,
    LedgerState State,
    MemberId Member,
    Money Amount,
    Instant At,
    string? SaleId,
    string? RefundId,
    string? WithdrawalId,
    int Level,
    int LineIndex);
