using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.Serialization;
using SocialCommerce.Storage;

namespace SocialCommerce.EntityFrameworkCore.Streams;

/// <summary>
/// Core's storage contracts on the SocialCommerce tables: <see cref="IEventStore{TEvent}"/> on <c>sc_stream_events</c>
/// and <see cref="ISnapshotStore{TSnapshot}"/> on <c>sc_state_snapshots</c>, each keyed by the aggregate's id and a
/// kind the host names, so one table serves every aggregate a host keeps of its own (a custom rule's state, a
/// projection) beside the engines'. Every read and write runs inside the context's execution strategy with the store's
/// retries; an append or a save whose expected version is not the stored one writes nothing and answers
/// <see cref="AppendResult.Conflict"/>, on one instance or several (the primary key is the guard).
/// </summary>
/// <remarks>Registered by <c>AddEntityFrameworkStores</c>; thread-safe.</remarks>
public sealed class StoredStreams
{
    private readonly StoreExecutor _store;

    internal StoredStreams(StoreExecutor store) => _store = store;

    /// <summary>Returns the event store of one kind of stream.</summary>
    /// <typeparam name="TEvent">The events' type (a Core event type, or the host's; polymorphic types need their JSON options).</typeparam>
    /// <param name="kind">The kind of stream (1 to 64 characters): the host's name for the aggregate type.</param>
    /// <param name="json">The JSON options for the events; <see cref="SocialCommerceJson.Options"/> when null.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is empty or longer than 64 characters.</exception>
    public IEventStore<TEvent> Events<TEvent>(string kind, JsonSerializerOptions? json = null) => new EventStore<TEvent>(_store, Kind(kind), json ?? SocialCommerceJson.Options);

    /// <summary>Returns the snapshot store of one kind of state.</summary>
    /// <typeparam name="TSnapshot">The snapshots' type.</typeparam>
    /// <param name="kind">The kind of state (1 to 64 characters): the host's name for the aggregate type.</param>
    /// <param name="json">The JSON options for the snapshots; <see cref="SocialCommerceJson.Options"/> when null.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is empty or longer than 64 characters.</exception>
    public ISnapshotStore<TSnapshot> Snapshots<TSnapshot>(string kind, JsonSerializerOptions? json = null) => new SnapshotStore<TSnapshot>(_store, Kind(kind), json ?? SocialCommerceJson.Options);

    private static string Kind(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (kind.Length > 64)
        {
            throw new ArgumentException($"The kind '{kind[..20]}…' has {kind.Length} characters; at most 64.", nameof(kind));
        }

        return kind;
    }

    private sealed class EventStore<TEvent>(StoreExecutor store, string kind, JsonSerializerOptions json) : IEventStore<TEvent>
    {
        public async ValueTask<IReadOnlyList<TEvent>> ReadAsync(string streamId, CancellationToken cancellationToken = default)
        {
            StoredIds.Check(streamId, nameof(streamId));
            return await store.RunAsync($"read {kind} stream '{streamId}'", async (db, _, ct) =>
            {
                var rows = await db.Set<StreamEventRow>().AsNoTracking().Where(r => r.StreamId == streamId && r.Kind == kind).OrderBy(r => r.Version).Select(r => r.Json).ToListAsync(ct).ConfigureAwait(false);
                return (IReadOnlyList<TEvent>)rows.ConvertAll(r => SocialCommerceJson.Deserialize<TEvent>(r, json)!);
            }, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<TEvent> events, CancellationToken cancellationToken = default)
        {
            StoredIds.Check(streamId, nameof(streamId));
            ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
            ArgumentNullException.ThrowIfNull(events);
            if (events.Count == 0)
            {
                throw new ArgumentException($"Appending to {kind} stream '{streamId}' needs at least one event.", nameof(events));
            }

            var texts = events.Select(e => SocialCommerceJson.Serialize(e, json)).ToList();
            return await store.RunAsync($"append to {kind} stream '{streamId}'", $"stream:{kind}:{streamId}", async (db, _, ct) =>
            {
                var version = await VersionAsync(db, streamId, ct).ConfigureAwait(false);
                if (version != expectedVersion)
                {
                    return AppendResult.Conflict(version);
                }

                // Another instance appending the same versions first breaks the primary key: the attempt is retried and
                // then answers the conflict above.
                for (var i = 0; i < texts.Count; i++)
                {
                    db.Add(new StreamEventRow { StreamId = streamId, Kind = kind, Version = expectedVersion + i + 1, Json = texts[i] });
                }

                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return AppendResult.Appended(expectedVersion + texts.Count);
            }, cancellationToken).ConfigureAwait(false);
        }

        private async Task<long> VersionAsync(DbContext db, string streamId, CancellationToken ct) =>
            await db.Set<StreamEventRow>().AsNoTracking().Where(r => r.StreamId == streamId && r.Kind == kind).Select(r => (long?)r.Version).MaxAsync(ct).ConfigureAwait(false) ?? 0;
    }

    private sealed class SnapshotStore<TSnapshot>(StoreExecutor store, string kind, JsonSerializerOptions json) : ISnapshotStore<TSnapshot>
    {
        public async ValueTask<Versioned<TSnapshot>?> LoadAsync(string id, CancellationToken cancellationToken = default)
        {
            StoredIds.Check(id, nameof(id));
            return await store.RunAsync($"load {kind} state '{id}'", async (db, _, ct) =>
            {
                var row = await db.Set<StateSnapshotRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Kind == kind, ct).ConfigureAwait(false);
                return row is null ? null : new Versioned<TSnapshot>(SocialCommerceJson.Deserialize<TSnapshot>(row.Json, json)!, row.Version);
            }, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask<AppendResult> SaveAsync(string id, long expectedVersion, TSnapshot snapshot, CancellationToken cancellationToken = default)
        {
            StoredIds.Check(id, nameof(id));
            ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
            ArgumentNullException.ThrowIfNull(snapshot);
            var text = SocialCommerceJson.Serialize(snapshot, json);
            return await store.RunAsync($"save {kind} state '{id}'", $"state:{kind}:{id}", async (db, _, ct) =>
            {
                var row = await db.Set<StateSnapshotRow>().FirstOrDefaultAsync(r => r.Id == id && r.Kind == kind, ct).ConfigureAwait(false);
                var version = row?.Version ?? 0;
                if (version != expectedVersion)
                {
                    return AppendResult.Conflict(version);
                }

                // The version is the row's concurrency token (a rival save in between fails the attempt, which is retried
                // and then answers the conflict above); a first save's rival breaks the primary key the same way.
                if (row is null)
                {
                    db.Add(new StateSnapshotRow { Id = id, Kind = kind, Version = 1, Json = text });
                }
                else
                {
                    row.Version = version + 1;
                    row.Json = text;
                }

                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return AppendResult.Appended(version + 1);
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
