using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SocialCommerce.Storage;

/// <summary>
/// An <see cref="IEventStore{TEvent}"/> in process memory: for tests, samples and single-process hosts. Thread-safe:
/// appends to one stream are serialised by a lock of that stream; streams do not contend.
/// </summary>
/// <typeparam name="TEvent">The events' type.</typeparam>
public sealed class InMemoryEventStore<TEvent> : IEventStore<TEvent>
{
    private readonly ConcurrentDictionary<string, List<TEvent>> _streams = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TEvent>> ReadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            return new ValueTask<IReadOnlyList<TEvent>>(Array.Empty<TEvent>());
        }

        lock (stream)
        {
            return new ValueTask<IReadOnlyList<TEvent>>(stream.ToArray());
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="events"/> is empty, or <paramref name="expectedVersion"/> is negative.</exception>
    public ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<TEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var stream = _streams.GetOrAdd(streamId, static _ => []);
        lock (stream)
        {
            if (stream.Count != expectedVersion)
            {
                return new ValueTask<AppendResult>(AppendResult.Conflict(stream.Count));
            }

            stream.AddRange(events);
            return new ValueTask<AppendResult>(AppendResult.Appended(stream.Count));
        }
    }
}
