using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// The aggregates (groups, invitations) this process last loaded or saved, so that the next command on one reads
/// only the events stored since (by another instance) instead of its whole stream. Used under the aggregate's turn
/// (<see cref="KeyedGate"/>): a command takes its aggregate out and keeps it again only once its attempt committed or
/// decided nothing, so an attempt that failed half-way leaves nothing behind and the next one loads from the database.
/// Bounded: past <see cref="Capacity"/> aggregates it starts again empty.
/// </summary>
/// <typeparam name="T">The aggregate (mutable, decided on in place).</typeparam>
internal sealed class LoadedAggregates<T>
    where T : class
{
    /// <summary>At most this many aggregates are kept per service (a 200-seat group with its join events is a few tens of KB).</summary>
    public const int Capacity = 1_024;

    private readonly ConcurrentDictionary<long, T> _kept = new();

    /// <summary>Takes a kept aggregate out (the caller holds its key's turn).</summary>
    public bool TryTake(long id, [NotNullWhen(true)] out T? aggregate) => _kept.TryRemove(id, out aggregate);

    /// <summary>Forgets an aggregate (it is gone from the database).</summary>
    public void Forget(long id) => _kept.TryRemove(id, out _);

    /// <summary>Keeps an aggregate as of its last committed version.</summary>
    public void Keep(long id, T aggregate)
    {
        if (_kept.Count >= Capacity)
        {
            _kept.Clear();
        }

        _kept[id] = aggregate;
    }
}
