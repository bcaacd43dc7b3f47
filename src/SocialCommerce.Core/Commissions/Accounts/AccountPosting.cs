using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// An effect of a sale's commission record on one member's account (<see cref="CommissionAccount.Apply"/>): the unit
/// that crosses aggregates. Its <see cref="Id"/> names the originating sale, step and earning, so applying it twice —
/// after a crash half-way through a refund, say — changes nothing the second time.
/// </summary>
/// <param name="Id">The idempotency key: <c>sale/step/earning</c>, e.g. <c>S-1/refund:R-1/0</c>.</param>
/// <param name="SaleId">The originating sale.</param>
/// <param name="Member">The account's member.</param>
/// <param name="Currency">The account's currency.</param>
/// <param name="Kind">What the posting does.</param>
/// <param name="From">For a cancellation, the state the amount leaves (pending or frozen); otherwise the state it enters.</param>
/// <param name="MinorUnits">The amount, in minor units, positive.</param>
public readonly record struct AccountPosting(string Id, string SaleId, MemberId Member, Currency Currency, AccountPostingKind Kind, LedgerState From, long MinorUnits)
{
    /// <summary>
    /// Gets the posting's effect as a delta when it does not depend on the account's balances: an earning, a
    /// completion and a cancellation move amounts the sale's record already guarantees, so they commute with every other
    /// posting. A release (which repays clawback debt first) and a clawback (which takes what is available) decide from
    /// the balances and have no delta: apply them to the loaded account (<see cref="CommissionAccount.Apply"/>).
    /// </summary>
    /// <param name="delta">The delta, when there is one.</param>
    /// <returns><see langword="true"/> for an earning, a completion or a cancellation.</returns>
    public bool TryGetDelta(out AccountDelta delta)
    {
        var amount = MinorUnits;
        delta = Kind switch
        {
            AccountPostingKind.Earned => new AccountDelta(amount, 0, amount, 0),
            AccountPostingKind.Completed => new AccountDelta(-amount, amount, 0, 0),
            AccountPostingKind.Cancelled when From == LedgerState.Pending => new AccountDelta(-amount, 0, 0, amount),
            AccountPostingKind.Cancelled => new AccountDelta(0, -amount, 0, amount),
            _ => default,
        };
        return Kind is AccountPostingKind.Earned or AccountPostingKind.Completed or AccountPostingKind.Cancelled;
    }
}

/// <summary>What an <see cref="AccountPosting"/> does to an account.</summary>
public enum AccountPostingKind
{
    /// <summary>A sale booked an earning: pending and booked grow.</summary>
    Earned = 0,

    /// <summary>The sale completed: pending moves to frozen.</summary>
    Completed = 1,

    /// <summary>The return window closed: frozen moves to available, repaying clawback debt first.</summary>
    Released = 2,

    /// <summary>A refund before release: pending or frozen shrinks, reversed grows.</summary>
    Cancelled = 3,

    /// <summary>A refund after release: available shrinks, the clawback policy handles a shortfall, reversed grows.</summary>
    Clawback = 4,
}
