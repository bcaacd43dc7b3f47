namespace SocialCommerce.Commissions;

/// <summary>
/// What a posting that does not depend on an account's balances does to it, as signed changes in minor units
/// (<see cref="AccountPosting.TryGetDelta"/>). Such postings commute: applied in any order, by any number of writers,
/// they give the same balances, so a store adds them to an account's columns without reading the account first.
/// </summary>
/// <param name="Pending">The change of the pending balance.</param>
/// <param name="Frozen">The change of the frozen balance.</param>
/// <param name="Booked">The change of the booked total.</param>
/// <param name="Reversed">The change of the reversed total.</param>
public readonly record struct AccountDelta(long Pending, long Frozen, long Booked, long Reversed)
{
    /// <summary>Adds two deltas (the effect of both postings).</summary>
    /// <param name="left">One delta.</param>
    /// <param name="right">The other.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="System.OverflowException">A sum is beyond 2^63 − 1 minor units either way.</exception>
    public static AccountDelta operator +(AccountDelta left, AccountDelta right) =>
        new(checked(left.Pending + right.Pending), checked(left.Frozen + right.Frozen), checked(left.Booked + right.Booked), checked(left.Reversed + right.Reversed));

    /// <summary>Adds two deltas (the named form of <c>+</c>).</summary>
    /// <param name="other">The other delta.</param>
    /// <returns>The sum.</returns>
    public AccountDelta Add(AccountDelta other) => this + other;
}
