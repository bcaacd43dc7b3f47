using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace SocialCommerce.Storage;

/// <summary>An <see cref="ISnapshotStore{TSnapshot}"/> in process memory: for tests, samples and single-process hosts. Thread-safe.</summary>
/// <typeparam name="TSnapshot">The snapshot's type.</typeparam>
public sealed class InMemorySnapshotStore<TSnapshot> : ISnapshotStore<TSnapshot>
{
    private readonly ConcurrentDictionary<string, Versioned<TSnapshot>> _snapshots = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<Versioned<TSnapshot>?> LoadAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<Versioned<TSnapshot>?>(_snapshots.TryGetValue(id, out var stored) ? stored : null);
    }

    /// <inheritdoc />
    public ValueTask<AppendResult> SaveAsync(string id, long expectedVersion, TSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        var next = new Versioned<TSnapshot>(snapshot, expectedVersion + 1);
        if (expectedVersion == 0)
        {
            return new ValueTask<AppendResult>(_snapshots.TryAdd(id, next) ? AppendResult.Appended(1) : AppendResult.Conflict(_snapshots[id].Version));
        }

        while (true)
        {
            if (!_snapshots.TryGetValue(id, out var current))
            {
                return new ValueTask<AppendResult>(AppendResult.Conflict(0));
            }

            if (current.Version != expectedVersion)
            {
                return new ValueTask<AppendResult>(AppendResult.Conflict(current.Version));
            }

            if (_snapshots.TryUpdate(id, next, current))
            {
                return new ValueTask<AppendResult>(AppendResult.Appended(next.Version));
            }
        }
    }
}
