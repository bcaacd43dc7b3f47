using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// A member's balances in one currency, by state.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Pending"/>, <see cref="Frozen"/>, <see cref="Available"/>, <see cref="Withdrawn"/> and
/// <see cref="ClawbackDebt"/> are never negative; clawback debt is owed by the member and, when it is above zero,
/// <see cref="Available"/> is zero (later releases repay the debt first).
/// </para>
/// <para>
/// Conservation holds exactly, per account and across the ledger:
/// <c>Pending + Frozen + Available + InWithdrawal + Withdrawn − ClawbackDebt == Booked − Reversed + WrittenOff + Forgiven + Adjusted</c>
/// (<see cref="IsConserved"/>).
/// </para>
/// </remarks>
/// <param name="Member">The member.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="Pending">Earned on sales paid but not completed.</param>
/// <param name="Frozen">Earned on completed sales inside their return window.</param>
/// <param name="Available">Released and not withdrawn.</param>
/// <param name="Withdrawn">Withdrawn, gross (fees included).</param>
/// <param name="WithdrawalFees">The part of <see cref="Withdrawn"/> retained as fees.</param>
/// <param name="ClawbackDebt">Clawbacks the available balance could not cover, still owed.</param>
/// <param name="WrittenOff">Clawback shortfalls written off by the platform (<see cref="ClawbackPolicy.CapAtAvailable"/>).</param>
/// <param name="Forgiven">Clawback shortfalls forgiven as already withdrawn (<see cref="ClawbackPolicy.ForgiveWithdrawn"/>).</param>
/// <param name="Booked">Total earned (sum of <see cref="LedgerEntryKind.Earned"/> entries).</param>
/// <param name="Reversed">Total reversed by refunds: cancellations and clawbacks, as positive amounts.</param>
public readonly record struct LedgerBalance(
    MemberId Member,
    Currency Currency,
    Money Pending,
    Money Frozen,
    Money Available,
    Money Withdrawn,
    Money WithdrawalFees,
    Money ClawbackDebt,
    Money WrittenOff,
    Money Forgiven,
    Money Booked,
    Money Reversed)
{
    // Zero is stored as the default value, so a balance made without these properties equals one that sets them to zero.
    private readonly Money _inWithdrawal;
    private readonly Money _adjusted;

    /// <summary>
    /// Gets the gross amount of the withdrawals requested or approved and not yet paid: it has left
    /// <see cref="Available"/> and is not <see cref="Withdrawn"/> yet (zero when not set).
    /// </summary>
    public Money InWithdrawal
    {
        get => _inWithdrawal.Equals(default(Money)) ? Money.Zero(Currency) : _inWithdrawal;
        init => _inWithdrawal = value.Amount == 0m ? default : value;
    }

    /// <summary>Gets the sum of the signed manual adjustments (zero when not set).</summary>
    public Money Adjusted
    {
        get => _adjusted.Equals(default(Money)) ? Money.Zero(Currency) : _adjusted;
        init => _adjusted = value.Amount == 0m ? default : value;
    }

    /// <summary>Gets a value indicating whether the balances conserve money: what the account holds equals what it earned, net.</summary>
    public bool IsConserved =>
        Pending.Amount + Frozen.Amount + Available.Amount + InWithdrawal.Amount + Withdrawn.Amount - ClawbackDebt.Amount
        == Booked.Amount - Reversed.Amount + WrittenOff.Amount + Forgiven.Amount + Adjusted.Amount;
}
