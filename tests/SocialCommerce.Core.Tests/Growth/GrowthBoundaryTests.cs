using System;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Growth.GrowthExamples;

namespace SocialCommerce.Core.Tests.Growth;

/// <summary>Growth policies and activities at the edges of the supported ranges.</summary>
public sealed class GrowthBoundaryTests
{
    [Theory]
    [InlineData("""{ "currency": "CNY", "timeZone": "UTC", "sources": [ { "kind": "sign-in", "rule": "sign-in-streak", "points": 5, "streakBonuses": [ { "day": 200000000, "points": 3 } ] } ] }""", "$.sources[0].streakBonuses[0].day")]
    [InlineData("""{ "currency": "CNY", "timeZone": "UTC", "sources": [ { "kind": "sign-in", "rule": "sign-in-streak", "points": 5, "streakCycleDays": 2000000000 } ] }""", "$.sources[0].streakCycleDays")]
    [InlineData("""{ "currency": "CNY", "timeZone": "UTC", "sources": [ { "kind": "order.completed", "rule": "per-currency-unit", "pointsPerUnit": 7.9e28 } ] }""", "$.sources[0].pointsPerUnit")]
    [InlineData("""{ "currency": "CNY", "timeZone": "UTC", "sources": [ { "kind": "task.completed", "rule": "per-activity", "points": 9000000000000000000 } ] }""", "$.sources[0].points")]
    [InlineData("""{ "currency": "CNY", "timeZone": "UTC", "sources": [ { "kind": "sign-in", "rule": "per-currency-unit", "pointsPerUnit": 1 } ] }""", "$.sources[0].rule")]
    public void A_policy_beyond_the_supported_ranges_is_refused_naming_the_path(string json, string path)
    {
        var e = Assert.Throws<GrowthPolicyException>(() => GrowthPolicy.FromJson(json));
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void A_per_currency_unit_rule_on_sign_ins_is_refused_in_code_too()
    {
        var e = Assert.Throws<ArgumentException>(() => new GrowthSource(GrowthActivityKind.SignIn, GrowthRules.PerCurrencyUnit(1m)));
        Assert.Equal("rule", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreakBonus(Limits.MaxStreakDay + 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GrowthRules.PerActivity(long.MaxValue));
    }

    [Fact]
    public void An_order_without_a_currency_is_an_argument_error_naming_the_amount()
    {
        var e = Assert.Throws<ArgumentException>(() => GrowthActivity.OrderCompleted(new ActivityId(1), new MemberId(1), NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0), default));
        Assert.Equal("Amount", e.ParamName);
    }

    [Fact]
    public void The_points_of_a_huge_order_saturate_at_the_largest_supported_points()
    {
        var policy = GrowthPolicy.FromJson("""{ "currency": "CNY", "timeZone": "UTC", "sources": [ { "kind": "order.completed", "rule": "per-currency-unit", "pointsPerUnit": 1000000 } ] }""");
        var program = new GrowthProgram(policy, LadderWithoutRetention);
        var member = new MemberId(5);
        var t = NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0);
        var order = GrowthActivity.OrderCompleted(new ActivityId(1), member, t, SocialCommerce.Money.FromMinorUnits(Limits.MaxMinorUnits, Currency.CNY));

        var result = program.Evaluate(program.Enrol(member, t), [order], t);

        Assert.Equal(Limits.MaxPoints, result.State.Balance);
    }
}
