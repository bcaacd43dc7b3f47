using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Tests.Faults;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Delivery;

/// <summary>
/// Issue 25, referral rewards: claims, earnings and reversals each delivered one to three times — redeliveries
/// interleaved with later commands, sent to either of two instances, one losing an acknowledgement now and then — give
/// what the in-memory book gives with single delivery: the first reply the model's outcome, every redelivery of an
/// applied command a duplicate carrying the first event, and the same claims at the end.
/// </summary>
public abstract class ReferralRedeliveryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly Instant T0 = StoreHost.T0;

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Referral_commands_delivered_one_to_three_times_give_what_single_delivery_gives_in_memory(int seed)
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var lostAcks = new LosingAcknowledgements();
        await using var a = await StoreHost.StartAsync(database, db, "a", null, lostAcks);
        await using var b = await StoreHost.StartAsync(database, db, "b");

        // The model: the same rule from a host that stores nothing (its book is only ever called here).
        using var modelHost = StoreHost.Build(database, db, "model");
        var model = modelHost.Services.GetRequiredService<ReferralRewardBook>();
        await a.Network.RegisterAsync(new MemberId(1), null, T0);
        await a.Network.RegisterAsync(new MemberId(2), null, T0);
        for (var m = 10; m < 30; m++)
        {
            await a.Network.RegisterAsync(new MemberId(m), new MemberId(m % 2 == 0 ? 1 : 2), T0);
        }

        var random = new Random(seed);
        var commands = new List<(string Name, ReferralRewardResult Model, bool Resend, Func<StoreHost, Task<ReferralRewardResult>> Send)>();
        for (var m = 10; m < 30; m++)
        {
            var buyer = a.Network.GetMember(new MemberId(m));
            var paidAt = T0 + Duration.FromHours(m);
            var amount = 30m + (random.Next(10) * 10m); // 30 to 120: some below the minimum purchase of 50
            var sale = new Sale($"S-{m}", buyer.Member, paidAt, Currency.CNY, [new SaleLine("p", "c", 1, new Money(amount, Currency.CNY))]);
            var claimed = model.Claim(sale, buyer);
            commands.Add(($"claim {sale.Id}", claimed, claimed.IsApplied, s => s.Referrals.ClaimAsync(sale, buyer)));
            var then = paidAt + Duration.FromMinutes(30);
            var action = random.Next(3);
            if (action == 0)
            {
                var earned = model.Earn(sale.Id, then);
                commands.Add(($"earn {sale.Id}", earned, earned.IsApplied, s => s.Referrals.EarnAsync(sale.Id, then)));
            }
            else if (action == 1)
            {
                var reversed = model.Reverse(sale.Id, then);
                commands.Add(($"reverse {sale.Id}", reversed, reversed.IsApplied, s => s.Referrals.ReverseAsync(sale.Id, then)));
            }
        }

        var deliveries = Redeliveries.Schedule(commands.Count, i => commands[i].Resend, random);

        Assert.Contains(commands, c => c.Model.IsApplied);
        Assert.Contains(commands, c => !c.Model.IsAccepted);
        // A lost acknowledgement: the command committed, its caller saw a failure; its next reply must be a duplicate.
        var delivery = new LosingDelivery<ReferralRewardResult>(lostAcks, commands.Count);
        await delivery.RunAsync(deliveries, random, a, b, i => commands[i].Model.IsApplied, (i, host) => commands[i].Send(host), (index, reply, seen, committedUnseen) =>
        {
            var (name, expected, _, _) = commands[index];
            if (!seen)
            {
                Assert.True(expected.IsApplied ? reply.IsAccepted : reply.Refusal == expected.Refusal, $"{name}: the model says {expected}, the store {reply}");
                Assert.True(!committedUnseen || reply.IsDuplicate, $"{name} after its lost acknowledgement: {reply}");
            }
            else
            {
                Assert.True(reply.IsAccepted && reply.IsDuplicate, $"{name} again: {reply}");
            }

            if (expected.IsApplied)
            {
                Assert.Equal(expected.Event, reply.Event);
            }
        });

        Assert.True(delivery.Lost > 0, $"no acknowledgement was lost ({commands.Count(c => c.Model.IsApplied)} applied commands, {deliveries.Count} deliveries)");
        await using var fresh = await StoreHost.StartAsync(database, db, "c");
        for (var m = 10; m < 30; m++)
        {
            var stored = await fresh.Referrals.GetAsync(new MemberId(m));
            Assert.Equal(model.GetStatus(new MemberId(m)), stored.Status);
            Assert.Equal(model.GetEvents(new MemberId(m)).LastOrDefault(e => e is ReferralRewardClaimed), stored.Claimed);
        }
    }
}

public sealed class SqliteReferralRedeliveryTests(SqliteDatabase database) : ReferralRedeliveryTests<SqliteDatabase>(database);

public sealed class PostgresReferralRedeliveryTests(PostgresDatabase database) : ReferralRedeliveryTests<PostgresDatabase>(database);

public sealed class RetryingPostgresReferralRedeliveryTests(RetryingPostgresDatabase database) : ReferralRedeliveryTests<RetryingPostgresDatabase>(database);
