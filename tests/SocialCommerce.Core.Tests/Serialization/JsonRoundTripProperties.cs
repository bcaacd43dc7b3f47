using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Core.Tests.Growth;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using SocialCommerce.Serialization;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Serialization;

/// <summary>Every public value a host stores or returns round-trips through the one JSON contract.</summary>
public sealed class JsonRoundTripProperties
{
    private const int Cases = 500;

    private static readonly JsonSerializerOptions Options = SocialCommerceJson.CreateOptions(MoneyGen.ThreeDigitTestCurrency, MoneyGen.OneDigitHostCurrency);

    private static T RoundTrip<T>(T value, out string json)
    {
        json = JsonSerializer.Serialize(value, Options);
        return JsonSerializer.Deserialize<T>(json, Options)!;
    }

    /// <summary>Serialising what was read gives the same text: nothing lost, nothing reinterpreted.</summary>
    private static void AssertStable<T>(T value)
    {
        var back = RoundTrip(value, out var json);
        Assert.Equal(json, JsonSerializer.Serialize(back, Options));
    }

    [Property(Arbitrary = [typeof(MoneyArbitraries)], MaxTest = Cases)]
    public void Money_and_rates_round_trip_exactly_with_their_scale(Money amount, Rate rate)
    {
        var money = RoundTrip(amount, out var json);
        Assert.Equal(amount, money);
        Assert.Equal(amount.Amount.Scale, money.Amount.Scale);
        Assert.Contains("\"amount\":\"", json, System.StringComparison.Ordinal);
        Assert.Equal(rate, RoundTrip(rate, out _));
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void A_quote_round_trips_with_every_line_adjustment_and_finding(CommissionCase s)
    {
        var quote = s.Quote();
        var back = RoundTrip(quote, out _);
        Assert.Equal(quote.Lines.ToArray(), back.Lines.ToArray());
        Assert.Equal(quote.Adjustments.ToArray(), back.Adjustments.ToArray());
        Assert.Equal(quote.Findings.ToArray(), back.Findings.ToArray());
        Assert.Equal((quote.SaleId, quote.Buyer, quote.PaidAt, quote.Currency, quote.PlanName, quote.Base, quote.Pool, quote.Total, quote.Residual, quote.RoundingResidual),
            (back.SaleId, back.Buyer, back.PaidAt, back.Currency, back.PlanName, back.Base, back.Pool, back.Total, back.Residual, back.RoundingResidual));
        AssertStable(quote);
        var sale = s.BuildSale();
        AssertStable(LedgerSale.FromQuote(sale, quote, Duration.FromDays(7)));
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = Cases)]
    public void Group_buy_events_round_trip_with_their_type(GroupBuyScenario scenario)
    {
        var run = scenario.Play();
        IReadOnlyList<GroupBuyEvent> events = run.Events.ToArray();
        var back = RoundTrip(events, out var json);
        Assert.Equal(events.Select(e => e.GetType()), back.Select(e => e.GetType()));
        Assert.Equal(events.Select(e => (e.GroupId, e.Version, e.At)), back.Select(e => (e.GroupId, e.Version, e.At)));
        Assert.Equal(json, JsonSerializer.Serialize(back, Options));
        Assert.Contains("\"type\":\"group.opened\"", json, System.StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(GrowthArbitraries)], MaxTest = Cases)]
    public void Growth_events_round_trip_with_their_type(ActivityHistory history)
    {
        var program = new GrowthProgram(GrowthPropertyPolicy.For(history.Zone), GrowthExamples.Ladder);
        var evaluation = program.Evaluate(program.Enrol(ActivityHistory.Member, ActivityHistory.Start), history.Build(), history.End);
        IReadOnlyList<GrowthEvent> events = evaluation.Events.ToArray();
        var back = RoundTrip(events, out var json);
        Assert.Equal(events.Select(e => e.GetType()), back.Select(e => e.GetType()));
        Assert.Equal(json, JsonSerializer.Serialize(back, Options));
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = Cases)]
    public void Ledger_entries_and_balances_round_trip(LedgerHistory history)
    {
        var ledger = history.Replay().Ledger;
        var entries = ledger.GetEntries();
        Assert.Equal(entries, RoundTrip(entries, out _));
        foreach (var member in LedgerHistory.Members)
        {
            var balance = ledger.GetBalance(member, LedgerHistory.Currency);
            Assert.Equal(balance, RoundTrip(balance, out _));
        }
    }

    [Fact]
    public void Values_have_the_documented_shape()
    {
        var at = Instant.FromUtc(2026, 11, 1, 10, 0);
        Assert.Equal("\"2026-11-01T10:00:00Z\"", JsonSerializer.Serialize(at, Options));
        Assert.Equal("3", JsonSerializer.Serialize(new MemberId(3), Options));
        Assert.Equal("{\"amount\":\"199.00\",\"currency\":\"CNY\"}", JsonSerializer.Serialize(new Money(199.00m, Currency.CNY), Options));
        Assert.Equal("\"0.125\"", JsonSerializer.Serialize(Rate.Percent(12.5m), Options));
        Assert.Equal("\"2026-11-19T23:00:00\"", JsonSerializer.Serialize(new LocalDateTime(2026, 11, 19, 23, 0), Options));
        var opened = new GroupOpened(new GroupBuyId(7), 1, at, "r", new MemberId(1), at + Duration.FromHours(1), new Money(9.90m, Currency.CNY));
        var json = JsonSerializer.Serialize<GroupBuyEvent>(opened, Options);
        Assert.StartsWith("{\"type\":\"group.opened\",", json, System.StringComparison.Ordinal);
        Assert.Contains("\"leader\":1", json, System.StringComparison.Ordinal);
        Assert.Equal(opened, JsonSerializer.Deserialize<GroupBuyEvent>(json, Options));
    }

    [Fact]
    public void An_unknown_currency_is_refused_and_a_host_currency_is_read_when_given()
    {
        var json = "{\"amount\":\"1.5\",\"currency\":\"XPC\"}";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>(json, SocialCommerceJson.Options));
        Assert.Equal(new Money(1.5m, MoneyGen.OneDigitHostCurrency), JsonSerializer.Deserialize<Money>(json, Options));
        Assert.Throws<System.ArgumentException>(() => SocialCommerceJson.CreateOptions(new Currency("CNY", 3)));
    }

    private sealed record HostView(string Name, MemberId Member, Money Balance, Instant At);

    [Fact]
    public void A_hosts_own_options_gain_the_contract_and_keep_their_own_types()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        SocialCommerceJson.Configure(options);
        var at = Instant.FromUtc(2026, 11, 1, 10, 0);

        var json = JsonSerializer.Serialize(new HostView("x", new MemberId(3), new Money(1.50m, Currency.CNY), at), options);

        Assert.Equal("{\"name\":\"x\",\"member\":3,\"balance\":{\"amount\":\"1.50\",\"currency\":\"CNY\"},\"at\":\"2026-11-01T10:00:00Z\"}", json);
        Assert.Equal(new Money(1.50m, Currency.CNY), JsonSerializer.Deserialize<Money>("{\"amount\":\"1.50\",\"currency\":\"CNY\"}", options));
    }
}
