using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// Commits one attempt's writes in one transaction: the change tracker's (version-checked) and a <see cref="SqlBatch"/>
/// after them. On PostgreSQL that is two round trips and the commit (the transaction's start travels with the first).
/// </summary>
internal static class StoreTransaction
{
    /// <summary>
    /// Saves and commits; returns <see langword="false"/>, having committed nothing, when the batch affected fewer rows
    /// than it must (a row it inserts exists, or a guard refused an upsert), or when <paramref name="accept"/> refuses
    /// the number the batch read last (<see cref="SqlBatch.ReadLast"/>): the caller decides what that means.
    /// </summary>
    public static async Task<bool> CommitAsync(DbContext db, SqlBatch batch, CancellationToken ct, Func<long, bool>? accept = null)
    {
        if (batch.IsEmpty)
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }

        var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            var affected = await batch.ExecuteAsync(ct).ConfigureAwait(false);
            if (affected != batch.ExpectedRows || (accept is not null && !accept(batch.LastRead)))
            {
                await transaction.RollbackAsync(ct).ConfigureAwait(false);
                return false;
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
    }
}
