using System;
using System.Collections.Generic;
using System.Data;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.Network;

/// <summary>
/// The referral network kept in the database and cached in memory, so quoting walks an upline without a database
/// round trip per level. Registrations and bindings go through the numbered binding log: an instance appends entry
/// n + 1 only if it has seen entries 1..n, so two instances binding at the same moment are serialised by the database
/// (the loser reads the winner's entry and decides again) and the network never gets a cycle.
/// </summary>
/// <remarks>
/// Freshness: the cache holds every binding up to <see cref="Sequence"/>. A command of this class reads the entries
/// committed since then before it decides. <see cref="QuoteAsync"/> with <see cref="SocialCommerceStoreOptions.NetworkFreshness"/>
/// zero (the default) sees every binding committed before it was called: it waits for a read of the log that started
/// after the call, and concurrent quotes share those reads; with a freshness above zero it reads only when the last
/// read is older. The read side (<see cref="IReferralNetwork"/>) answers from the cache as of its last refresh.
/// Thread-safe.
/// </remarks>
public sealed class StoredReferralNetwork : IReferralNetwork, IDisposable
{
    private readonly StoreExecutor _store;
    private readonly BindingPolicy _policy;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private ReferralNetwork? _network;
    private long _sequence;
    private long _refreshedAt;
    private readonly Lock _refreshGate = new();
    private Task? _refreshInFlight;
    private long _refreshesStarted;
    private long _refreshesDone;

    internal StoredReferralNetwork(StoreExecutor store, BindingPolicy policy)
    {
        _store = store;
        _policy = policy;
    }

    /// <summary>Gets the binding policy every instance must share.</summary>
    public BindingPolicy Policy => _policy;

    /// <summary>Gets the number of binding-log entries in the cache (every entry up to this one is applied).</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    /// <summary>Gets the number of members in the cache.</summary>
    public int Count => Read(static n => n.Count);

