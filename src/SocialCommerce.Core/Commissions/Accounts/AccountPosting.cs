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
public readonly record struct AccountPosting(string Id, string SaleId, MemberId Member, Currency Currency, AccountPostingKind Kind, LedgerState From, long MinorUnits);

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
