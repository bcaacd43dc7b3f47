using System;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.GroupBuying;

public sealed class CommunityBatchTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static CommunityProduct Eggs => new("eggs", new Money(19.99m, Currency.CNY), 3, 2);

    [Fact]
    public void Shanghai_cut_off_is_23_00_local_the_day_before_delivery()
    {
        var rule = new CommunityBatchRule(Shanghai, new LocalTime(23, 0), 1, Rate.Percent(10));
        Assert.Equal(Instant.FromUtc(2026, 11, 19, 15, 0), rule.ResolveCutOff(new LocalDate(2026, 11, 20)));
    }

    [Theory]
    [InlineData("Europe/Berlin", 2026, 3, 28, 23, 0, 2026, 3, 28, 22, 0)] // CET, UTC+1
    [InlineData("Europe/Berlin", 2026, 3, 29, 23, 0, 2026, 3, 29, 21, 0)] // CEST, UTC+2, same local time
    [InlineData("Europe/Berlin", 2026, 3, 29, 2, 30, 2026, 3, 29, 1, 0)] // skipped: first instant after the gap (03:00 CEST)
    [InlineData("Europe/Berlin", 2026, 10, 25, 2, 30, 2026, 10, 25, 0, 30)] // ambiguous: the earlier (CEST)
    [InlineData("America/New_York", 2026, 3, 8, 2, 30, 2026, 3, 8, 7, 0)] // skipped: 03:00 EDT
    [InlineData("America/New_York", 2026, 11, 1, 1, 30, 2026, 11, 1, 5, 30)] // ambiguous: the earlier (EDT)
    [InlineData("America/New_York", 2026, 11, 1, 23, 0, 2026, 11, 2, 4, 0)] // EST, UTC-5
    public void Local_cut_offs_resolve_safely_across_daylight_saving_changes(
        string zoneId, int y, int m, int d, int hour, int minute, int uy, int um, int ud, int uhour, int uminute)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var cutOffDay = new LocalDate(y, m, d);
        var rule = new CommunityBatchRule(zone, new LocalTime(hour, minute), 1, Rate.Zero);
        var expected = Instant.FromUtc(uy, um, ud, uhour, uminute);
        Assert.Equal(expected, rule.ResolveCutOff(cutOffDay.PlusDays(1)));

        var batch = new CommunityBatch("b", new MemberId(9), cutOffDay.PlusDays(1), rule, [Eggs]);
        Assert.Equal(expected, batch.CutOff);
        Assert.True(batch.PlaceOrder("o1", new MemberId(1), [new CommunityOrderLine("eggs", 1)], expected - Duration.Epsilon).IsAccepted);
        Assert.Equal(CommunityBatchRefusal.CutOffPassed, batch.PlaceOrder("o2", new MemberId(2), [new CommunityOrderLine("eggs", 1)], expected).Refusal);
    }

    [Fact]
    public void A_batch_may_set_its_own_local_cut_off()
    {
        var rule = new CommunityBatchRule(Berlin, new LocalTime(23, 0), 1, Rate.Zero);
        var batch = new CommunityBatch("b", new MemberId(9), new LocalDate(2026, 7, 10), rule, [Eggs], new LocalDateTime(2026, 7, 9, 18, 0));
        Assert.Equal(Instant.FromUtc(2026, 7, 9, 16, 0), batch.CutOff);
    }

    [Fact]
    public void Orders_are_accepted_whole_or_refused_whole()
    {
        var rule = new CommunityBatchRule(Shanghai, new LocalTime(23, 0), 1, Rate.Percent(10));
        var durian = new CommunityProduct("durian", new Money(89m, Currency.CNY), 5);
        var batch = new CommunityBatch("b", new MemberId(9), new LocalDate(2026, 11, 20), rule, [Eggs, durian]);
        var at = batch.CutOff - Duration.FromHours(1);
        Assert.True(batch.PlaceOrder("o1", new MemberId(1), [new CommunityOrderLine("eggs", 2)], at).IsAccepted);

        // Over the per-member limit on eggs: the durian line is not applied either.
        var refused = batch.PlaceOrder("o2", new MemberId(1), [new CommunityOrderLine("durian", 1), new CommunityOrderLine("eggs", 1)], at);
        Assert.Equal(CommunityBatchRefusal.PerMemberLimitExceeded, refused.Refusal);
        Assert.Contains("o2", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, batch.OrderedQuantity("durian"));
        Assert.Equal(1, batch.Version);

        Assert.Equal(CommunityBatchRefusal.ConflictingDuplicate, batch.PlaceOrder("o1", new MemberId(2), [new CommunityOrderLine("durian", 1)], at).Refusal);
        Assert.Equal(CommunityBatchRefusal.ConflictingDuplicate, batch.PlaceOrder("o1", new MemberId(1), [new CommunityOrderLine("eggs", 3)], at).Refusal);
        var resent = batch.PlaceOrder("o1", new MemberId(1), [new CommunityOrderLine("eggs", 2)], at + Duration.FromMinutes(5));
        Assert.True(resent is { IsAccepted: true, IsDuplicate: true, Version: 1 });
        Assert.Equal(2, batch.OrderedQuantity("eggs"));
        Assert.Equal(CommunityBatchRefusal.NotYetDue, batch.CloseAtCutOff(at).Refusal);
        var closed = batch.CloseAtCutOff(batch.CutOff);
        Assert.True(closed is { IsClosed: true, IsDuplicate: false });

        // Resent after the close, the close and the order answer their first outcomes; a new order is refused.
        var again = batch.CloseAtCutOff(batch.CutOff + Duration.FromHours(1));
        Assert.True(again is { IsClosed: true, IsDuplicate: true });
        Assert.Equal((closed.Settlement!.At, closed.Settlement.Version), (again.Settlement!.At, again.Settlement.Version));
        Assert.Equal(closed.Settlement.Lines, again.Settlement.Lines);
        Assert.Equal(closed.Settlement.Commission, again.Settlement.Commission);
        Assert.True(batch.PlaceOrder("o1", new MemberId(1), [new CommunityOrderLine("eggs", 2)], batch.CutOff).IsDuplicate);
        Assert.Equal(CommunityBatchRefusal.AlreadyClosed, batch.PlaceOrder("o3", new MemberId(3), [new CommunityOrderLine("durian", 1)], at).Refusal);
        Assert.Equal(2, batch.Version);

        // A snapshot written before the closing instant was kept cannot answer a resent close with its settlement.
        var old = CommunityBatch.FromSnapshot(batch.ToSnapshot() with { ClosedAt = null }, batch.Rule);
        Assert.Equal(CommunityBatchRefusal.AlreadyClosed, old.CloseAtCutOff(batch.CutOff).Refusal);
        Assert.Equal(batch.ClosedAt, CommunityBatch.FromSnapshot(batch.ToSnapshot(), batch.Rule).ClosedAt);
    }

    [Fact]
    public void Invalid_orders_and_products_throw_naming_the_value()
    {
        var rule = new CommunityBatchRule(Shanghai, new LocalTime(23, 0), 1, Rate.Percent(10));
        var batch = new CommunityBatch("b", new MemberId(9), new LocalDate(2026, 11, 20), rule, [Eggs]);
        var at = batch.CutOff - Duration.FromHours(1);
        var unknown = Assert.Throws<UnknownCommunityProductException>(() => batch.PlaceOrder("o", new MemberId(1), [new CommunityOrderLine("milk", 1)], at));
        Assert.Equal("milk", unknown.ProductId);
        Assert.Contains("milk", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.PlaceOrder("o", new MemberId(1), [new CommunityOrderLine("eggs", 0)], at));
        Assert.Throws<ArgumentException>(() => batch.PlaceOrder("o", new MemberId(1), [new CommunityOrderLine("eggs", 1), new CommunityOrderLine("eggs", 1)], at));
        Assert.Throws<ArgumentException>(() => batch.PlaceOrder("o", new MemberId(1), [], at));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommunityProduct("x", new Money(-1m, Currency.CNY), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommunityProduct("x", new Money(1m, Currency.CNY), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommunityProduct("x", new Money(1m, Currency.CNY), 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommunityBatchRule(Shanghai, new LocalTime(23, 0), -1, Rate.Zero));
        Assert.Throws<ArgumentException>(() => new CommunityBatch("b", new MemberId(9), new LocalDate(2026, 11, 20), rule, [Eggs, Eggs]));
        Assert.Throws<ArgumentException>(() => new CommunityBatch("b", new MemberId(9), new LocalDate(2026, 11, 20), rule, []));
        Assert.Throws<ArgumentException>(() => new CommunityBatch("b", new MemberId(9), new LocalDate(2026, 11, 20), rule, [Eggs, new CommunityProduct("y", new Money(1m, Currency.USD), 1)]));
        _ = NewYork;
    }
}
