using System.Collections.Generic;

namespace SocialCommerce.Commissions;

/// <summary>
/// Options of a <see cref="CommissionLedger"/>: the clawback policy and the withdrawal rules.
/// </summary>
/// <remarks>Validated when the ledger is created.</remarks>
public sealed record LedgerOptions
{
    /// <summary>Gets the default options: debt carried, no minimum withdrawal, no fee.</summary>
    public static LedgerOptions Default { get; } = new();

    /// <summary>Gets what a clawback does when the available balance is too small.</summary>
    /// <value>Default: <see cref="ClawbackPolicy.CarryAsDebt"/>.</value>
    public ClawbackPolicy Clawback { get; init; } = ClawbackPolicy.CarryAsDebt;

    /// <summary>
    /// Gets the minimum gross withdrawal per currency (at most one per currency; not negative, whole minor units).
    /// A currency not listed has no minimum.
    /// </summary>
    /// <value>Default: empty.</value>
    public IReadOnlyList<Money> MinimumWithdrawals { get; init; } = [];

    /// <summary>
    /// Gets the fee rate taken from each withdrawal, or <see langword="null"/> for none. The fee is
    /// <c>gross × rate</c> rounded toward zero to the minor unit (in the member's favour); the member is paid
    /// <c>gross − fee</c>.
    /// </summary>
    /// <value>Default: <see langword="null"/>.</value>
    public Rate? WithdrawalFee { get; init; }

    /// <summary>
    /// Gets the largest withdrawal approved automatically at request, per currency (at most one per currency); a
    /// withdrawal of at most that amount skips review (<see cref="WithdrawalStatus.Approved"/> at once). A currency not
    /// listed is always reviewed.
    /// </summary>
    /// <value>Default: empty.</value>
    public IReadOnlyList<Money> AutoApproveUpTo { get; init; } = [];
}
