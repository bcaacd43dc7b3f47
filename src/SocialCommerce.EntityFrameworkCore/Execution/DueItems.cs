using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// The skeleton of every deadline job (groups, invitations, community batches): list the ids due, earliest first, then
/// settle each with its own command (so one settles once however many instances run the job), keeping what this call
/// settled.
/// </summary>
internal static class DueItems
{
    public static async Task<IReadOnlyList<TResult>> SettleAsync<TRow, TKey, TId, TResult>(
        StoreExecutor store,
        string what,
        Expression<Func<TRow, bool>> due,
        Expression<Func<TRow, TKey>> earliest,
        Expression<Func<TRow, TId>> id,
        Func<TId, CancellationToken, Task<TResult>> settle,
        Func<TResult, bool> settled,
        CancellationToken cancellationToken)
        where TRow : class
    {
        var ids = await store.RunAsync($"list {what}", (db, _, ct) =>
            db.Set<TRow>().AsNoTracking().Where(due).OrderBy(earliest).Select(id).ToListAsync(ct), cancellationToken).ConfigureAwait(false);
        var results = new List<TResult>(ids.Count);
        foreach (var next in ids)
        {
            var result = await settle(next, cancellationToken).ConfigureAwait(false);
            if (settled(result))
            {
                results.Add(result);
            }
        }

        return results;
    }
}
