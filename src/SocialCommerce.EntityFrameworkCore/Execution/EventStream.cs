using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// The one command path of an aggregate stored as an event stream with a head row (a group, an invitation): in one
/// transaction, take the head row (an update that changes nothing: the row's lock on PostgreSQL, the write lock on
/// SQLite), bring the aggregate up to date — the one this process kept plus the events stored since, or its whole
/// stream — let Core decide, then append the events with the head's new version (the version the command loaded is
/// the head's concurrency token) and commit. A decision with no events (a refusal, a duplicate) rolls back. An engine
/// contributes how its stream is keyed, read and written, never the skeleton.
/// </summary>
/// <typeparam name="TAggregate">Core's aggregate (mutable; decided on in place).</typeparam>
/// <typeparam name="TEvent">Its events.</typeparam>
internal abstract class EventStream<TAggregate, TEvent>
    where TAggregate : class
    where TEvent : class
{
    private readonly LoadedAggregates<TAggregate> _kept = new();

    /// <summary>Runs one attempt of a command (inside the store's retries) on the aggregate <paramref name="id"/>.</summary>
    /// <param name="db">The attempt's context.</param>
    /// <param name="id">The aggregate.</param>
    /// <param name="decide">Decides on the up-to-date aggregate (it may track rows of its own, such as counters); returns the reply and the events to append.</param>
    /// <param name="ct">Cancels the attempt.</param>
    public async Task<TReply> DecideAsync<TReply>(DbContext db, long id, Func<TAggregate, Task<(TReply Reply, IReadOnlyList<TEvent> Events)>> decide, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Other instances' commands on this aggregate wait here until this one commits or rolls back, so what it
            // reads next is the latest and its append never loses a race. A kept aggregate takes the lock and reads
            // what is new in one round trip; otherwise the lock, then the whole stream.
            TAggregate aggregate;
            if (_kept.TryTake(id, out var kept))
            {
                var later = await LockAndReadSinceAsync(db, id, VersionOf(kept), ct).ConfigureAwait(false) ?? throw Unknown(id);
                aggregate = later.Count == 0 ? kept : Continue(kept, later);
            }
            else if (await LockAsync(db, id, ct).ConfigureAwait(false) == 0)
            {
                throw Unknown(id);
            }
            else
            {
                aggregate = await ReadAsync(db, id, ct).ConfigureAwait(false) ?? throw Unknown(id);
            }

            var loaded = VersionOf(aggregate);
            var (reply, events) = await decide(aggregate).ConfigureAwait(false);
            if (events.Count > 0)
            {
                Append(db, aggregate, loaded, events);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }

            // Kept only once committed (or unchanged): an attempt that failed above leaves nothing behind.
            _kept.Keep(id, aggregate);
            return reply;
        }
    }

    /// <summary>Keeps an aggregate a committed command created (an opening).</summary>
    public void Keep(long id, TAggregate aggregate) => _kept.Keep(id, aggregate);

    /// <summary>Reads an aggregate's head and whole stream, or <see langword="null"/> when it has no head row.</summary>
    public abstract Task<TAggregate?> ReadAsync(DbContext db, long id, CancellationToken ct);

    /// <summary>The aggregate's version (its number of events).</summary>
    protected abstract long VersionOf(TAggregate aggregate);

    /// <summary>Updates the head row without changing it (to take its lock); returns the rows updated (0: no such aggregate).</summary>
    protected abstract Task<int> LockAsync(DbContext db, long id, CancellationToken ct);

    /// <summary>Continues a kept aggregate with the events stored since (Core's <c>FromHistory(earlier, laterEvents)</c>).</summary>
    protected abstract TAggregate Continue(TAggregate earlier, List<TEvent> laterEvents);

    /// <summary>Tracks the event rows and the head's move from <paramref name="loadedVersion"/> to the aggregate's version.</summary>
    protected abstract void Append(DbContext db, TAggregate aggregate, long loadedVersion, IReadOnlyList<TEvent> events);

    /// <summary>The exception for an id with no aggregate.</summary>
    protected abstract Exception Unknown(long id);

    /// <summary>Restores an aggregate, reporting a stored history Core refuses as the store's schema error naming the stream.</summary>
    /// <param name="noun">What the aggregate is ("group", "invitation").</param>
    /// <param name="id">Its id.</param>
    /// <param name="table">The table of its events.</param>
    /// <param name="restore">Core's <c>FromHistory</c>.</param>
    protected static TAggregate Restored(string noun, long id, string table, Func<TAggregate> restore)
    {
        try
        {
            return restore();
        }
        catch (CorruptStateException ex)
        {
            throw new StoreSchemaException($"SocialCommerce store: the events of {noun} {id} in {table} do not make a valid {noun}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Takes the head row's lock and reads the events after <paramref name="version"/> in one round trip: the head is
    /// updated without change (<c>Version = Version</c>), then its stream's later events are selected, as one command.
    /// </summary>
    /// <typeparam name="THead">The head row.</typeparam>
    /// <typeparam name="TRow">The event row.</typeparam>
    /// <param name="db">The attempt's context (in its transaction).</param>
    /// <param name="key">The stream key's property, the same name on the head and the event rows.</param>
    /// <param name="id">The aggregate.</param>
    /// <param name="version">The version the caller has.</param>
    /// <param name="row">Creates an event row of the aggregate (its key set).</param>
    /// <param name="ct">Cancels the command.</param>
    /// <returns>Whether the head exists, and the later event rows in order.</returns>
    protected static async Task<(bool Exists, List<TRow> Rows)> LockAndReadRowsSinceAsync<THead, TRow>(DbContext db, string key, long id, long version, Func<TRow> row, CancellationToken ct)
        where TRow : IEventRow
    {
        var batch = new SqlBatch(db);
        var head = batch.Table<THead>(out var headTable);
        var events = batch.Table<TRow>(out var eventTable);
        var headVersion = batch.Column<THead>(headTable, nameof(IEventRow.Version));
        string Of(string property) => batch.Column<TRow>(eventTable, property);
        var idParameter = batch.Parameter(id);
        var versionParameter = batch.Parameter(version);
        var sql =
            $"UPDATE {head} SET {headVersion} = {headVersion} WHERE {batch.Column<THead>(headTable, key)} = {idParameter};\n" +
            $"SELECT {Of(nameof(IEventRow.Version))}, {Of(nameof(IEventRow.Type))}, {Of(nameof(IEventRow.SchemaVersion))}, {Of(nameof(IEventRow.Event))}, {Of(nameof(IEventRow.At))} " +
            $"FROM {events} WHERE {Of(key)} = {idParameter} AND {Of(nameof(IEventRow.Version))} > {versionParameter} ORDER BY {Of(nameof(IEventRow.Version))};";
        var (rows, affected) = await batch.QueryAsync(sql, r =>
        {
            var e = row();
            e.Version = r.GetInt64(0);
            e.Type = r.GetString(1);
            e.SchemaVersion = r.GetInt32(2);
            e.Event = r.GetString(3);
            e.At = r.GetInt64(4);
            return e;
        }, ct).ConfigureAwait(false);
        return (affected > 0, rows);
    }

    /// <summary>Takes the head row's lock and reads the events after <paramref name="version"/> (one round trip); null when the aggregate has no head row.</summary>
    protected abstract Task<List<TEvent>?> LockAndReadSinceAsync(DbContext db, long id, long version, CancellationToken ct);
}
