using System.Linq;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.GroupBuying;

/// <summary>The worked examples of docs/group-buying.md, number for number.</summary>
public sealed class GroupBuyingDocExamplesTests
{
    private static readonly MemberId Alice = new(1);
    private static readonly MemberId Bob = new(2);
    private static readonly MemberId Carol = new(3);
    private static readonly MemberId Dan = new(4);
    private static readonly MemberId Erin = new(5);
    private static readonly Instant Opened = Instant.FromUtc(2026, 11, 1, 10, 0);

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    private static GroupBuyRule Trio() => GroupBuyRule.Create("trio", Currency.CNY)
        .RequireParticipants(3)
        .WithTimeLimit(Duration.FromHours(24))
        .AddTier(3, 9.90m)
        .WithLeaderPerk(LeaderPerk.Free)
        .Build();

    [Fact]
    public void Example_1_a_three_person_group_formed_in_time_with_the_leader_free()
    {
        GroupBuy.TryOpen(new GroupBuyId(1), Trio(), Alice, Opened, out var group);
        group!.Join(Bob, Instant.FromUtc(2026, 11, 1, 10, 5));
        var last = group.Join(Carol, Instant.FromUtc(2026, 11, 1, 11, 0));

        Assert.Equal([3L, 4L], last.Events.Select(e => e.Version));
        var formed = Assert.IsType<GroupFormed>(last.Events[1]);
        Assert.Equal(3, formed.FinalParticipants);
        Assert.Equal(Cny(9.90m), formed.Tier.UnitPrice);
        Assert.Equal(
            [
                new ParticipantSettlement(Alice, true, Cny(9.90m), Cny(0.00m), Cny(9.90m)),
                new ParticipantSettlement(Bob, false, Cny(9.90m), Cny(9.90m), Cny(0.00m)),
                new ParticipantSettlement(Carol, false, Cny(9.90m), Cny(9.90m), Cny(0.00m)),
            ],
            formed.Settlements);
        Assert.Equal(Cny(19.80m), formed.Settlements.Aggregate(Cny(0m), (sum, s) => sum + s.Price));
    }

    [Fact]
    public void Example_2_a_tiered_group_closing_at_the_deadline_with_4_of_5()
    {
        var rule = GroupBuyRule.Create("ladder-5", Currency.CNY)
            .RequireParticipants(5)
            .WithTimeLimit(Duration.FromHours(24))
            .AddTier(2, 9.90m)
            .AddTier(4, 8.50m)
            .AddTier(5, 7.90m)
            .WithLeaderPerk(LeaderPerk.Off(Rate.Percent(50)))
            .Build();
        GroupBuy.TryOpen(new GroupBuyId(2), rule, Alice, Opened, out var group);
        group!.Join(Bob, Opened + Duration.FromMinutes(10));
        group.Join(Carol, Opened + Duration.FromHours(3));
        group.Join(Dan, Opened + Duration.FromHours(20));
        Assert.Equal(GroupBuyStatus.Open, group.Status);

        var close = group.CloseAtDeadline(Instant.FromUtc(2026, 11, 2, 10, 0));
        var formed = Assert.IsType<GroupFormed>(Assert.Single(close.Events));
        Assert.Equal(5, formed.Version);
        Assert.Equal(4, formed.RealParticipants);
        Assert.Equal(0, formed.SimulatedParticipants);
        Assert.Equal(new PriceTier(4, Cny(8.50m)), formed.Tier);
        Assert.Equal(new ParticipantSettlement(Alice, true, Cny(9.90m), Cny(4.25m), Cny(5.65m)), formed.Settlements[0]);
        Assert.All(formed.Settlements.Skip(1), s => Assert.Equal((Cny(9.90m), Cny(8.50m), Cny(1.40m)), (s.Charged, s.Price, s.Refund)));
        Assert.Equal(Cny(39.60m), formed.Settlements.Aggregate(Cny(0m), (sum, s) => sum + s.Charged));
        Assert.Equal(Cny(29.75m), formed.Settlements.Aggregate(Cny(0m), (sum, s) => sum + s.Price));
        Assert.Equal(Cny(9.85m), formed.Settlements.Aggregate(Cny(0m), (sum, s) => sum + s.Refund));
    }

