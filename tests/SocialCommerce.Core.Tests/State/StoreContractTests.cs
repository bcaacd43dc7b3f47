using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Storage;

namespace SocialCommerce.Core.Tests.State;

/// <summary>The expected-version contract, shown on the in-memory stores by writers racing on one aggregate.</summary>
public sealed class StoreContractTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 10, 0);

    [Fact]
    public async Task An_append_at_the_wrong_version_is_a_typed_conflict_and_appends_nothing()
    {
        var store = new InMemoryEventStore<string>();
        Assert.Equal(AppendResult.Appended(2), await store.AppendAsync("s", 0, ["a", "b"]));
        var conflict = await store.AppendAsync("s", 1, ["c"]);
        Assert.True(conflict.IsConflict);
        Assert.Equal(2, conflict.Version);
        Assert.Equal(["a", "b"], await store.ReadAsync("s"));
        Assert.Empty(await store.ReadAsync("other"));

        var snapshots = new InMemorySnapshotStore<string>();
        Assert.Equal(AppendResult.Appended(1), await snapshots.SaveAsync("x", 0, "v1"));
        Assert.True((await snapshots.SaveAsync("x", 0, "again")).IsConflict);
        Assert.Equal(AppendResult.Appended(2), await snapshots.SaveAsync("x", 1, "v2"));
        Assert.Equal(new Versioned<string>("v2", 2), await snapshots.LoadAsync("x"));
    }

    [Fact]
    public async Task Writers_racing_to_join_one_group_through_the_store_never_overfill_it_and_lose_no_accepted_join()
    {
        var rule = GroupBuyRule.Create("hot", Currency.CNY).RequireParticipants(2).AllowUpTo(25).WithTimeLimit(Duration.FromHours(1)).AddTier(2, 9.90m).Build();
        var store = new InMemoryEventStore<GroupBuyEvent>();
        var opened = GroupBuy.TryOpen(new GroupBuyId(1), rule, new MemberId(1), Start, out _);
        Assert.True((await store.AppendAsync("group-1", 0, opened.Events)).IsAppended);
        var accepted = new ConcurrentBag<long>();
        var conflicts = 0;

        await Parallel.ForEachAsync(Enumerable.Range(2, 60), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (member, ct) =>
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var history = await store.ReadAsync("group-1", ct);
                var group = GroupBuy.FromHistory(rule, history);
                var result = group.Join(new MemberId(member), Start + Duration.FromSeconds(member), new ParticipantFacts(false, 0));
                if (!result.IsAccepted)
                {
                    return;
                }

                var appended = await store.AppendAsync("group-1", history.Count, result.Events, ct);
                if (appended.IsAppended)
                {
                    accepted.Add(member);
                    return;
                }

                Interlocked.Increment(ref conflicts);
            }
        });

        var final = GroupBuy.FromHistory(rule, await store.ReadAsync("group-1"));
        Assert.Equal(25, final.ParticipantCount);
        Assert.Equal(GroupBuyStatus.Formed, final.Status);
        Assert.Equal(accepted.Order(), final.GetParticipants().Skip(1).Select(m => m.Value).Order());
    }
}
