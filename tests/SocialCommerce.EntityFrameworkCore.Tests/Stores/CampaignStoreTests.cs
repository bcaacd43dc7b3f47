using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Serialization;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// A group-buy campaign on the database (issue 28, on the one command path): racing joins from two instances never
/// oversell a SKU and leave the database equal to the model its events and seats make; every command, delivered one to
/// three times over two instances, answers exactly as the in-memory <see cref="CampaignBook"/> does.
/// </summary>
public abstract class CampaignStoreTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : StoreDatabase
{
    [SkippableFact]
    public async Task Two_instances_with_four_workers_each_race_for_the_last_units_and_never_oversell()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        var campaign = StoreHost.Double12;

        // 12 POT units; 8 workers (4 on each instance) open groups and join each other's with 1–3 units, 120 commands.
        var groups = new ConcurrentBag<long>();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var store = w % 2 == 0 ? a.Campaign : b.Campaign;
            var mine = new List<(string Command, CampaignResult Result)>();
            for (var i = 0; i < 15; i++)
            {
                var member = new MemberId(random.Next(1, 41));
                var units = random.Next(1, 4);
                var at = T0 + Duration.FromMinutes(1); // one instant: a join is never before its group opened
                if (groups.IsEmpty || random.Next(3) == 0)
                {
                    var id = (w * 100) + i + 1;
                    var opened = await store.OpenAsync(new GroupBuyId(id), "POT", member, units, at);
                    if (opened.IsApplied)
                    {
                        groups.Add(id);
                    }

                    mine.Add(($"open {id} by {member} × {units}", opened));
                }
                else
                {
                    var id = groups.ElementAt(random.Next(groups.Count));
                    mine.Add(($"join {id} by {member} × {units}", await store.JoinAsync(new GroupBuyId(id), member, units, at)));
                }
            }

