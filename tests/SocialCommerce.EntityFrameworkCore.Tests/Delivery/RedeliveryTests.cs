using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Tests.Faults;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.GroupBuying;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Serialization;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Delivery;

/// <summary>
/// Issue 25: random streams of group and invitation commands (open, join, help, cancel, close) where each command is delivered one to three times —
/// the redeliveries interleaved with later commands, sent to either of two instances, one of which loses an
/// acknowledgement now and then — give on the stored path exactly what Core's aggregates give with single delivery:
/// every first reply the model's (accepted with the same events, or the same refusal), every redelivery its first
/// outcome (a duplicate carrying the same events, or the same refusal), and the same groups and invitations at the end.
/// </summary>
public abstract class RedeliveryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly Instant T0 = StoreHost.T0;

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Commands_delivered_one_to_three_times_give_what_single_delivery_gives_in_memory(int seed)
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var lostAcks = new FailingCommits(7) { AfterCommit = true };
        await using var a = await StoreHost.StartAsync(database, db, "a", null, lostAcks);
        await using var b = await StoreHost.StartAsync(database, db, "b");
        var five = a.Host.Services.GetRequiredService<GroupBuyBook>().GetRule("five");
        var tea = a.Host.Services.GetRequiredService<InvitationBook>().GetRule("tea");
        var random = new Random(seed);

        // The model: Core's aggregates, each command applied once, in the order of first deliveries.
        var groups = new Dictionary<long, GroupBuy>();
        var invitations = new Dictionary<long, Invitation>();
        var commands = new List<Command>();
        for (var i = 0; i < 80; i++)
        {
            var at = T0 + Duration.FromMinutes(i);
            var member = new MemberId(random.Next(2, 12));
            switch (random.Next(7))
            {
                case 0 when groups.Count < 4:
                    {
                        var id = 100 + groups.Count;
                        var opened = GroupBuy.TryOpen(new GroupBuyId(id), five, member, at, out var group);
                        groups[id] = group!;
                        commands.Add(new Command($"open group {id}", Reply.Of(opened), async s => Reply.Of(await s.Groups.OpenAsync(new GroupBuyId(id), "five", member, at))));
                        break;
                    }

                case 1 when invitations.Count < 4:
                    {
                        var id = 200 + invitations.Count;
                        var opened = Invitation.Open(new InvitationId(id), tea, member, at, 0, out var invitation);
                        invitations[id] = invitation;
                        commands.Add(new Command($"open invitation {id}", Reply.Of(opened), async s => Reply.Of(await s.Invitations.OpenAsync(new InvitationId(id), "tea", member, at, 0))));
                        break;
                    }

                case 2 or 3 when groups.Count > 0:
                    {
                        var id = groups.Keys.ElementAt(random.Next(groups.Count));
                        var cancel = random.Next(12) == 0;
                        var decided = Reply.Of(cancel ? groups[id].Cancel(at) : groups[id].Join(member, at));
                        commands.Add(cancel
                            ? new Command($"cancel group {id}", decided, async s => Reply.Of(await s.Groups.CancelAsync(new GroupBuyId(id), at)))
                            : new Command($"join group {id} by {member}", decided, async s => Reply.Of(await s.Groups.JoinAsync(new GroupBuyId(id), member, at))));
                        break;
                    }

                case 6 when groups.Count > 0 && invitations.Count > 0:
                    {
                        // Closes past the deadlines (a group's 24 hours, an invitation's 2 hours): settled, refused or duplicates.
                        if (random.Next(2) == 0)
                        {
                            var id = groups.Keys.ElementAt(random.Next(groups.Count));
                            var late = at + Duration.FromHours(25);
                            commands.Add(new Command($"close group {id}", Reply.Of(groups[id].CloseAtDeadline(late)), async s => Reply.Of(await s.Groups.CloseAtDeadlineAsync(new GroupBuyId(id), late))));
                        }
                        else
                        {
                            var id = invitations.Keys.ElementAt(random.Next(invitations.Count));
                            var late = at + Duration.FromHours(3);
                            commands.Add(new Command($"close invitation {id}", Reply.Of(invitations[id].Close(late)), async s => Reply.Of(await s.Invitations.CloseAsync(new InvitationId(id), late))));
                        }

                        break;
                    }

                case 4 or 5 when invitations.Count > 0:
                    {
                        var id = invitations.Keys.ElementAt(random.Next(invitations.Count));
                        var decided = Reply.Of(invitations[id].Help(member, at));
                        commands.Add(new Command($"help invitation {id} by {member}", decided, async s => Reply.Of(await s.Invitations.HelpAsync(new InvitationId(id), member, at))));
                        break;
                    }
            }
        }

        // Deliveries: each command once in order, plus up to two redeliveries somewhere after its first.
        var deliveries = Redeliveries.Schedule(commands.Count, _ => true, random);

        var first = new Reply?[commands.Count];
        foreach (var index in deliveries)
        {
            var command = commands[index];
            var reply = await command.Send(random.Next(2) == 0 ? a : b);
            if (first[index] is not { } original)
            {
                first[index] = reply;
                Assert.True(command.Model.Refusal == reply.Refusal, $"{command.Name}: the model says {command.Model.Refusal}, the store {reply.Refusal}");
                Assert.Equal(command.Model.Events, reply.Events);
            }
            else if (original.Refusal == "None")
            {
                // A command that happened, seen again: its first outcome, a duplicate carrying the same events.
                Assert.True(reply.Refusal == "None" && reply.IsDuplicate, $"{command.Name} again: {reply.Refusal}, duplicate {reply.IsDuplicate}");
                Assert.Equal(original.Events, reply.Events);
            }
            else
            {
                // A refused command changed nothing and is not stored: seen again it is decided again on today's state
                // (a help by the owner refused OwnerHelping is refused Completed once the invitation completed), and
                // it is still refused — a refusal never turns into an effect by being resent.
                Assert.True(reply.Refusal != "None", $"{command.Name} again: first refused {original.Refusal}, now applied");
                Assert.Empty(reply.Events);
            }
        }

        Assert.True(lostAcks.Injected > 0, "no acknowledgement was lost");
        await using var fresh = await StoreHost.StartAsync(database, db, "c");
        foreach (var (id, model) in groups)
        {
            var stored = (await fresh.Groups.GetAsync(new GroupBuyId(id)))!;
            Assert.Equal((model.Status, model.Version), (stored.Status, stored.Version));
            Assert.Equal(model.GetParticipants(), stored.GetParticipants());
        }

        foreach (var (id, model) in invitations)
        {
            var stored = (await fresh.Invitations.GetAsync(new InvitationId(id)))!;
            Assert.Equal((model.Status, model.Version, model.Progress), (stored.Status, stored.Version, stored.Progress));
        }
    }

    private sealed record Command(string Name, Reply Model, Func<StoreHost, Task<Reply>> Send);

    // Events compared as the SDK's JSON (records holding lists compare those by reference).
    private readonly record struct Reply(IReadOnlyList<string> Events, string Refusal, bool IsDuplicate)
    {
        public static Reply Of(GroupBuyResult r) => new([.. r.Events.Select(e => JsonSerializer.Serialize(e, SocialCommerceJson.Options))], r.Refusal.ToString(), r.IsDuplicate);

        public static Reply Of(InvitationResult r) => new([.. r.Events.Select(e => JsonSerializer.Serialize(e, SocialCommerceJson.Options))], r.Refusal.ToString(), r.IsDuplicate);
    }
}

public sealed class SqliteRedeliveryTests(SqliteDatabase database) : RedeliveryTests<SqliteDatabase>(database);

public sealed class PostgresRedeliveryTests(PostgresDatabase database) : RedeliveryTests<PostgresDatabase>(database);

public sealed class RetryingPostgresRedeliveryTests(RetryingPostgresDatabase database) : RedeliveryTests<RetryingPostgresDatabase>(database);
