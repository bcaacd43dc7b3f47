using System;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// Appends to an event stream (a group's, an invitation's) by first moving its head row from the version the command
/// decided on to the next: a writer that got there first shows as a version conflict before any event row is
/// inserted, so a race costs a retry and never a duplicate-key error in the logs. On PostgreSQL that update also holds
/// the head's row lock until the commit, so racing writers line up behind it.
/// </summary>
internal static class StreamAppend
{
    /// <summary>Claims the head (<paramref name="atExpected"/> must select it at the decided version), then saves the tracked events, in one transaction.</summary>
    public static async Task SaveAsync<THead>(DbContext db, Expression<Func<THead, bool>> atExpected, Action<UpdateSettersBuilder<THead>> next, string stream, CancellationToken ct)
        where THead : class
    {
        var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var claimed = await db.Set<THead>().Where(atExpected).ExecuteUpdateAsync(next, ct).ConfigureAwait(false);
            if (claimed == 0)
            {
                throw new DbUpdateConcurrencyException($"Another writer appended to {stream} first.");
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
    }
}
