using NodaTime;
using SocialCommerce.EntityFrameworkCore.Tests.Faults;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Delivery;

/// <summary>
/// Issue 25, the referral network: registrations and bindings (rebinding allowed) each delivered one to three times —
/// redeliveries interleaved with later bindings, sent to either of two instances, one losing an acknowledgement now and
/// then — give what the in-memory network gives with single delivery: the first reply the model's, every redelivery of
/// an applied command bound with <see cref="BindingResult.AlreadyBound"/>, and the same referrers and histories at the end.
/// </summary>
public abstract class NetworkRedeliveryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly Instant T0 = StoreHost.T0;

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Network_commands_delivered_one_to_three_times_give_what_single_delivery_gives_in_memory(int seed)
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var lostAcks = new LosingAcknowledgements();
        static void Rebind(SocialCommerceStoreOptions o) => o.Binding = BindingPolicy.RebindAfter(Duration.Zero);
        await using var a = await StoreHost.StartAsync(database, db, "a", Rebind, lostAcks);
        await using var b = await StoreHost.StartAsync(database, db, "b", Rebind);
        var model = new ReferralNetwork(a.Network.Policy);

        // Roots, members under an earlier member (or one never registered: refused), then bindings of random pairs
        // (self-referrals, cycles and repeats among them), each at a later instant.
        var random = new Random(seed);
        var commands = new List<(string Name, BindingResult Model, Func<StoreHost, Task<BindingResult>> Send)>();
        var at = T0;
        for (var m = 1; m <= 30; m++)
        {
            var member = new MemberId(m);
            MemberId? referrer = m <= 4 ? null : new MemberId(random.Next(1, m + 3));
            var when = at = at + Duration.FromMinutes(1);
            var registered = model.CheckRegistration(member, referrer);
            if (registered.IsBound)
            {
                if (referrer is { } r)
                {
                    model.AddMember(member, r, when);
                }
                else
                {
                    model.AddMember(member, when);
                }
            }

            commands.Add(($"register {member} under {referrer}", registered, s => s.Network.RegisterAsync(member, referrer, when)));
        }

        for (var k = 0; k < 40; k++)
        {
            var member = new MemberId(random.Next(5, 31));
            var referrer = new MemberId(random.Next(1, 31));
            var when = at = at + Duration.FromMinutes(1);
            commands.Add(($"bind {member} to {referrer}", model.TryBind(member, referrer, when), s => s.Network.TryBindAsync(member, referrer, when)));
        }

        Assert.Contains(commands, c => c.Model is { IsBound: true, AlreadyBound: false } && c.Name.StartsWith("bind", StringComparison.Ordinal));
        Assert.Contains(commands, c => !c.Model.IsBound);
        var deliveries = Redeliveries.Schedule(commands.Count, i => commands[i].Model.IsBound, random);
        var delivery = new LosingDelivery<BindingResult>(lostAcks, commands.Count);
        await delivery.RunAsync(deliveries, random, a, b, i => commands[i].Model is { IsBound: true, AlreadyBound: false }, (i, host) => commands[i].Send(host), (index, reply, seen, committedUnseen) =>
        {
            var (name, expected, _) = commands[index];
            if (!seen && !committedUnseen)
            {
                Assert.True((reply.IsBound, reply.AlreadyBound, reply.Refusal) == (expected.IsBound, expected.AlreadyBound, expected.Refusal), $"{name}: the model says {expected}, the store {reply}");
            }
            else
            {
                Assert.True(reply is { IsBound: true, AlreadyBound: true }, $"{name} again: {reply}");
            }
        });

        Assert.True(delivery.Lost > 0, $"no acknowledgement was lost ({deliveries.Count} deliveries)");
        await using var fresh = await StoreHost.StartAsync(database, db, "c", Rebind);
        for (var m = 1; m <= 30; m++)
        {
            var member = new MemberId(m);
            Assert.Equal(model.Contains(member), fresh.Network.Contains(member));
            if (model.Contains(member))
            {
                Assert.Equal(model.GetBindingHistory(member), fresh.Network.GetBindingHistory(member));
            }
        }
    }
}

public sealed class SqliteNetworkRedeliveryTests(SqliteDatabase database) : NetworkRedeliveryTests<SqliteDatabase>(database);

public sealed class PostgresNetworkRedeliveryTests(PostgresDatabase database) : NetworkRedeliveryTests<PostgresDatabase>(database);

public sealed class RetryingPostgresNetworkRedeliveryTests(RetryingPostgresDatabase database) : NetworkRedeliveryTests<RetryingPostgresDatabase>(database);
