using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// The state of a <see cref="CommissionLedger"/> (<see cref="CommissionLedger.ToSnapshot"/>): every account's balances,
/// every sale's record (what it booked, reversed and refunded, where it is in the lifecycle, whether it is held), and the
/// refunds, withdrawals and adjustments that idempotence needs. Restoring it (<see cref="CommissionLedger.FromSnapshot"/>) costs O(accounts + sales
/// + refunds + withdrawals) and replays no command; the entries are history, kept by the host, and the restored ledger
/// continues their numbering from <see cref="LastSequence"/>.
/// </summary>
/// <param name="SchemaVersion">The JSON schema version (<see cref="Serialization.SocialCommerceJson.SchemaVersion"/>).</param>
/// <param name="LastSequence">The sequence of the last entry written.</param>
/// <param name="Accounts">Every account, one per member and currency.</param>
/// <param name="Sales">Every sale posted, in posting order.</param>
/// <param name="Refunds">Every refund applied, in order.</param>
/// <param name="Withdrawals">Every withdrawal applied, in order.</param>
public sealed record LedgerSnapshot(
    int SchemaVersion,
    long LastSequence,
    IReadOnlyList<LedgerAccountState> Accounts,
    IReadOnlyList<LedgerSaleState> Sales,
    IReadOnlyList<LedgerRefund> Refunds,
    IReadOnlyList<LedgerWithdrawal> Withdrawals)
{
    /// <summary>Gets the withdrawals requested through the lifecycle (<see cref="CommissionLedger.RequestWithdrawal"/>), as they stand; omitted from JSON when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WithdrawalRecord>? Requests { get; init; }

    /// <summary>Gets the manual adjustments applied (<see cref="CommissionLedger.Adjust"/>); omitted from JSON when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AccountAdjustment>? Adjustments { get; init; }
}

/// <summary>One account of a <see cref="LedgerSnapshot"/>, in whole minor units of its currency.</summary>
/// <param name="Member">The member.</param>
/// <param name="Currency">The currency.</param>
/// <param name="Pending">Pending.</param>
/// <param name="Frozen">Frozen.</param>
/// <param name="Available">Available.</param>
/// <param name="Withdrawn">Withdrawn (net of fees).</param>
/// <param name="Fees">Withdrawal fees.</param>
/// <param name="Debt">Clawback debt.</param>
/// <param name="WrittenOff">Clawbacks written off.</param>
/// <param name="Forgiven">Clawbacks forgiven.</param>
/// <param name="Booked">Everything booked.</param>
/// <param name="Reversed">Everything reversed.</param>
public sealed record LedgerAccountState(
    MemberId Member,
    Currency Currency,
    long Pending,
    long Frozen,
    long Available,
    long Withdrawn,
    long Fees,
    long Debt,
    long WrittenOff,
    long Forgiven,
    long Booked,
    long Reversed)
{
    /// <summary>
    /// Gets the gross amount of the withdrawals requested or approved and not yet paid (the lifecycle of
    /// <see cref="CommissionAccount.RequestWithdrawal"/>); omitted from JSON when zero.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public long InWithdrawal { get; init; }

    /// <summary>Gets what withholding kept from paid withdrawals (part of <see cref="Withdrawn"/>); omitted from JSON when zero.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public long Withheld { get; init; }

    /// <summary>Gets the sum of the signed manual adjustments (<see cref="CommissionAccount.Adjust"/>); omitted from JSON when zero.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public long Adjusted { get; init; }
}

/// <summary>One sale's commission record in a <see cref="LedgerSnapshot"/>.</summary>
/// <param name="Sale">The sale as posted (lines and earnings at their booked amounts).</param>
/// <param name="Status">Where the sale is in the lifecycle.</param>
/// <param name="CompletedAt">When it was completed, or null while pending.</param>
/// <param name="RefundedMinorUnits">The paid amount refunded so far, in minor units.</param>
/// <param name="RefundBasis">How it has been refunded so far.</param>
/// <param name="RefundedQuantities">Units refunded per line.</param>
/// <param name="ReversedMinorUnits">Minor units reversed per earning.</param>
public sealed record LedgerSaleState(
    LedgerSale Sale,
    LedgerSaleStatus Status,
    Instant? CompletedAt,
    long RefundedMinorUnits,
    LedgerSaleRefunds RefundBasis,
    IReadOnlyList<long> RefundedQuantities,
    IReadOnlyList<long> ReversedMinorUnits)
{
    /// <summary>Gets the reason of a hold recorded before holds had ids (read as the active hold <c>hold</c>); never written.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? HoldReason { get; init; }

    /// <summary>Gets the holds placed on the sale (<see cref="CommissionLedger.Hold"/>), lifted or not; omitted from JSON when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SaleHold>? Holds { get; init; }
}

/// <summary>Where a sale's earnings are in the lifecycle.</summary>
public enum LedgerSaleStatus
{
    /// <summary>Paid, not completed: earnings pending.</summary>
    Pending = 0,

    /// <summary>Completed, the return window open: earnings frozen.</summary>
    Frozen = 1,

    /// <summary>Past the return window: earnings available (later refunds claw back).</summary>
    Released = 2,
}

/// <summary>How a sale has been refunded so far (one basis per sale).</summary>
public enum LedgerSaleRefunds
{
    /// <summary>No refund.</summary>
    None = 0,

    /// <summary>By lines and units.</summary>
    Lines = 1,

    /// <summary>By amount.</summary>
    Amount = 2,

    /// <summary>In full.</summary>
    Full = 3,
}
