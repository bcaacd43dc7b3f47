using System.Threading;
using System.Threading.Tasks;

namespace SocialCommerce.Storage;

/// <summary>
/// The contract of a store of aggregate states (snapshots such as <see cref="Network.NetworkSnapshot"/>,
/// <see cref="Growth.GrowthSnapshot"/> or <see cref="Commissions.LedgerSnapshot"/>), saved with an expected version so
/// that two writers never overwrite each other silently. <see cref="InMemorySnapshotStore{TSnapshot}"/> implements it
/// in memory, SocialCommerce.EntityFrameworkCore on a database (<c>StoredStreams.Snapshots</c>). Implementations are thread-safe.
/// </summary>
/// <typeparam name="TSnapshot">The snapshot's type.</typeparam>
public interface ISnapshotStore<TSnapshot>
{
    /// <summary>Loads a snapshot and its version, or null when none was saved.</summary>
    /// <param name="id">The aggregate's id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The snapshot and its version, or null.</returns>
    ValueTask<Versioned<TSnapshot>?> LoadAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Saves a snapshot if the stored one is at <paramref name="expectedVersion"/> (0 when none was saved).</summary>
    /// <param name="id">The aggregate's id.</param>
    /// <param name="expectedVersion">The version the caller loaded.</param>
    /// <param name="snapshot">The new state.</param>
    /// <param name="cancellationToken">Cancels the save (nothing is saved).</param>
    /// <returns>Appended with the new version, or a conflict with the actual version.</returns>
    ValueTask<AppendResult> SaveAsync(string id, long expectedVersion, TSnapshot snapshot, CancellationToken cancellationToken = default);
}
