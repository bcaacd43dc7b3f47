using System;

namespace SocialCommerce.Commissions;

/// <summary>
/// The one rule for money that returns to an account's available balance — a release, a positive adjustment, a
/// rejected, failed or cancelled withdrawal: it repays the account's clawback debt first, and only the rest becomes
/// available. Every path of the single ledger and of the split accounts calls it, so an account never holds
/// available money and debt at once.
/// </summary>
internal static class DebtFirst
{
    /// <summary>Returns <paramref name="units"/> to the account: debt first, then available.</summary>
    /// <param name="units">The minor units returning (not negative).</param>
    /// <param name="available">The available balance, increased by what is left after repaying.</param>
    /// <param name="debt">The clawback debt, decreased by what is repaid.</param>
    /// <returns>The minor units that repaid debt.</returns>
    public static long Return(long units, ref long available, ref long debt)
    {
        var repaid = Math.Min(debt, units);
        debt -= repaid;
        available = checked(available + (units - repaid));
        return repaid;
    }
}
