using System;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests;

/// <summary>The supported ranges (<see cref="Limits"/>) are enforced where values enter, naming the field and the value.</summary>
public sealed class SupportedRangeTests
{
    [Theory]
    [InlineData("0.0769230769")]
    [InlineData("0.12345678900000")]
    [InlineData("1")]
    public void A_rate_of_at_most_ten_decimals_is_accepted(string fraction) =>
        Assert.Equal(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture), Rate.FromFraction(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture)).Fraction);

    [Fact]
    public void A_rate_of_more_than_ten_decimals_is_refused_on_every_way_in()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.FromFraction(1m / 13m));
        Assert.Equal("fraction", e.ParamName);
        Assert.Contains("at most 10 decimals", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(3.333333333m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.BasisPoints(0.0000001m));
        Assert.False(Rate.IsSupportedPrecision(0.00000000001m));

        var plan = Assert.Throws<InvalidCommissionPlanException>(() => CommissionPlan.FromJson("""{"name":"p","currency":"CNY","levels":[{"level":1,"rate":0.07692307692}]}"""));
        Assert.Equal("$.levels[0].rate", plan.Path);
        Assert.Contains("10 decimals", plan.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"p","currency":"CNY","levels":[{"level":1,"rate":0.1}],"returnWindowDays":3000000}""", "$.returnWindowDays")]
    [InlineData("""{"name":"p","currency":"CNY","levels":[{"level":1,"rate":0.1}],"returnWindowDays":2147483647}""", "$.returnWindowDays")]
    [InlineData("""{"name":"p","currency":"CNY","rankDifferential":{"depth":2147483647,"rankRates":[0,0.05]}}""", "$.rankDifferential.depth")]
    [InlineData("""{"name":"p","currency":"CNY","rankDifferential":{"depth":50000000,"rankRates":[0,0.05]}}""", "$.rankDifferential.depth")]
    [InlineData("""{"name":"p","currency":"CNY","overrides":[{"product":"SKU-1","levels":[{"level":1,"fixedPerUnit":1e28}]}]}""", "$.overrides[0].levels[0].fixedPerUnit")]
    [InlineData("""{"name":"p","currency":"CNY","overrides":[{"product":"SKU-1","levels":[{"level":1,"fixedPerUnit":10000000.01}]}]}""", "$.overrides[0].levels[0].fixedPerUnit")]
    [InlineData("""{"name":"p","currency":"CNY","overrides":[{"product":"SKU-1","levels":[{"level":1,"fixedPerUnit":0.001}]}]}""", "$.overrides[0].levels[0].fixedPerUnit")]
    public void A_plan_document_beyond_the_supported_ranges_is_refused_naming_the_path(string json, string path)
    {
        var e = Assert.Throws<InvalidCommissionPlanException>(() => CommissionPlan.FromJson(json));
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void A_plan_deeper_than_the_supported_depth_is_refused_by_the_builder()
    {
        var rates = new Rate[Limits.MaxPaidDepth + 1];
        Array.Fill(rates, Rate.BasisPoints(1));
        var e = Assert.Throws<InvalidCommissionPlanException>(() => CommissionPlan.CreateBuilder("deep", Currency.CNY).Levels(rates).Build());
        Assert.Contains("[1-32]", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidCommissionPlanException>(() => CommissionPlan.CreateBuilder("window", Currency.CNY).Levels(Rate.Percent(1)).ReturnWindow(Duration.FromDays(3661)).Build());
    }

    [Fact]
    public void Whole_minor_units_of_any_amount_are_answered_without_throwing()
    {
        Assert.True(new Money(decimal.MaxValue, Currency.CNY).IsWholeMinorUnits);
        Assert.False(new Money(0.001m, Currency.CNY).IsWholeMinorUnits);
        Assert.False(Limits.IsSupported(new Money(decimal.MaxValue, Currency.CNY)));
        Assert.False(Limits.IsSupported(default(Money)));
        Assert.True(Limits.IsSupported(Money.FromMinorUnits(Limits.MaxMinorUnits, Currency.JPY)));
    }

    [Fact]
    public void Default_money_is_an_argument_error_naming_the_parameter()
    {
        Assert.Equal("total", Assert.Throws<ArgumentException>(() => default(Money).Allocate([1m])).ParamName);
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), Instant.FromUtc(2026, 1, 1, 0, 0));
        Assert.Equal("periodSales[0].Amount", Assert.Throws<ArgumentException>(() => ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(network, null, [new RewardedSale(new MemberId(1), default, false)])).ParamName);
    }

    [Fact]
    public void Binding_at_an_unsupported_instant_is_an_argument_error_and_changes_nothing()
    {
        var network = new ReferralNetwork(BindingPolicy.RebindAfter(Limits.MaxDuration));
        var t = Instant.FromUtc(2026, 1, 1, 0, 0);
        network.AddMember(new MemberId(1), t);
        network.AddMember(new MemberId(2), t);
        network.AddMember(new MemberId(3), new MemberId(1), t);
        Assert.Equal("at", Assert.Throws<ArgumentOutOfRangeException>(() => network.TryBind(new MemberId(3), new MemberId(2), Instant.MaxValue)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => network.AddMember(new MemberId(4), Instant.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => BindingPolicy.RebindAfter(Duration.FromDays(3661)));
        Assert.True(network.TryGetReferrer(new MemberId(3), out var referrer));
        Assert.Equal(new MemberId(1), referrer);
        Assert.Equal(3, network.Count);

        // Just before the end of the supported range the lock period still computes: a result, not an exception.
        var late = network.TryBind(new MemberId(3), new MemberId(2), Limits.MaxInstant - Duration.Epsilon);
        Assert.True(late.IsBound);
    }

    [Fact]
    public void Binding_a_member_to_the_referrer_it_has_says_nothing_was_recorded()
    {
        var network = new ReferralNetwork(BindingPolicy.RebindAfter(Duration.FromDays(30)));
        var t = Instant.FromUtc(2026, 1, 1, 0, 0);
        network.AddMember(new MemberId(1), t);
        network.AddMember(new MemberId(2), new MemberId(1), t);

        var again = network.TryBind(new MemberId(2), new MemberId(1), t + Duration.FromDays(1));

        Assert.True(again.IsBound);
        Assert.True(again.AlreadyBound);
        Assert.Empty(network.GetBindingHistory(new MemberId(2)));
        Assert.False(network.TryBind(new MemberId(2), new MemberId(2), t).AlreadyBound);
    }
}
