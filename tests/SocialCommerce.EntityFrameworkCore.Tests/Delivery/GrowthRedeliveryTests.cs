using System.Text.Json;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Tests.Faults;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using SocialCommerce.Serialization;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Delivery;

/// <summary>
/// Issue 25, growth: orders, refunds and unscored activities each delivered one to three times — redeliveries
/// interleaved with later activity, sent to either of two instances, one losing an acknowledgement now and then — give
/// what the program gives in memory with single delivery: the first reply the model's events, every later reply a
/// duplicate carrying the model's first outcome, and the same state at the end.
/// </summary>
public abstract class GrowthRedeliveryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly Instant T0 = StoreHost.T0;

    private static (long Points, IgnoredReason? Ignored) OutcomeOf(GrowthEvaluation evaluation, ActivityId id) =>
        evaluation.Events.Select(e => e switch
        {
            PointsEarned p when p.Activity == id => (p.Points, (IgnoredReason?)null),
            PointsReversed v when v.Activity == id => (-v.Points, null),
            ActivityIgnored i when i.Activity == id => (0L, i.Reason),
            _ => ((long, IgnoredReason?)?)null,
        }).OfType<(long, IgnoredReason?)>().Single();

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Growth_activity_delivered_one_to_three_times_gives_what_single_delivery_gives_in_memory(int seed)
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var lostAcks = new LosingAcknowledgements();
        await using var a = await StoreHost.StartAsync(database, db, "a", null, lostAcks);
        await using var b = await StoreHost.StartAsync(database, db, "b");
        var program = a.Growth.Program;
        var members = Enumerable.Range(40, 6).Select(m => new MemberId(m)).ToArray();
        var model = new Dictionary<MemberId, MemberGrowth>();
        foreach (var member in members)
        {
            await a.Growth.EnrolAsync(member, T0);
            model[member] = program.Enrol(member, T0);
        }

        // Each member's activity in time order: orders, refunds of an earlier order (perhaps one already refunded) and
        // sign-ins, which the policy does not score (recorded as ignored, and answered so on a resend).
        var random = new Random(seed);
        var commands = new List<(MemberId Member, GrowthActivity Activity, GrowthEvaluation Model)>();
        var orders = members.ToDictionary(m => m, _ => new List<ActivityId>());
        for (var k = 0; k < 60; k++)
        {
            var member = members[random.Next(members.Length)];
            var id = new ActivityId(k + 1);
            var at = T0 + Duration.FromMinutes(k + 1);
            var pick = random.Next(5);
            var activity = pick switch
            {
                _ when pick < 3 || orders[member].Count == 0 => GrowthActivity.OrderCompleted(id, member, at, new Money(10m * random.Next(1, 40), Currency.CNY)),
                3 => GrowthActivity.OrderRefunded(id, member, at, orders[member][random.Next(orders[member].Count)]),
                _ => GrowthActivity.SignIn(id, member, at),
            };
            if (activity.Kind == GrowthActivityKind.OrderCompleted)
            {
                orders[member].Add(id);
            }

            var evaluation = program.Evaluate(model[member], [activity], at);
            model[member] = evaluation.State;
            commands.Add((member, activity, evaluation));
        }

        Assert.Contains(commands, c => c.Model.Events.Any(e => e is PointsReversed));
        Assert.Contains(commands, c => c.Model.Events.Any(e => e is ActivityIgnored { Reason: IgnoredReason.AlreadyReversed }));
        Assert.Contains(commands, c => c.Model.Events.Any(e => e is LevelPromoted));
        var deliveries = Redeliveries.Schedule(commands.Count, _ => true, random);
        var delivery = new LosingDelivery<GrowthEvaluation>(lostAcks, commands.Count);
        await delivery.RunAsync(deliveries, random, a, b, _ => true, (i, host) => host.Growth.RecordAsync(commands[i].Member, [commands[i].Activity], commands[i].Activity.At), (index, reply, seen, committedUnseen) =>
        {
            var (member, activity, expected) = commands[index];
            var name = $"activity {activity.Id} ({activity.Kind}) of member {member}";
            if (!seen && !committedUnseen)
            {
                Assert.Equal(expected.Events, reply.Events);
            }
            else
            {
                var answer = Assert.IsType<ActivityIgnored>(Assert.Single(reply.Events));
                Assert.True(answer.Reason == IgnoredReason.Duplicate, $"{name} again: {answer}");
                Assert.Equal(OutcomeOf(expected, activity.Id), (answer.FirstPoints!.Value, answer.FirstIgnored));
            }
        });

        Assert.True(delivery.Lost > 0, $"no acknowledgement was lost ({deliveries.Count} deliveries)");
        await using var fresh = await StoreHost.StartAsync(database, db, "c");
        foreach (var member in members)
        {
            var stored = await fresh.Growth.GetAsync(member);
            Assert.Equal(JsonSerializer.Serialize(model[member].ToSnapshot(), SocialCommerceJson.Options), JsonSerializer.Serialize(stored!.ToSnapshot(), SocialCommerceJson.Options));
        }
    }
}

public sealed class SqliteGrowthRedeliveryTests(SqliteDatabase database) : GrowthRedeliveryTests<SqliteDatabase>(database);

public sealed class PostgresGrowthRedeliveryTests(PostgresDatabase database) : GrowthRedeliveryTests<PostgresDatabase>(database);

public sealed class RetryingPostgresGrowthRedeliveryTests(RetryingPostgresDatabase database) : GrowthRedeliveryTests<RetryingPostgresDatabase>(database);
