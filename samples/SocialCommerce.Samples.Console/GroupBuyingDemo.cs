using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Samples.Console;

/// <summary>Team-up groups (拼团) and a community batch (社区团购), with fixed instants: deterministic output.</summary>
internal static class GroupBuyingDemo
{
    public static void Run(TextWriter output)
    {
        var start = Instant.FromUtc(2026, 11, 1, 10, 0);
        var book = new GroupBuyBook();
        book.AddRule(GroupBuyRule.Create("trio", Currency.CNY)
            .RequireParticipants(3)
            .WithTimeLimit(Duration.FromHours(24))
            .AddTier(3, 9.90m)
            .WithLeaderPerk(LeaderPerk.Free)
            .Build());
        book.AddRule(GroupBuyRule.FromJson("""
            {
              "name": "ladder-5", "currency": "CNY", "requiredParticipants": 5, "timeLimit": "1:00:00:00",
              "tiers": [ { "participants": 2, "price": 9.90 }, { "participants": 4, "price": 8.50 }, { "participants": 5, "price": 7.90 } ],
              "leaderPerk": { "kind": "rateOff", "percent": 50 }
            }
            """));

        output.WriteLine("== Team-up groups (拼团) ==");

        // 1. Formed in time: the third participant fills the group.
        var trio = book.Open("trio", new MemberId(1), start).GroupId;
        Print(output, book.Join(trio, new MemberId(2), start + Duration.FromMinutes(5)));
        Print(output, book.Join(trio, new MemberId(2), start + Duration.FromMinutes(6)));
        Print(output, book.Join(trio, new MemberId(3), start + Duration.FromHours(1)));

        // 2. Tiered: 4 of 5 at the deadline form at the 4-person tier.
        var ladder = book.Open("ladder-5", new MemberId(1), start).GroupId;
        for (var m = 2; m <= 4; m++)
        {
            book.Join(ladder, new MemberId(m), start + Duration.FromHours(m));
        }

        // 3. Failed: 2 of 3 at the deadline; a join exactly at the deadline is refused.
        var failing = book.Open("trio", new MemberId(7), start).GroupId;
        book.Join(failing, new MemberId(8), start + Duration.FromMinutes(5));
        var deadline = start + Duration.FromHours(24);
        Print(output, book.Join(failing, new MemberId(9), deadline));
        foreach (var result in book.CloseDue(deadline))
        {
            Print(output, result);
        }

        output.WriteLine();
        output.WriteLine("== Community group buying (社区团购) ==");
        var rule = new CommunityBatchRule(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new LocalTime(23, 0), 1, Rate.Percent(10));
        var batch = new CommunityBatch(
            "lin-2026-11-20",
            new MemberId(100),
            new LocalDate(2026, 11, 20),
            rule,
            [
                new CommunityProduct("eggs-30", new Money(19.99m, Currency.CNY), 10, 2),
                new CommunityProduct("durian", new Money(89.00m, Currency.CNY), 5),
            ]);
        output.WriteLine(batch);
        output.WriteLine($"  cut-off instant: {batch.CutOff} (exclusive)");
        var evening = batch.CutOff - Duration.FromHours(3);
        for (var m = 101; m <= 106; m++)
        {
            CommunityOrderLine[] lines = m switch
            {
                101 => [new("eggs-30", 2), new("durian", 1)],
                103 => [new("eggs-30", 2), new("durian", 2)],
                _ => [new("eggs-30", 2)],
            };
            batch.PlaceOrder("o" + (m - 100).ToString(CultureInfo.InvariantCulture), new MemberId(m), lines, evening);
        }

        output.WriteLine($"  {batch.PlaceOrder("o7", new MemberId(101), [new("eggs-30", 1)], evening).Message}");
        output.WriteLine($"  {batch.PlaceOrder("o8", new MemberId(107), [new("durian", 2)], batch.CutOff).Message}");
        var settlement = batch.CloseAtCutOff(batch.CutOff).Settlement!;
        foreach (var product in settlement.Products)
        {
            output.WriteLine($"  {product.ProductId}: {product.OrderedQuantity} ordered / {product.MinimumQuantity} needed -> {(product.IsConfirmed ? "confirmed" : "refunded")} {product.Amount}");
        }

        foreach (var line in settlement.Lines.Where(l => !l.IsConfirmed))
        {
            output.WriteLine($"  refund {line.OrderId} (member {line.Member}): {line.Quantity} x {line.ProductId} = {line.Amount}");
        }

        var c = settlement.Commission;
        output.WriteLine($"  leader {c.Leader}: {c.Rate} of {c.Base} = {c.Exact} -> pays {c.Amount}, residual {c.Residual}");
    }

    private static void Print(TextWriter output, GroupBuyResult result)
    {
        if (!result.IsAccepted)
        {
            output.WriteLine($"  refused: {result.Message}");
            return;
        }

        foreach (var e in result.Events)
        {
            switch (e)
            {
                case MemberJoined joined:
                    output.WriteLine($"  v{e.Version} group {e.GroupId}: member {joined.Member} joined ({joined.Participants} in), charged {joined.Charged}");
                    break;
                case GroupFormed formed:
                    output.WriteLine($"  v{e.Version} group {e.GroupId}: FORMED with {formed.FinalParticipants} at {formed.Tier.UnitPrice} (simulated: {formed.SimulatedParticipants})");
                    foreach (var s in formed.Settlements)
                    {
                        output.WriteLine($"      {(s.IsLeader ? "leader" : "member")} {s.Member}: charged {s.Charged}, pays {s.Price}, refund {s.Refund}");
                    }

                    break;
                case GroupFailed failed:
                    output.WriteLine($"  v{e.Version} group {e.GroupId}: FAILED, refunds {string.Join(", ", failed.Refunds.Select(r => $"{r.Member} {r.Amount}"))}");
                    break;
                default:
                    output.WriteLine($"  v{e.Version} group {e.GroupId}: {e.GetType().Name}");
                    break;
            }
        }
    }
}
