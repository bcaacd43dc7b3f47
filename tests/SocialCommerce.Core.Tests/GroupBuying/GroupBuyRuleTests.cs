using System;
using NodaTime;
using SocialCommerce.GroupBuying;

namespace SocialCommerce.Core.Tests.GroupBuying;

public sealed class GroupBuyRuleTests
{
    private const string Ladder = """
        {
          "name": "ladder-5",
          "currency": "CNY",
          "requiredParticipants": 5,
          "maximumParticipants": 8,
          "timeLimit": "1:00:00:00",
          "tiers": [ { "participants": 5, "price": 7.90 }, { "participants": 2, "price": 9.90 } ],
          "leaderPerk": { "kind": "rateOff", "percent": 50 },
          "newMembersOnly": true,
          "maxOpenGroupsPerMember": 3,
          "allowsSimulatedParticipants": true,
          "minimumRealParticipants": 3
        }
        """;

    [Fact]
    public void Json_document_loads_every_setting()
    {
        var rule = GroupBuyRule.FromJson(Ladder);

        Assert.Equal("ladder-5", rule.Name);
        Assert.Equal(Currency.CNY, rule.Currency);
        Assert.Equal(5, rule.RequiredParticipants);
        Assert.Equal(8, rule.MaximumParticipants);
        Assert.Equal(8, rule.Capacity);
        Assert.Equal(2, rule.MinimumToForm);
        Assert.Equal(Duration.FromHours(24), rule.TimeLimit);
        Assert.Equal([new PriceTier(2, new Money(9.90m, Currency.CNY)), new PriceTier(5, new Money(7.90m, Currency.CNY))], rule.Tiers);
        Assert.Equal(new Money(9.90m, Currency.CNY), rule.JoinPrice);
        Assert.Equal(LeaderPerkKind.RateOff, rule.LeaderPerk.Kind);
        Assert.Equal(Rate.Percent(50), rule.LeaderPerk.RateOff);
        Assert.True(rule.NewMembersOnly);
        Assert.Equal(3, rule.MaxOpenGroupsPerMember);
        Assert.True(rule.AllowsSimulatedParticipants);
        Assert.Equal(3, rule.MinimumRealParticipants);
    }

    [Fact]
    public void Json_defaults_are_no_perk_no_limits_no_simulation()
    {
        var rule = GroupBuyRule.FromJson("""{ "name": "duo", "currency": "USD", "requiredParticipants": 2, "timeLimit": "0:02:00:00", "tiers": [ { "participants": 2, "price": 5 } ] }""");

        Assert.Null(rule.MaximumParticipants);
        Assert.Equal(2, rule.Capacity);
        Assert.Equal(Duration.FromHours(2), rule.TimeLimit);
        Assert.Equal(LeaderPerk.None, rule.LeaderPerk);
        Assert.False(rule.NewMembersOnly);
        Assert.Null(rule.MaxOpenGroupsPerMember);
        Assert.False(rule.AllowsSimulatedParticipants);
        Assert.Equal(0, rule.MinimumRealParticipants);
    }

