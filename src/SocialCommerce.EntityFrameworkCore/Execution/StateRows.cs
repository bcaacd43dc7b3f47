using System;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// The one command path of an aggregate stored as one row holding its state (a member's growth, a community batch, a
/// member's referral claim, a sale's commission record): in the attempt, read the row, restore the aggregate in Core, let Core decide, and — only
/// when the decision changed the aggregate — write the row back in one <c>SaveChanges</c>, under the row's version
/// (its concurrency token: a rival instance's write in between fails the attempt, which the store retries). A decision
/// that changes nothing (a refusal, a duplicate) writes nothing. An engine contributes how its row is keyed, read and
/// written, never the skeleton.
/// </summary>
/// <typeparam name="TRow">The row.</typeparam>
/// <typeparam name="TKey">The aggregate's key.</typeparam>
/// <typeparam name="TAggregate">Core's aggregate.</typeparam>
internal abstract class StateRows<TRow, TKey, TAggregate>
    where TRow : class
    where TAggregate : class
{
    /// <summary>Runs one attempt of a command (inside the store's retries) on the aggregate <paramref name="key"/>.</summary>
    /// <param name="db">The attempt's context.</param>
    /// <param name="key">The aggregate.</param>
    /// <param name="decide">Decides on the restored aggregate; returns the reply and the aggregate to write (null when nothing changed).</param>
    /// <param name="ct">Cancels the attempt.</param>
    /// <param name="missing">The reply when the aggregate is not stored (a refusal); without it, <see cref="Missing"/> is thrown.</param>
    /// <param name="save">
    /// Saves a changed row with the decision's other effects (the ledger's account postings), in the attempt's context;
    /// <c>SaveChanges</c> when not given. Either way the row's version is checked.
    /// </param>
    /// <exception cref="Exception">The aggregate is not stored and <paramref name="missing"/> is not given (<see cref="Missing"/>).</exception>
    public async Task<TReply> DecideAsync<TReply>(DbContext db, TKey key, Func<TAggregate, (TReply Reply, TAggregate? Changed)> decide, CancellationToken ct, Func<TReply>? missing = null, Func<TReply, Task>? save = null)
    {
        var row = await db.Set<TRow>().FirstOrDefaultAsync(Of(key), ct).ConfigureAwait(false);
        TAggregate aggregate;
        if (row is not null)
        {
            aggregate = Restore(row);
        }
        else if (Start(key) is { } fresh)
        {
            aggregate = fresh;
        }
        else
        {
            return missing is not null ? missing() : throw Missing(key);
        }

        var (reply, changed) = decide(aggregate);
        if (changed is null)
        {
            return reply;
        }

        if (row is null)
        {
            // The aggregate's first change inserts its row: two instances starting it at once meet on the key, and
            // the one that loses retries on the row the other wrote.
            row = NewRow(key);
            Write(row, changed);
            db.Add(row);
        }
        else if (!Write(row, changed))
        {
            return reply;
        }

        await (save is null ? db.SaveChangesAsync(ct) : save(reply)).ConfigureAwait(false);
        return reply;
    }

    /// <summary>Reads the aggregate as stored, or null when it is not.</summary>
    public async Task<TAggregate?> ReadAsync(DbContext db, TKey key, CancellationToken ct)
    {
        var row = await db.Set<TRow>().AsNoTracking().FirstOrDefaultAsync(Of(key), ct).ConfigureAwait(false);
        return row is null ? null : Restore(row);
    }

    /// <summary>The row of a key.</summary>
    protected abstract Expression<Func<TRow, bool>> Of(TKey key);

    /// <summary>Restores the aggregate from its row (a stored state Core refuses is the store's schema error naming the row).</summary>
    protected abstract TAggregate Restore(TRow row);

    /// <summary>Writes the aggregate into its row, moving the row's version; false when the row would not change.</summary>
    protected abstract bool Write(TRow row, TAggregate aggregate);

    /// <summary>The aggregate a key starts as when it has no row yet (an empty wallet), or null when it must exist.</summary>
    protected virtual TAggregate? Start(TKey key) => null;

    /// <summary>The new row of a key whose aggregate was started by <see cref="Start"/>.</summary>
    protected virtual TRow NewRow(TKey key) => throw new InvalidOperationException($"{GetType().Name} starts no aggregate.");

    /// <summary>The exception for a key with no row.</summary>
    protected abstract Exception Missing(TKey key);
}
