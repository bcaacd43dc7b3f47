using NodaTime;
using SocialCommerce.EntityFrameworkCore.Tests.Faults;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Delivery;

/// <summary>
/// Issue 25, community batches: orders (some over a member's limit, some after the cut-off) and the closes each
/// delivered one to three times — redeliveries interleaved with later commands, sent to either of two instances, one
/// losing an acknowledgement now and then — give what the batches give in memory with single delivery: the first reply
/// the model's, every redelivery of an accepted command a duplicate, and the same batches at the end.
/// </summary>
public abstract class BatchRedeliveryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Batch_commands_delivered_one_to_three_times_give_what_single_delivery_gives_in_memory(int seed)
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var lostAcks = new LosingAcknowledgements();
        await using var a = await StoreHost.StartAsync(database, db, "a", null, lostAcks);
        await using var b = await StoreHost.StartAsync(database, db, "b");
        var delivery = new LocalDate(2026, 11, 4);
        var cutOff = StoreHost.DailyRule.ResolveCutOff(delivery);
        CommunityBatch New(string id) => new(id, new MemberId(1), delivery, StoreHost.DailyRule,
            [new CommunityProduct("durian", new Money(89m, Currency.CNY), 4, 3), new CommunityProduct("melon", new Money(12m, Currency.CNY), 50)]);
        var model = new Dictionary<string, CommunityBatch>();
        foreach (var id in new[] { "B-1", "B-2" })
        {
            await a.Batches.CreateAsync(New(id), "daily");
            model[id] = New(id);
        }

        var random = new Random(seed);
        var commands = new List<(string Name, bool Accepted, object Model, Func<StoreHost, Task<object>> Send)>();
        for (var k = 0; k < 40; k++)
        {
            var batch = k % 2 == 0 ? "B-1" : "B-2";
            var member = new MemberId(2 + random.Next(6));
            CommunityOrderLine[] lines = random.Next(3) == 0
                ? [new("durian", 1 + random.Next(3)), new("melon", 1 + random.Next(5))]
                : [new("melon", 1 + random.Next(5))];
            var at = k < 36 ? StoreHost.T0 + Duration.FromMinutes(k) : cutOff; // the last ones come too late
            var order = $"O-{k}";
            var placed = model[batch].PlaceOrder(order, member, lines, at);
            commands.Add(($"order {order} in {batch}", placed.IsAccepted, placed, async s => await s.Batches.PlaceOrderAsync(batch, order, member, lines, at)));
        }

        foreach (var batch in new[] { "B-1", "B-2" })
        {
            var closed = model[batch].CloseAtCutOff(cutOff);
            commands.Add(($"close {batch}", closed.IsClosed, closed, async s => await s.Batches.CloseAtCutOffAsync(batch, cutOff)));
        }

        Assert.Contains(commands, c => c.Model is CommunityOrderResult { Refusal: CommunityBatchRefusal.PerMemberLimitExceeded });
        Assert.Contains(commands, c => c.Model is CommunityOrderResult { Refusal: CommunityBatchRefusal.CutOffPassed });
        var deliveries = Redeliveries.Schedule(commands.Count, i => commands[i].Accepted, random);
        var deliver = new LosingDelivery<object>(lostAcks, commands.Count);
        await deliver.RunAsync(deliveries, random, a, b, i => commands[i].Accepted, (i, host) => commands[i].Send(host), (index, reply, seen, committedUnseen) =>
        {
            var (name, _, expected, _) = commands[index];
            var first = !seen && !committedUnseen;
            switch (expected, reply)
            {
                case (CommunityOrderResult e, CommunityOrderResult r):
                    Assert.True(first ? r.Refusal == e.Refusal && !r.IsDuplicate : r is { IsAccepted: true, IsDuplicate: true }, $"{name}: the model says {e}, the store {r} (first: {first})");
                    break;
                case (CommunityCloseResult e, CommunityCloseResult r):
                    Assert.True(r.IsClosed && r.IsDuplicate != first, $"{name}: {r} (first: {first})");
                    Assert.Equal(e.Settlement!.Lines, r.Settlement!.Lines);
                    Assert.Equal((e.Settlement.ConfirmedSales, e.Settlement.Refunded, e.Settlement.Commission), (r.Settlement.ConfirmedSales, r.Settlement.Refunded, r.Settlement.Commission));
                    break;
                default:
                    throw new InvalidOperationException($"{name}: {reply}");
            }
        });

        Assert.True(deliver.Lost > 0, $"no acknowledgement was lost ({deliveries.Count} deliveries)");
        await using var fresh = await StoreHost.StartAsync(database, db, "c");
        foreach (var (id, expected) in model)
        {
            var stored = (await fresh.Batches.GetAsync(id))!;
            Assert.Equal(expected.ToSnapshot().Lines, stored.ToSnapshot().Lines);
            Assert.Equal((expected.Status, expected.Version, expected.ClosedAt), (stored.Status, stored.Version, stored.ClosedAt));
        }
    }
}

public sealed class SqliteBatchRedeliveryTests(SqliteDatabase database) : BatchRedeliveryTests<SqliteDatabase>(database);

public sealed class PostgresBatchRedeliveryTests(PostgresDatabase database) : BatchRedeliveryTests<PostgresDatabase>(database);

public sealed class RetryingPostgresBatchRedeliveryTests(RetryingPostgresDatabase database) : BatchRedeliveryTests<RetryingPostgresDatabase>(database);