    [Fact]
    public void Example_3_a_failed_group_with_refunds()
    {
        GroupBuy.TryOpen(new GroupBuyId(3), Trio(), Alice, Opened, out var group);
        group!.Join(Bob, Instant.FromUtc(2026, 11, 1, 10, 5));
        var deadline = Instant.FromUtc(2026, 11, 2, 10, 0);

        Assert.Equal(GroupBuyRefusal.Expired, group.Join(Erin, deadline).Refusal);
        var close = group.CloseAtDeadline(deadline);
        var failed = Assert.IsType<GroupFailed>(Assert.Single(close.Events));
        Assert.Equal(3, failed.Version);
        Assert.Equal([new ParticipantRefund(Alice, true, Cny(9.90m)), new ParticipantRefund(Bob, false, Cny(9.90m))], failed.Refunds);
        Assert.Equal(Cny(19.80m), failed.Refunds.Aggregate(Cny(0m), (sum, r) => sum + r.Amount));
    }

    [Fact]
    public void Example_4_a_community_batch_with_one_product_confirmed_and_one_refunded()
    {
        var rule = new CommunityBatchRule(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new LocalTime(23, 0), 1, Rate.Percent(10));
        var eggs = new CommunityProduct("eggs-30", Cny(19.99m), 10, 2);
        var durian = new CommunityProduct("durian", Cny(89.00m), 5);
        var batch = new CommunityBatch("lin-2026-11-20", new MemberId(100), new LocalDate(2026, 11, 20), rule, [eggs, durian]);
        Assert.Equal(Instant.FromUtc(2026, 11, 19, 15, 0), batch.CutOff);

        var evening = Instant.FromUtc(2026, 11, 19, 12, 0); // 20:00 in Shanghai
        Assert.True(batch.PlaceOrder("o1", new MemberId(101), [new("eggs-30", 2), new("durian", 1)], evening).IsAccepted);
        Assert.True(batch.PlaceOrder("o2", new MemberId(102), [new("eggs-30", 2)], evening).IsAccepted);
        Assert.True(batch.PlaceOrder("o3", new MemberId(103), [new("eggs-30", 2), new("durian", 2)], evening).IsAccepted);
        Assert.True(batch.PlaceOrder("o4", new MemberId(104), [new("eggs-30", 2)], evening).IsAccepted);
        Assert.True(batch.PlaceOrder("o5", new MemberId(105), [new("eggs-30", 2)], evening).IsAccepted);
        Assert.True(batch.PlaceOrder("o6", new MemberId(106), [new("eggs-30", 2)], evening).IsAccepted);
        Assert.Equal(CommunityBatchRefusal.PerMemberLimitExceeded, batch.PlaceOrder("o7", new MemberId(101), [new("eggs-30", 1)], evening).Refusal);
        Assert.Equal(CommunityBatchRefusal.CutOffPassed, batch.PlaceOrder("o8", new MemberId(107), [new("durian", 2)], batch.CutOff).Refusal);

        var settlement = batch.CloseAtCutOff(batch.CutOff).Settlement!;
        Assert.Equal(
            [
                new CommunityProductOutcome("eggs-30", 12, 10, true, Cny(239.88m)),
                new CommunityProductOutcome("durian", 3, 5, false, Cny(267.00m)),
            ],
            settlement.Products);
        Assert.Equal(new CommunityLineOutcome("o1", new MemberId(101), "durian", 1, Cny(89.00m), false), settlement.Lines[1]);
        Assert.Equal(new CommunityLineOutcome("o3", new MemberId(103), "durian", 2, Cny(178.00m), false), settlement.Lines[4]);
        Assert.Equal(8, settlement.Lines.Count);
        Assert.Equal(Cny(239.88m), settlement.ConfirmedSales);
        Assert.Equal(Cny(267.00m), settlement.Refunded);
        Assert.Equal(Cny(23.988m), settlement.Commission.Exact);
        Assert.Equal(Cny(23.98m), settlement.Commission.Amount);
        Assert.Equal(Cny(0.008m), settlement.Commission.Residual);
    }
}
