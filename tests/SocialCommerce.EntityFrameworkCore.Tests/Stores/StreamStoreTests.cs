using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Streams;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Storage;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// Issue 25, one store: Core's storage contracts implemented on the database (<see cref="StoredStreams"/>) keep the
/// contract <see cref="InMemoryEventStore{TEvent}"/> and <see cref="InMemorySnapshotStore{TSnapshot}"/> keep — versions
/// count events, an append or a save at a stale version writes nothing and answers the actual version — across two
/// instances racing for the same version, on both providers and under a retrying execution strategy.
/// </summary>
public abstract class StreamStoreTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : StoreDatabase
{
    private static readonly GroupBuyRule Rule = GroupBuyRule.Create("hot", Currency.CNY).RequireParticipants(2).AllowUpTo(12).WithTimeLimit(Duration.FromHours(1)).AddTier(2, 9.90m).Build();

    private static IReadOnlyList<GroupBuyEvent> Opened(long group) => GroupBuy.TryOpen(new GroupBuyId(group), Rule, new MemberId(1), T0, out _).Events;

    private static IReadOnlyList<GroupBuyEvent> Joined(IReadOnlyList<GroupBuyEvent> history, long member) =>
        GroupBuy.FromHistory(Rule, history).Join(new MemberId(member), T0 + Duration.FromSeconds(member), new ParticipantFacts(false, 0)).Events;

    [SkippableFact]
    public async Task Streams_keep_the_event_store_contract_on_the_database()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        var onA = a.Host.Services.GetRequiredService<StoredStreams>().Events<GroupBuyEvent>("group");
        var onB = b.Host.Services.GetRequiredService<StoredStreams>().Events<GroupBuyEvent>("group");
        var other = a.Host.Services.GetRequiredService<StoredStreams>().Events<GroupBuyEvent>("other-kind");

        Assert.Empty(await onA.ReadAsync("G-1"));
        var opened = Opened(1);
        Assert.Equal(AppendResult.Appended(opened.Count), await onA.AppendAsync("G-1", 0, opened));
        Assert.Equal(AppendResult.Conflict(opened.Count), await onB.AppendAsync("G-1", 0, opened));
        var joined = Joined(opened, 2);
        Assert.Equal(AppendResult.Appended(opened.Count + joined.Count), await onB.AppendAsync("G-1", opened.Count, joined));
        Assert.Equal(AppendResult.Conflict(opened.Count + joined.Count), await onA.AppendAsync("G-1", opened.Count, joined));

        var read = await onA.ReadAsync("G-1");
        Assert.Equal(opened.Concat(joined), read);
        Assert.Equal(2, GroupBuy.FromHistory(Rule, read).ParticipantCount);
        Assert.Empty(await other.ReadAsync("G-1"));                                   // kinds are separate streams
        Assert.Equal(AppendResult.Appended(opened.Count), await other.AppendAsync("G-1", 0, opened));
        await Assert.ThrowsAsync<ArgumentException>(async () => await onA.AppendAsync("G-2", 0, []));
    }

    [SkippableFact]
    public async Task Joiners_on_two_instances_racing_through_the_stream_never_overfill_a_group_and_lose_no_accepted_join()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        var stores = new[] { a, b }.Select(h => h.Host.Services.GetRequiredService<StoredStreams>().Events<GroupBuyEvent>("group")).ToArray();
        await stores[0].AppendAsync("G-hot", 0, Opened(7));
        var accepted = new System.Collections.Concurrent.ConcurrentBag<long>();
        var conflicts = 0;

        // The load, decide, append-at-the-expected-version loop of the design, on two instances at once.
        await Parallel.ForEachAsync(Enumerable.Range(2, 30), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (member, ct) =>
        {
            var store = stores[member % 2];
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var history = await store.ReadAsync("G-hot", ct);
                var result = GroupBuy.FromHistory(Rule, history).Join(new MemberId(member), T0 + Duration.FromSeconds(member), new ParticipantFacts(false, 0));
                if (!result.IsAccepted)
                {
                    return;
                }

                if ((await store.AppendAsync("G-hot", history.Count, result.Events, ct)).IsAppended)
                {
                    accepted.Add(member);
                    return;
                }

                Interlocked.Increment(ref conflicts);
            }
        });

        var final = GroupBuy.FromHistory(Rule, await stores[1].ReadAsync("G-hot"));
        Assert.Equal(12, final.ParticipantCount);                                 // the leader and 11 accepted joins
        Assert.Equal(11, accepted.Count);
        Assert.True(conflicts > 0, "the joiners never raced");
    }

    [SkippableFact]
    public async Task States_keep_the_snapshot_store_contract_on_the_database()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        var onA = a.Host.Services.GetRequiredService<StoredStreams>().Snapshots<NetworkSnapshot>("network");
        var onB = b.Host.Services.GetRequiredService<StoredStreams>().Snapshots<NetworkSnapshot>("network");
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), T0);
        var first = network.ToSnapshot();
        network.AddMember(new MemberId(2), new MemberId(1), T0);
        var second = network.ToSnapshot();

        Assert.Null(await onA.LoadAsync("shop"));
        Assert.Equal(AppendResult.Appended(1), await onA.SaveAsync("shop", 0, first));
        Assert.Equal(AppendResult.Conflict(1), await onB.SaveAsync("shop", 0, second));
        Assert.Equal(AppendResult.Appended(2), await onB.SaveAsync("shop", 1, second));
        Assert.Equal(AppendResult.Conflict(2), await onA.SaveAsync("shop", 1, first));

        var loaded = await onA.LoadAsync("shop");
        Assert.Equal(2, loaded!.Version);
        Assert.Equal(2, ReferralNetwork.FromSnapshot(loaded.Value).Count);
    }
}

public sealed class SqliteStreamStoreTests(SqliteDatabase database) : StreamStoreTests<SqliteDatabase>(database);

public sealed class PostgresStreamStoreTests(PostgresDatabase database) : StreamStoreTests<PostgresDatabase>(database);

public sealed class RetryingPostgresStreamStoreTests(RetryingPostgresDatabase database) : StreamStoreTests<RetryingPostgresDatabase>(database);
