namespace SocialCommerce.Commissions;

/// <summary>
/// What an entry of a <see cref="CommissionLedger"/> records, and how it moves the member's balances.
/// </summary>
/// <remarks>
/// Amounts of <see cref="Cancelled"/> and <see cref="Clawback"/> entries are negative; all others are positive.
/// Balances are the sums these effects give; history is never edited.
/// </remarks>
public enum LedgerEntryKind
{
    /// <summary>An earning booked from a paid sale: pending += amount.</summary>
    Earned = 0,

    /// <summary>The sale was completed: pending -= amount, frozen += amount.</summary>
    Completed = 1,

    /// <summary>The return window closed: frozen -= amount, available += amount.</summary>
    Released = 2,

    /// <summary>Part of a release repaid clawback debt (follows a <see cref="Released"/> entry): available -= amount, debt -= amount.</summary>
    DebtRepaid = 3,

    /// <summary>A refund reversed an earning not yet available (negative amount): pending or frozen (the entry's state) += amount.</summary>
    Cancelled = 4,

    /// <summary>A refund reversed a released earning (negative amount): available += amount, followed by a policy entry for any shortfall.</summary>
    Clawback = 5,

    /// <summary>The shortfall of a clawback carried as debt: available += amount, debt += amount.</summary>
    DebtIncurred = 6,

    /// <summary>The shortfall of a clawback written off by the platform: available += amount, written off += amount.</summary>
    WrittenOff = 7,

    /// <summary>The shortfall of a clawback forgiven as already withdrawn: available += amount, forgiven += amount.</summary>
    Forgiven = 8,

    /// <summary>A withdrawal (gross, fee included): available -= amount, withdrawn += amount.</summary>
    Withdrawn = 9,

    /// <summary>The fee retained from the preceding <see cref="Withdrawn"/> entry (informational; part of the withdrawn amount): fees += amount.</summary>
    WithdrawalFee = 10,
}