            return mine;
        })));
        var all = results.SelectMany(r => r).ToList();

        // Never oversold: the stored seats make a quota Core accepts (it refuses one past the SKU's quota), and demand
        // (about 240 units) took the last unit.
        var snapshot = await a.Campaign.GetQuotaSnapshotAsync();
        var model = CampaignQuota.FromSnapshot(snapshot, campaign);
        Assert.Equal(0, model.Left("POT"));
        Assert.Equal(0, await b.Campaign.GetLeftAsync("POT"));
        Assert.Equal(campaign.FindSku("TEA")!.Quota, await b.Campaign.GetLeftAsync("TEA"));
        Assert.Contains(all, r => r.Result.QuotaRefusal == CampaignQuotaRefusal.QuotaExhausted);

        // Every accepted seat is stored as it was answered, or moved on by a later command of its group.
        foreach (var (command, result) in all.Where(r => r.Result.IsApplied))
        {
            var reserved = result.Seats.First(s => s.Status == CampaignSeatStatus.Reserved || result.Events.OfType<GroupFormed>().Any());
            var stored = snapshot.Seats.Single(s => s.Group == reserved.Group && s.Member == reserved.Member);
            Assert.True((stored.SkuId, stored.Units, stored.ReservedAt) == (reserved.SkuId, reserved.Units, reserved.ReservedAt), command);
        }

        // The database equals the model its groups' events and seats make: a book restored from them holds the counts
        // the rows hold, member by member, and closing every group at the deadline gives the same on both.
        var stored_groups = new List<GroupBuy>();
        foreach (var id in groups)
        {
            stored_groups.Add((await a.Campaign.GetAsync(new GroupBuyId(id)))!);
        }

        var book = CampaignBook.Restore(campaign, snapshot, stored_groups);
        foreach (var m in Enumerable.Range(1, 40).Select(m => new MemberId(m)))
        {
            Assert.Equal(book.HeldBy(m), await b.Campaign.GetHeldByAsync(m));
        }

        var end = T0 + Duration.FromDays(1);
        var closedInMemory = book.CloseDue(end);
        var closedStored = await b.Campaign.CloseDueAsync(end);
        Assert.Equal(closedInMemory.Select(Describe).Order(), closedStored.Select(Describe).Order());
        Assert.Equal(book.GetQuotaSnapshot().Seats.OrderBy(s => (s.Group.Value, s.Member.Value)), (await a.Campaign.GetQuotaSnapshotAsync()).Seats);
        Assert.Equal(book.Left("POT"), await a.Campaign.GetLeftAsync("POT"));
        Assert.Empty(await a.Campaign.GetOpenGroupsAsync());
    }

    [SkippableTheory]
    [InlineData(1, "double-12")]
    [InlineData(2, "double-12")]
    [InlineData(3, "flash-12")]
    [InlineData(4, "flash-12")]
    public async Task Campaign_commands_delivered_one_to_three_times_over_two_instances_answer_as_the_in_memory_book(int seed, string name)
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        var campaign = name == StoreHost.Double12.Name ? StoreHost.Double12 : StoreHost.Flash12;
        StoredCampaignBook On(StoreHost host) => name == StoreHost.Double12.Name ? host.Campaign : host.Flash12Campaign;
        var book = new CampaignBook(campaign);
        var skus = campaign.Skus.Select(s => s.SkuId).Append("NOPE").ToArray();
        var random = new Random(seed);
        var now = T0;
        long opened = 0;
        var applied = new HashSet<string>();
        for (var step = 0; step < 160; step++)
        {
            now += Duration.FromMinutes(random.Next(0, 25));
            var at = now;
            var member = new MemberId(random.Next(1, 9));
            var units = random.Next(1, 5);
            var group = new GroupBuyId(opened == 0 ? 1 : random.NextInt64(1, opened + 1));
            if (opened > 0 && random.Next(2) == 0 && book.GetSnapshot(group).Participants is { Count: > 0 } participants)
            {
                member = participants[random.Next(participants.Count)]; // leave and refund mostly name a participant
            }

            var kind = opened == 0 ? 0 : random.Next(10);
            var sku = skus[random.Next(skus.Length)];
            (string Name, Func<CampaignResult> InMemory, Func<StoredCampaignBook, Task<CampaignResult>> Stored) command = kind switch
            {
                0 or 1 => ("open", () => book.Open(sku, member, units, at), s => s.OpenAsync(new GroupBuyId(opened + 1), sku, member, units, at)),
                2 or 3 or 4 => ("join", () => book.Join(group, member, units, at), s => s.JoinAsync(group, member, units, at)),
                5 => ("leave", () => book.Leave(group, member, at), s => s.LeaveAsync(group, member, at)),
                6 or 7 => ("refund", () => book.RefundSeat(group, member, at), s => s.RefundSeatAsync(group, member, at)),
                8 => ("cancel", () => book.Cancel(group, at), s => s.CancelAsync(group, at)),
                _ => ("close", () => book.CloseAtDeadline(group, at), s => s.CloseAtDeadlineAsync(group, at)),
            };

            var expected = command.InMemory();
            var deliveries = random.Next(1, 4);
            for (var d = 0; d < deliveries; d++)
            {
                var actual = await command.Stored(On(random.Next(2) == 0 ? a : b));
                var what = $"step {step}, {command.Name} (group {group}, member {member}, {units} × {sku}), delivery {d + 1}";
                if (d == 0 || !expected.IsApplied)
                {
                    Assert.Equal(Describe(expected), Describe(actual));
                }
                else
                {
                    Assert.True(actual.IsDuplicate, $"{what}: a resend of an applied command answers a duplicate; got {actual}");
                }
            }

            if (expected.IsApplied)
            {
                applied.Add(command.Name);
                opened = command.Name == "open" ? expected.GroupId.Value : opened;
            }
        }

        var end = now + Duration.FromDays(1);
        Assert.Equal(book.CloseDue(end).Select(Describe), (await On(a).CloseDueAsync(end)).Select(Describe));
        Assert.Equal(book.GetQuotaSnapshot().Seats.OrderBy(s => (s.Group.Value, s.Member.Value)), (await On(b).GetQuotaSnapshotAsync()).Seats);
        foreach (var sku in campaign.Skus)
        {
            Assert.Equal(book.Left(sku.SkuId), await On(a).GetLeftAsync(sku.SkuId));
        }

        foreach (var m in Enumerable.Range(1, 8).Select(m => new MemberId(m)))
        {
            Assert.Equal(book.HeldBy(m), await On(b).GetHeldByAsync(m));
        }

        for (var id = 1L; id <= opened; id++)
        {
            var expected = book.GetSnapshot(new GroupBuyId(id));
            var actual = (await On(a).GetAsync(new GroupBuyId(id)))!;
            Assert.Equal((expected.Status, expected.Leader, expected.Deadline, expected.Version), (actual.Status, actual.Leader, actual.Deadline, actual.Version));
            Assert.Equal(expected.Participants, actual.GetParticipants());
        }

        Assert.Superset(new HashSet<string> { "open", "join" }, applied);
        Assert.True(applied.Count >= 4, $"the stream applied {string.Join(", ", applied)}");
    }

    [SkippableFact]
    public async Task A_campaign_group_runs_only_through_its_campaign()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        Assert.True((await a.Campaign.OpenAsync(new GroupBuyId(7), "TEA", new MemberId(1), 2, T0)).IsApplied);

        // The plain store would move the group without its seats: it refuses, naming the campaign, and its job skips it.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => a.Groups.JoinAsync(new GroupBuyId(7), new MemberId(2), T0));
        Assert.Contains("campaign 'double-12'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await a.Groups.CloseDueAsync(T0 + Duration.FromDays(1)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => a.Flash12Campaign.JoinAsync(new GroupBuyId(7), new MemberId(2), 1, T0));
        Assert.Null(await a.Flash12Campaign.GetAsync(new GroupBuyId(7)));

        // An id already used answers its first outcome, or a conflicting duplicate, whatever else the quota says now.
        var again = await a.Campaign.OpenAsync(new GroupBuyId(7), "TEA", new MemberId(1), 2, T0 + Duration.FromMinutes(5));
        Assert.True(again.IsDuplicate);
        Assert.Equal(GroupBuyRefusal.ConflictingDuplicate, (await a.Campaign.OpenAsync(new GroupBuyId(7), "POT", new MemberId(1), 2, T0)).Group.Refusal);
        Assert.Equal(GroupBuyRefusal.ConflictingDuplicate, (await a.Campaign.OpenAsync(new GroupBuyId(7), "NOPE", new MemberId(1), 2, T0)).Group.Refusal);
        var limit = await a.Campaign.OpenAsync(new GroupBuyId(8), "TEA", new MemberId(1), 5, T0);
        Assert.Equal(CampaignQuotaRefusal.OrderLimitExceeded, limit.QuotaRefusal);
        Assert.Contains("at most 3 units an order", limit.Message, StringComparison.Ordinal);
        Assert.Equal(CampaignQuotaRefusal.UnknownSku, (await a.Campaign.OpenAsync(new GroupBuyId(8), "NOPE", new MemberId(1), 1, T0)).QuotaRefusal);
        Assert.Equal(CampaignQuotaRefusal.OutsideWindow, (await a.Campaign.OpenAsync(new GroupBuyId(8), "TEA", new MemberId(1), 1, T0 - Duration.FromHours(1))).QuotaRefusal);
        Assert.Equal((2, 1), await a.Campaign.GetHeldByAsync(new MemberId(1)));
        Assert.Equal(38, await a.Campaign.GetLeftAsync("TEA"));

        // The job's work closes it at its deadline, releasing the seat.
        var closed = Assert.Single(await a.Campaign.CloseDueAsync(T0 + Duration.FromHours(3)));
        Assert.IsType<GroupFailed>(Assert.Single(closed.Events));
        Assert.Equal(CampaignSeatStatus.Released, (await a.Campaign.FindSeatAsync(new GroupBuyId(7), new MemberId(1)))!.Status);
        Assert.Equal(40, await a.Campaign.GetLeftAsync("TEA"));

        // A seat row that is not the campaign's is reported naming the table, not trusted.
        await using (var context = OpenContext(db))
        {
            await context.Set<CampaignSeatRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.AmountMinor, 1));
        }

        var corrupt = await Assert.ThrowsAsync<StoreSchemaException>(() => a.Campaign.FindSeatAsync(new GroupBuyId(7), new MemberId(1)));
        Assert.Contains("sc_campaign_seats", corrupt.Message, StringComparison.Ordinal);
    }

    private static string Describe(CampaignResult r) =>
        $"{(r.IsApplied ? "applied" : r.IsDuplicate ? "duplicate" : "refused")} {r.Group.Refusal}/{r.QuotaRefusal}: " +
        string.Join("; ", r.Events.Select(e => SocialCommerceJson.Serialize(e))) + " | " + string.Join("; ", r.Seats);
}

public sealed class SqliteCampaignStoreTests(SqliteDatabase database) : CampaignStoreTests<SqliteDatabase>(database);

public sealed class PostgresCampaignStoreTests(PostgresDatabase database) : CampaignStoreTests<PostgresDatabase>(database);

public sealed class RetryingSqliteCampaignStoreTests(RetryingSqliteDatabase database) : CampaignStoreTests<RetryingSqliteDatabase>(database);

public sealed class RetryingPostgresCampaignStoreTests(RetryingPostgresDatabase database) : CampaignStoreTests<RetryingPostgresDatabase>(database);