    /// <summary>
    /// Loads the network from its current state (the members table, not the log's history) if not loaded yet;
    /// the start-up service calls it. Later calls only refresh.
    /// </summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>A task that completes when the cache is loaded and fresh.</returns>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _network) is null)
        {
            await _store.RunAsync("load the referral network", async (db, _, ct) =>
            {
                await LoadFromStateAsync(db, ct).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the binding-log entries other instances committed since <see cref="Sequence"/> into the cache (one query).</summary>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>The number of entries applied.</returns>
    public Task<int> RefreshAsync(CancellationToken cancellationToken = default) =>
        _store.RunAsync("refresh the referral network", (db, _, ct) => RefreshAsync(db, ct), cancellationToken);

    /// <summary>Registers a member, under a referrer if given; refused (nothing stored) as <see cref="ReferralNetwork.CheckRegistration"/> decides.</summary>
    /// <param name="member">The new member.</param>
    /// <param name="referrer">Its referrer, already a member, or <see langword="null"/> for a root.</param>
    /// <param name="at">When it registered.</param>
    /// <param name="cancellationToken">Cancels the command (nothing is stored if it did not commit).</param>
    /// <returns>Bound, or the refusal with its reason and message (e.g. <see cref="BindingRefusalReason.AlreadyRegistered"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside [<see cref="Limits.MinInstant"/>, <see cref="Limits.MaxInstant"/>).</exception>
    /// <exception cref="StoreConflictException">Other instances kept writing the log first for every attempt.</exception>
    public Task<BindingResult> RegisterAsync(MemberId member, MemberId? referrer, Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        return AppendAsync($"register member {member}", member, referrer, at, isRegistration: true, cancellationToken);
    }

    /// <summary>Binds an existing member to a referrer under the <see cref="Policy"/>, as <see cref="ReferralNetwork.TryBind"/> decides against the latest stored network.</summary>
    /// <param name="member">The member.</param>
    /// <param name="referrer">The new referrer.</param>
    /// <param name="at">When the binding is requested.</param>
    /// <param name="cancellationToken">Cancels the command (nothing is stored if it did not commit).</param>
    /// <returns>Bound, already bound (nothing stored), or the refusal (a cycle, the policy, an unknown member).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside [<see cref="Limits.MinInstant"/>, <see cref="Limits.MaxInstant"/>).</exception>
    /// <exception cref="StoreConflictException">Other instances kept writing the log first for every attempt.</exception>
    public Task<BindingResult> TryBindAsync(MemberId member, MemberId referrer, Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        return AppendAsync($"bind member {member} to {referrer}", member, referrer, at, isRegistration: false, cancellationToken);
    }

    /// <summary>
    /// Quotes a sale against the network. With <see cref="SocialCommerceStoreOptions.NetworkFreshness"/> zero it first
    /// waits for a read of the binding log that started after this call (shared with concurrent quotes), so the quote
    /// sees every binding committed before the call; otherwise it reads only when the last read is older than that.
    /// </summary>
    /// <param name="engine">The commission engine (its plan).</param>
    /// <param name="sale">The sale.</param>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>The quote (pure: nothing is stored; post it with <see cref="Commissions.StoredCommissionLedger"/>).</returns>
    public async Task<CommissionQuote> QuoteAsync(CommissionEngine engine, Sale sale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(sale);
        await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var freshness = _store.Options.NetworkFreshness;
        if (freshness == Duration.Zero)
        {
            await RefreshStartedAfterNowAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _refreshedAt)) > freshness.ToTimeSpan())
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        _lock.EnterReadLock();
        try
        {
            return engine.Quote(sale, _network!);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Quotes a sale against the cache as it is, without reading the log, and returns the log entry the cache holds
    /// up to; <see cref="Commissions.StoredCommissionLedger.QuoteAndPostAsync"/> checks that number in the posting's
    /// own round trip.
    /// </summary>
    internal (CommissionQuote Quote, long Sequence) QuoteCached(CommissionEngine engine, Sale sale)
    {
        _lock.EnterReadLock();
        try
        {
            return (engine.Quote(sale, Loaded()), _sequence);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Gets a member's binding history from the cache (rebindings only; a registration is not a binding).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The bindings, oldest first.</returns>
    public IReadOnlyList<ReferralBinding> GetBindingHistory(MemberId member) => Read(n => n.GetBindingHistory(member));

    /// <summary>Returns a member as the cached network knows it (see <see cref="ReferralNetwork.GetMember"/>).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The member, its referrer and its binding instant.</returns>
    /// <exception cref="UnknownMemberException">The member is not in the network.</exception>
    public NetworkMember GetMember(MemberId member) => Read(n => n.GetMember(member));

    /// <summary>Gets a copy of the cached network's state (for audits and reports).</summary>
    /// <returns>The snapshot as of <see cref="Sequence"/>.</returns>
    public NetworkSnapshot ToSnapshot() => Read(static n => n.ToSnapshot());

    /// <inheritdoc />
    public bool Contains(MemberId member) => Read(n => n.Contains(member));

    /// <inheritdoc />
    public int CopyUpline(MemberId member, Span<MemberId> destination)
    {
        _lock.EnterReadLock();
        try
        {
            return Loaded().CopyUpline(member, destination);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public int GetDepth(MemberId member) => Read(n => n.GetDepth(member));

    /// <inheritdoc />
    public bool TryGetReferrer(MemberId member, out MemberId referrer)
    {
        _lock.EnterReadLock();
        try
        {
            return Loaded().TryGetReferrer(member, out referrer);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _lock.Dispose();
        _loadGate.Dispose();
    }

    internal async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _network) is null)
        {
            await LoadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<BindingResult> AppendAsync(string command, MemberId member, MemberId? referrer, Instant at, bool isRegistration, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        return await _store.RunAsync(command, Keys.BindingLog, async (db, _, ct) =>
        {
            await RefreshAsync(db, ct).ConfigureAwait(false);
            BindingResult result;
            long sequence;
            MemberId? previous = null;
            _lock.EnterReadLock();
            try
            {
                var network = _network!;
                sequence = _sequence;
                result = isRegistration ? network.CheckRegistration(member, referrer) : network.CheckBinding(member, referrer!.Value, at);
                // Only a binding that will be recorded has a member to read (a refused one may name a stranger).
                if (!isRegistration && result.IsBound && !result.AlreadyBound && network.TryGetReferrer(member, out var current))
                {
                    previous = current;
                }
            }
            finally
            {
                _lock.ExitReadLock();
            }

            if (!result.IsBound || result.AlreadyBound)
            {
                return result;
            }

            db.Add(new BindingRow
            {
                Sequence = sequence + 1,
                MemberId = member.Value,
                ReferrerId = referrer?.Value,
                PreviousReferrerId = previous?.Value,
                At = StoredJson.Ticks(at),
                IsRegistration = isRegistration,
            });
            if (isRegistration)
            {
                db.Add(new MemberRow { MemberId = member.Value, ReferrerId = referrer?.Value, BoundAt = StoredJson.Ticks(at), RegisteredSequence = sequence + 1 });
            }
            else
            {
                var row = new MemberRow { MemberId = member.Value, ReferrerId = previous?.Value, BoundAt = 0 };
                db.Attach(row);
                row.ReferrerId = referrer!.Value.Value;
                row.BoundAt = StoredJson.Ticks(at);
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await RefreshAsync(db, ct).ConfigureAwait(false);
            return result;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task LoadFromStateAsync(DbContext db, CancellationToken ct)
    {
        await _loadGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_network is not null)
            {
                return;
            }

            List<MemberRow> rows;
            List<BindingRow> rebindings;
            long sequence;
            await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct).ConfigureAwait(false))
            {
                sequence = await db.Set<BindingRow>().MaxAsync(r => (long?)r.Sequence, ct).ConfigureAwait(false) ?? 0;
                rows = await db.Set<MemberRow>().AsNoTracking().OrderBy(r => r.RegisteredSequence).ToListAsync(ct).ConfigureAwait(false);
                rebindings = await db.Set<BindingRow>().AsNoTracking().Where(r => !r.IsRegistration).OrderBy(r => r.Sequence).ToListAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }

            var snapshot = new NetworkSnapshot(
                Serialization.SocialCommerceJson.SchemaVersion,
                InReferrerOrder(rows),
                rebindings.ConvertAll(static r => new ReferralBinding(new MemberId(r.MemberId), new MemberId(r.ReferrerId!.Value), r.PreviousReferrerId is { } p ? new MemberId(p) : null, StoredJson.Instant(r.At))));
            ReferralNetwork network;
            try
            {
                network = ReferralNetwork.FromSnapshot(snapshot, _policy);
            }
            catch (CorruptStateException ex)
            {
                throw new StoreSchemaException($"SocialCommerce store: the table sc_members does not hold a valid referral network: {ex.Message}", ex);
            }

            _lock.EnterWriteLock();
            try
            {
                _network = network;
                Interlocked.Exchange(ref _sequence, sequence);
                Interlocked.Exchange(ref _refreshedAt, Stopwatch.GetTimestamp());
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
        finally
        {
            _loadGate.Release();
        }
    }

    // Referrers before the members they refer: registration order, except a member rebound to a later-registered
    // referrer waits until that referrer is out.
    private static List<NetworkMember> InReferrerOrder(List<MemberRow> rows)
    {
        var ordered = new List<NetworkMember>(rows.Count);
        var emitted = new HashSet<long>(rows.Count);
        var waiting = new Dictionary<long, List<MemberRow>>();
        var ready = new Stack<MemberRow>();
        foreach (var row in rows)
        {
            if (row.ReferrerId is { } referrer && !emitted.Contains(referrer))
            {
                if (!waiting.TryGetValue(referrer, out var list))
                {
                    waiting[referrer] = list = [];
                }

                list.Add(row);
                continue;
            }

            ready.Push(row);
            while (ready.Count > 0)
            {
                var next = ready.Pop();
                ordered.Add(new NetworkMember(new MemberId(next.MemberId), next.ReferrerId is { } r ? new MemberId(r) : null, StoredJson.Instant(next.BoundAt)));
                emitted.Add(next.MemberId);
                if (waiting.Remove(next.MemberId, out var children))
                {
                    children.ForEach(ready.Push);
                }
            }
        }

        if (waiting.Count > 0)
        {
            var orphan = waiting.First();
            throw new StoreSchemaException($"SocialCommerce store: sc_members has member {orphan.Value[0].MemberId} under referrer {orphan.Key}, which is not a member (or is in a cycle); the table was changed outside the SDK.");
        }

        return ordered;
    }

    /// <summary>
    /// Waits for a refresh that started after this call began, so the cache then holds every binding committed before
    /// it; concurrent callers share refreshes (at most one query in flight), so under load a quote costs a fraction of
    /// a round trip instead of one.
    /// </summary>
    private async Task RefreshStartedAfterNowAsync(CancellationToken cancellationToken)
    {
        long needed;
        lock (_refreshGate)
        {
            needed = _refreshesStarted + 1;
        }

        while (true)
        {
            Task inFlight;
            lock (_refreshGate)
            {
                if (_refreshesDone >= needed)
                {
                    return;
                }

                if (_refreshInFlight is null)
                {
                    _refreshInFlight = SharedRefreshAsync(++_refreshesStarted);
                }

                inFlight = _refreshInFlight;
            }

            // A refresh that started before this call may miss what committed just before it: wait for it, then for
            // the next one (which the first waiter starts).
            await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One refresh shared by the quotes waiting for it (not cancelled by any one of them).</summary>
    private async Task SharedRefreshAsync(long number)
    {
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding); // off the caller's thread and context
        try
        {
            await RefreshAsync(CancellationToken.None).ConfigureAwait(false);
            lock (_refreshGate)
            {
                _refreshesDone = Math.Max(_refreshesDone, number);
            }
        }
        finally
        {
            lock (_refreshGate)
            {
                _refreshInFlight = null;
            }
        }
    }

    private async Task<int> RefreshAsync(DbContext db, CancellationToken ct)
    {
        if (Volatile.Read(ref _network) is null)
        {
            await LoadFromStateAsync(db, ct).ConfigureAwait(false);
        }

        var known = Sequence;
        var rows = await db.Set<BindingRow>().AsNoTracking().Where(r => r.Sequence > known).OrderBy(r => r.Sequence).ToListAsync(ct).ConfigureAwait(false);
        var applied = 0;
        _lock.EnterWriteLock();
        try
        {
            foreach (var row in rows)
            {
                if (row.Sequence != _sequence + 1)
                {
                    continue; // applied by a concurrent refresh, or a gap another refresh will fill
                }

                Apply(_network!, row);
                Interlocked.Exchange(ref _sequence, row.Sequence);
                applied++;
            }

            Interlocked.Exchange(ref _refreshedAt, Stopwatch.GetTimestamp());
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        return applied;
    }

    private static void Apply(ReferralNetwork network, BindingRow row)
    {
        var member = new MemberId(row.MemberId);
        var at = StoredJson.Instant(row.At);
        try
        {
            if (row.IsRegistration)
            {
                if (row.ReferrerId is { } referrer)
                {
                    network.AddMember(member, new MemberId(referrer), at);
                }
                else
                {
                    network.AddMember(member, at);
                }

                return;
            }

            var result = network.TryBind(member, new MemberId(row.ReferrerId!.Value), at);
            if (!result.IsBound)
            {
                throw new ReferralBindingException(result.Refusal, result.Message!);
            }
        }
        catch (ReferralBindingException ex)
        {
            throw new StoreSchemaException($"SocialCommerce store: binding-log entry {row.Sequence} (member {row.MemberId}) cannot be applied to the network: {ex.Message} Every instance must use the same binding policy.", ex);
        }
    }

    private ReferralNetwork Loaded() =>
        _network ?? throw new InvalidOperationException("The stored referral network is not loaded yet: the SocialCommerce start-up service loads it (or call LoadAsync).");

    private T Read<T>(Func<ReferralNetwork, T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read(Loaded());
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }
}
