namespace SocialCommerce.Commissions;

/// <summary>
/// What a <see cref="CommissionLedger"/> does with the part of a clawback that the member's
/// available balance cannot cover (the shortfall).
/// </summary>
/// <remarks>
/// A clawback first takes what it can from the member's available balance; only the shortfall is
/// subject to the policy. Every policy records its outcome as a ledger entry, so the shortfall is
/// never silent.
/// </remarks>
public enum ClawbackPolicy
{
    /// <summary>
    /// The shortfall is carried as clawback debt (<see cref="LedgerEntryKind.DebtIncurred"/>), repaid first by
    /// the member's later released earnings (<see cref="LedgerEntryKind.DebtRepaid"/>). The default.
    /// </summary>
    CarryAsDebt = 0,

    /// <summary>
    /// The clawback is capped at the available balance; the shortfall is written off by the platform
    /// (<see cref="LedgerEntryKind.WrittenOff"/>).
    /// </summary>
    CapAtAvailable = 1,

    /// <summary>
    /// The shortfall is forgiven (<see cref="LedgerEntryKind.Forgiven"/>) up to what the member has already
    /// withdrawn and not yet had forgiven, since that money has left the platform; any shortfall beyond it
    /// is carried as debt, as with <see cref="CarryAsDebt"/>.
    /// </summary>
    ForgiveWithdrawn = 2,
}
