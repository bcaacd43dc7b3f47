using System;
using SocialCommerce.Serialization;

namespace SocialCommerce.Commissions;

/// <summary>
/// The invariants every account's balances keep, whichever engine changed them: no negative bucket (the signed
/// adjustments aside), the conservation identity, debt only beside an empty available balance, reversals within
/// bookings, fees and withholding within withdrawals, forgiveness within withdrawals.
/// </summary>
internal static class AccountStateCheck
{
    /// <summary>Checks one account's balances.</summary>
    /// <param name="check">The restore's checks.</param>
    /// <param name="b">The balances.</param>
    /// <param name="path">The JSON path of the balances, e.g. <c>$.accounts[3]</c>.</param>
    public static void Check(StateCheck check, LedgerAccountState? b, StatePath path)
    {
        check.Present(b, $"{path}");
        check.Present(b!.Currency, $"{path}.currency");
        check.NotNegative(b.Pending, $"{path}.pending");
        check.NotNegative(b.Frozen, $"{path}.frozen");
        check.NotNegative(b.Available, $"{path}.available");
        check.NotNegative(b.Withdrawn, $"{path}.withdrawn");
        check.NotNegative(b.Fees, $"{path}.fees");
        check.NotNegative(b.Debt, $"{path}.debt");
        check.NotNegative(b.WrittenOff, $"{path}.writtenOff");
        check.NotNegative(b.Forgiven, $"{path}.forgiven");
        check.NotNegative(b.Booked, $"{path}.booked");
        check.NotNegative(b.Reversed, $"{path}.reversed");
        check.NotNegative(b.InWithdrawal, $"{path}.inWithdrawal");
        check.NotNegative(b.Withheld, $"{path}.withheld");
        check.That(b.Reversed <= b.Booked, $"{path}.reversed", b.Reversed, $"more than the {b.Booked} minor units booked.");
        check.That((Int128)b.Fees + b.Withheld <= b.Withdrawn, $"{path}.fees", b.Fees, $"fees and withholding ({b.Withheld}) exceed the {b.Withdrawn} minor units withdrawn.");
        check.That(b.Forgiven <= b.Withdrawn, $"{path}.forgiven", b.Forgiven, $"only withdrawn money is forgiven, and {b.Withdrawn} minor units were withdrawn.");
        check.That(b.Debt == 0 || b.Available == 0, $"{path}.available", b.Available, $"money returning to an account repays its debt first, and the debt is {b.Debt}.");
        var held = (Int128)b.Pending + b.Frozen + b.Available + b.InWithdrawal + b.Withdrawn - b.Debt;
        var earned = (Int128)b.Booked - b.Reversed + b.WrittenOff + b.Forgiven + b.Adjusted;
        check.That(held == earned, $"{path}.booked", b.Booked, $"the buckets do not add up: pending + frozen + available + in withdrawal + withdrawn − debt = {held}, but booked − reversed + written off + forgiven + adjusted = {earned}.");
    }
}