    [Theory]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": -1.00 } ] }""", "$.tiers[0].price", "-1.00")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1.005 } ] }""", "$.tiers[0].price", "1.005")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 1, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1 } ] }""", "$.requiredParticipants", "1")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": "3", "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1 } ] }""", "$.requiredParticipants", "\"3\"")]
    [InlineData("""{ "name": "x", "currency": "XXQ", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1 } ] }""", "$.currency", "\"XXQ\"")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "24h", "tiers": [ { "participants": 3, "price": 1 } ] }""", "$.timeLimit", "\"24h\"")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "-0:01:00:00", "tiers": [ { "participants": 3, "price": 1 } ] }""", "$.timeLimit", "\"-0:01:00:00\"")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [] }""", "$.tiers", "[]")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1, "colour": "red" } ] }""", "$.tiers[0].colour", "\"red\"")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1 } ], "leaderPerk": { "kind": "gold" } }""", "$.leaderPerk.kind", "\"gold\"")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1 } ], "leaderPerk": { "kind": "rateOff", "percent": 150 } }""", "$.leaderPerk.percent", "150")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1 } ], "allowsSimulatedParticipants": true }""", "$.minimumRealParticipants", "(missing)")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1 } ], "allowsSimulatedParticipants": true, "minimumRealParticipants": 3 }""", "$.minimumRealParticipants", "3")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "maximumParticipants": 2, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 2, "price": 1 } ] }""", "$.maximumParticipants", "2")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 2, "price": 1 }, { "participants": 3, "price": 2 } ] }""", "$.tiers[1].price", "2")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 4, "price": 1 } ] }""", "$.tiers", "4")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1 } ], "maxOpenGroupsPerMember": 0 }""", "$.maxOpenGroupsPerMember", "0")]
    [InlineData("""{ "name": "x", "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1 } ], "maxGroups": 2 }""", "$.maxGroups", "2")]
    [InlineData("""{ "currency": "CNY", "requiredParticipants": 3, "timeLimit": "1:00:00:00", "tiers": [ { "participants": 3, "price": 1 } ] }""", "$.name", "(missing)")]
    [InlineData("""[1, 2]""", "$", "[1, 2]")]
    public void Malformed_documents_are_refused_naming_the_path_and_value(string json, string path, string value)
    {
        var ex = Assert.Throws<GroupBuyRuleFormatException>(() => GroupBuyRule.FromJson(json));

        Assert.Equal(path, ex.Path);
        Assert.Equal(value, ex.Value);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unparsable_json_is_refused_with_a_format_exception()
    {
        var ex = Assert.Throws<GroupBuyRuleFormatException>(() => GroupBuyRule.FromJson("""{ "name": "x", """));
        Assert.Equal("(unparsable)", ex.Value);
    }

    [Fact]
    public void Builder_refuses_a_negative_price_naming_it()
    {
        var builder = GroupBuyRule.Create("neg", Currency.CNY);
        var ex = Assert.Throws<GroupBuyRuleException>(() => builder.AddTier(3, -0.01m));
        Assert.Equal("Tiers.UnitPrice", ex.Field);
        Assert.Equal("-0.01", ex.Value);
        Assert.Contains("neg", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_requires_participants_time_limit_and_tiers()
    {
        Assert.Equal("RequiredParticipants", Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("a", Currency.CNY).WithTimeLimit(Duration.FromHours(1)).AddTier(2, 1m).Build()).Field);
        Assert.Equal("TimeLimit", Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("a", Currency.CNY).RequireParticipants(2).AddTier(2, 1m).Build()).Field);
        Assert.Equal("Tiers", Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("a", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(1)).Build()).Field);
        Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("a", Currency.CNY).RequireParticipants(1));
        Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("a", Currency.CNY).WithTimeLimit(Duration.Zero));
        Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("a", Currency.CNY).AddTier(2, 1m).AddTier(2, 0.5m));
        Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("a", Currency.CNY).WithLeaderPerk(LeaderPerk.FixedDiscount(new Money(1m, Currency.USD))));
        Assert.Throws<ArgumentException>(() => GroupBuyRule.Create(" ", Currency.CNY));
    }

    [Fact]
    public void Builder_refuses_a_first_tier_above_the_required_count_and_a_tier_above_capacity()
    {
        var high = Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("a", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(1)).AddTier(4, 1m).Build());
        Assert.Equal("4", high.Value);
        var over = Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("a", Currency.CNY).RequireParticipants(3).AllowUpTo(5).WithTimeLimit(Duration.FromHours(1)).AddTier(3, 2m).AddTier(6, 1m).Build());
        Assert.Equal("6", over.Value);
    }

    [Fact]
    public void Leader_perk_arguments_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LeaderPerk.FixedDiscount(new Money(-1m, Currency.CNY)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LeaderPerk.FixedDiscount(new Money(0.001m, Currency.CNY)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LeaderPerk.Off(Rate.Zero));
    }

    [Fact]
    public void Leader_price_follows_the_perk()
    {
        var price = new Money(8.55m, Currency.CNY);
        Assert.Equal(price, LeaderPerk.None.LeaderPrice(price));
        Assert.Equal(new Money(0m, Currency.CNY), LeaderPerk.Free.LeaderPrice(price));
        Assert.Equal(new Money(6.55m, Currency.CNY), LeaderPerk.FixedDiscount(new Money(2m, Currency.CNY)).LeaderPrice(price));
        Assert.Equal(new Money(0m, Currency.CNY), LeaderPerk.FixedDiscount(new Money(10m, Currency.CNY)).LeaderPrice(price));

        // 8.55 × 50 % = 4.275: the discount is rounded toward zero to 4.27, so the leader pays 4.28.
        Assert.Equal(new Money(4.28m, Currency.CNY), LeaderPerk.Off(Rate.Percent(50)).LeaderPrice(price));
    }

    [Fact]
    public void Tier_for_a_count_is_the_largest_tier_not_above_it()
    {
        var rule = GroupBuyRule.FromJson(Ladder);
        Assert.Equal(9.90m, rule.TierFor(2).UnitPrice.Amount);
        Assert.Equal(9.90m, rule.TierFor(4).UnitPrice.Amount);
        Assert.Equal(7.90m, rule.TierFor(5).UnitPrice.Amount);
        Assert.Equal(7.90m, rule.TierFor(8).UnitPrice.Amount);
        Assert.Throws<ArgumentOutOfRangeException>(() => rule.TierFor(1));
    }
}
