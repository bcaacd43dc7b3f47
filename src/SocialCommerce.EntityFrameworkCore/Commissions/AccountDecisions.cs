using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using SocialCommerce.Commissions;

namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>
/// The one command path of a decision on one account (an immediate withdrawal, a withdrawal request and its steps, a
/// payout, an adjustment): in the attempt, the account's row is read with the one record the command names, in one
/// statement and tracked; Core decides on the restored account; and only when the account changed (its version moved:
/// a refusal or a duplicate changes nothing) are the decided balances copied to the row and the command's record
/// written, then saved in one <c>SaveChanges</c> under the row's version. Earnings, completions and cancellations
/// never come here: they are deltas (<see cref="StoredAccounts"/>), so they do not conflict with these commands.
/// </summary>
internal static class AccountDecisions
{
    /// <summary>Runs one attempt of an account command.</summary>
    /// <typeparam name="TRecord">The row of the record the command names (a withdrawal, an adjustment).</typeparam>
    /// <typeparam name="TResult">Core's result.</typeparam>
    /// <param name="db">The attempt's context.</param>
    /// <param name="tracked">Reads the account's row (a new row added to the context when missing) with the record, if stored.</param>
    /// <param name="restore">The account in Core holding the record.</param>
    /// <param name="decide">Core's decision.</param>
    /// <param name="write">Writes the command's record (and entries) to the context, once the account changed.</param>
    /// <param name="ct">Cancels the attempt.</param>
    public static async Task<TResult> DecideAsync<TRecord, TResult>(
        DbContext db,
        Task<(AccountRow Row, TRecord? Record)> tracked,
        Func<AccountRow, TRecord?, CommissionAccount> restore,
        Func<CommissionAccount, TResult> decide,
        Action<TRecord?, TResult, CommissionAccount> write,
        CancellationToken ct)
        where TRecord : class
    {
        var (row, record) = await tracked.ConfigureAwait(false);
        var account = restore(row, record);
        var loaded = account.Version;
        var result = decide(account);
        if (account.Version == loaded)
        {
            return result;
        }

        StoredAccounts.CopyBalances(account, row);
        write(record, result, account);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return result;
    }
}
