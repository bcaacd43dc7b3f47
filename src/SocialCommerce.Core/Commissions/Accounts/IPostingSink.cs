namespace SocialCommerce.Commissions;

/// <summary>
/// Where a <see cref="SaleCommissionRecord"/>'s command puts the effects it decided on its earnings' accounts: a list
/// of <see cref="AccountPosting"/>s for a database (<see cref="PostingList"/>), or the in-memory
/// <see cref="CommissionLedger"/>'s accounts directly. One decision, two homes.
/// </summary>
internal interface IPostingSink
{
    /// <summary>Takes one effect of the command on the account of the sale's earning <paramref name="earning"/>.</summary>
    /// <param name="earning">The earning's index in the sale.</param>
    /// <param name="kind">What the effect does.</param>
    /// <param name="state">For a cancellation, the state the amount leaves; otherwise the state it enters.</param>
    /// <param name="amount">The amount, in minor units, positive.</param>
    void Add(int earning, AccountPostingKind kind, LedgerState state, long amount);
}
