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
/// <param name="WrittenOff">Clawbacks written off (<see cref="ClawbackPolicy.CapAtAvailable"/>).</param>
/// <param name="Forgiven">Clawbacks forgiven (<see cref="ClawbackPolicy.ForgiveWithdrawn"/>).</param>
/// <remarks>
/// Conservation is checkable from the totals alone, under every clawback policy (<see cref="IsConserved"/>):
/// <c>pending + frozen + available + in withdrawal + withdrawn − debt == booked − reversed + written off + forgiven + adjusted</c>.
/// </remarks>
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
    Money Adjusted,
    Money WrittenOff,
    Money Forgiven)
{
    /// <summary>Gets whether the totals conserve money: what the accounts hold equals what was earned, net.</summary>
    public bool IsConserved =>
        Pending.Amount + Frozen.Amount + Available.Amount + InWithdrawal.Amount + Withdrawn.Amount - Debt.Amount
        == Booked.Amount - Reversed.Amount + WrittenOff.Amount + Forgiven.Amount + Adjusted.Amount;
}
