using SocialCommerce.Commissions;

namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>Ledger-wide totals of one currency by state (<see cref="StoredCommissionLedger.GetTotalsAsync"/>).</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Accounts">The number of accounts.</param>
/// <param name="Pending">Pending.</param>
/// <param name="Frozen">Frozen.</param>
/// <param name="Available">Available.</param>
/// <param name="InWithdrawal">Requested or approved withdrawals, not yet paid.</param>
/// <param name="Withdrawn">Withdrawn (gross).</param>
/// <param name="Fees">Withdrawal fees (part of withdrawn).</param>
/// <param name="Withheld">Withheld (part of withdrawn).</param>
/// <param name="Debt">Clawback debt.</param>
/// <param name="Booked">Booked.</param>
/// <param name="Reversed">Reversed.</param>
/// <param name="Adjusted">Signed manual adjustments.</param>
public sealed record LedgerTotals(
    Currency Currency,
    int Accounts,
    Money Pending,
    Money Frozen,
    Money Available,
    Money InWithdrawal,
    Money Withdrawn,
    Money Fees,
    Money Withheld,
    Money Debt,
    Money Booked,
    Money Reversed,
    Money Adjusted);
