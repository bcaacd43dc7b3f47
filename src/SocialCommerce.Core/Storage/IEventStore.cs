using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SocialCommerce.Storage;

/// <summary>
/// The contract of a store of event streams, one stream per aggregate (a group, a batch, a member's growth account,
/// a sale's commission record): read a stream, append to it with the expected version. Core defines it and does no I/O;
/// SocialCommerce.EntityFrameworkCore implements it on a database (<c>StoredStreams.Events</c>), <see cref="InMemoryEventStore{TEvent}"/> in memory.
/// </summary>
/// <typeparam name="TEvent">The events' type.</typeparam>
/// <remarks>
/// Versions count events: a new stream is at version 0, and appending <c>n</c> events to a stream at version <c>v</c>
/// gives version <c>v + n</c>. An append whose expected version is not the stream's version appends nothing and
/// answers <see cref="AppendResult.Conflict"/>. Implementations are thread-safe.
/// </remarks>
public interface IEventStore<TEvent>
{
    /// <summary>Reads a stream's events in order (empty for a stream that does not exist).</summary>
    /// <param name="streamId">The stream (aggregate) id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events; the stream's version is their count.</returns>
    ValueTask<IReadOnlyList<TEvent>> ReadAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Appends events to a stream if it is at <paramref name="expectedVersion"/>, all or nothing.</summary>
    /// <param name="streamId">The stream (aggregate) id.</param>
    /// <param name="expectedVersion">The version the caller decided on (0 for a new stream).</param>
    /// <param name="events">The events the decision produced; at least one.</param>
    /// <param name="cancellationToken">Cancels the append (nothing is appended).</param>
    /// <returns>Appended with the new version, or a conflict with the actual version.</returns>
    ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<TEvent> events, CancellationToken cancellationToken = default);
}
