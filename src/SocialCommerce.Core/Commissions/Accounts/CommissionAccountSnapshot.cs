using System.Collections.Generic;

namespace SocialCommerce.Commissions;

/// <summary>The state of a <see cref="CommissionAccount"/>: its balances, the postings and withdrawals it applied (for idempotence), and its version.</summary>
/// <param name="SchemaVersion">The JSON schema version (<see cref="Serialization.SocialCommerceJson.SchemaVersion"/>).</param>
/// <param name="Balances">The member, currency and balances in minor units.</param>
/// <param name="AppliedPostings">The ids of the postings applied.</param>
/// <param name="Withdrawals">The withdrawals applied.</param>
/// <param name="Version">The account's version.</param>
public sealed record CommissionAccountSnapshot(int SchemaVersion, LedgerAccountState Balances, IReadOnlyList<string> AppliedPostings, IReadOnlyList<LedgerWithdrawal> Withdrawals, long Version)
{
    /// <summary>
    /// Gets the withdrawals requested through the lifecycle (<see cref="CommissionAccount.RequestWithdrawal"/>), in
    /// every state; the in-withdrawal balance is the gross of those requested or approved. Absent in snapshots written
    /// before the lifecycle: none.
    /// </summary>
    public IReadOnlyList<WithdrawalRecord>? Requests { get; init; }

    /// <summary>Gets the manual adjustments applied (for idempotence); absent in older snapshots: none.</summary>
    public IReadOnlyList<AccountAdjustment>? Adjustments { get; init; }
}

/// <summary>The state of a <see cref="SaleCommissionRecord"/>: the sale's record, its refunds and its version.</summary>
/// <param name="SchemaVersion">The JSON schema version (<see cref="Serialization.SocialCommerceJson.SchemaVersion"/>).</param>
/// <param name="State">The sale as booked, its lifecycle, and what was refunded and reversed.</param>
/// <param name="Refunds">The refunds applied, in order.</param>
/// <param name="Version">The record's version.</param>
public sealed record SaleCommissionSnapshot(int SchemaVersion, LedgerSaleState State, IReadOnlyList<LedgerRefund> Refunds, long Version)
{
    /// <summary>Gets the reason of a hold stored before holds had ids (read as the active hold <c>hold</c>); never written.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? HoldReason { get; init; }

    /// <summary>Gets the holds placed on the sale, lifted or not; omitted from JSON when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SaleHold>? Holds { get; init; }
}
