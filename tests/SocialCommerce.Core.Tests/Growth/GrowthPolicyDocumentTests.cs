using System;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Growth.GrowthExamples;

namespace SocialCommerce.Core.Tests.Growth;

public sealed class GrowthPolicyDocumentTests
{
    private sealed class Livestream(long perMinute) : IGrowthRule
    {
        public long Points(in GrowthRuleArguments arguments) => perMinute * arguments.Activity.Rank;
    }

    [Fact]
    public void The_documented_policy_reads_into_seven_sources()
    {
        Assert.Equal(7, Policy.Sources.Count);
        Assert.Equal(Currency.CNY, Policy.Currency);
        Assert.Equal("Asia/Shanghai", Policy.Zone.Id);
        Assert.Equal(5000, Policy.Sources[0].DailyCap);
        Assert.Null(Policy.Sources[1].DailyCap);
    }

    [Fact]
    public void A_host_rule_is_named_in_the_document_and_reads_its_parameters()
    {
        var kind = new GrowthActivityKind("livestream.watched");
        var catalog = GrowthRuleCatalog.Default.With("per-minute", s => new Livestream(s.Parameters!.Value.GetProperty("perMinute").GetInt64()));
        var policy = GrowthPolicy.FromJson("""
            { "currency": "CNY", "timeZone": "UTC",
              "sources": [ { "kind": "livestream.watched", "rule": "per-minute", "dailyCap": 25, "parameters": { "perMinute": 2 } } ] }
            """, catalog);
        var program = new GrowthProgram(policy, LadderWithoutRetention);
        var member = new MemberId(5);
        var t = Local(2026, 4, 1);
        var result = program.Evaluate(program.Enrol(member, t),
        [
            new GrowthActivity(new(1), member, t, kind) { Rank = 9 },
            new GrowthActivity(new(2), member, t, kind) { Rank = 9 },
        ], t);
        Assert.Equal(25, result.State.Balance); // 18 + 7 (capped at 25 a day)
    }

    [Theory]
    [InlineData("{ \"currency\": \"CNY\", \"timeZone\": \"UTC\", \"sources\": [ { \"kind\": \"sign-in\", \"rule\": \"magic\", \"points\": 1 } ] }", "$.sources[0].rule", "magic")]
    [InlineData("{ \"currency\": \"CNY\", \"timeZone\": \"UTC\", \"sources\": [ { \"kind\": \"sign-in\", \"rule\": \"per-activity\", \"points\": \"ten\" } ] }", "$.sources[0].points", "\"ten\"")]
    [InlineData("{ \"currency\": \"CNY\", \"timeZone\": \"UTC\", \"sources\": [ { \"kind\": \"task.completed\", \"rule\": \"per-activity\", \"points\": 5, \"dailyCap\": -1 } ] }", "$.sources[0].dailyCap", "-1")]
    [InlineData("{ \"currency\": \"CNY\", \"timeZone\": \"Mars/Olympus\", \"sources\": [] }", "$.timeZone", "Mars/Olympus")]
    [InlineData("{ \"currency\": \"XXX\", \"timeZone\": \"UTC\", \"sources\": [] }", "$.currency", "XXX")]
    [InlineData("{ \"currency\": \"CNY\", \"timeZone\": \"UTC\", \"sources\": [], \"bonus\": 1 }", "$.bonus", "1")]
    [InlineData("{ \"currency\": \"CNY\", \"timeZone\": \"UTC\", \"sources\": [ { \"kind\": \"referral.bound\", \"rule\": \"per-activity\", \"points\": 50 } ] }", "$.sources[0].kind", "referral.bound")]
    [InlineData("{ \"currency\": \"CNY\", \"timeZone\": \"UTC\", \"sources\": [ { \"kind\": \"sign-in\", \"rule\": \"sign-in-streak\", \"points\": 5, \"streakBonuses\": [ { \"day\": 0, \"points\": 3 } ] } ] }", "$.sources[0].streakBonuses[0].day", "0")]
    public void A_wrong_document_is_refused_naming_the_path_and_the_value(string json, string path, string value)
    {
        var e = Assert.Throws<GrowthPolicyException>(() => GrowthPolicy.FromJson(json));
        Assert.Equal(path, e.Path);
        Assert.Equal(value, e.Value);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_setting_of_a_built_in_rule_names_its_path()
    {
        var e = Assert.Throws<GrowthPolicyException>(() => GrowthPolicy.FromJson(
            "{ \"currency\": \"CNY\", \"timeZone\": \"UTC\", \"sources\": [ { \"kind\": \"order.completed\", \"rule\": \"per-currency-unit\" } ] }"));
        Assert.Equal("$.sources[0].pointsPerUnit", e.Path);
    }

    [Fact]
    public void Malformed_json_is_refused_with_its_position()
    {
        var e = Assert.Throws<GrowthPolicyException>(() => GrowthPolicy.FromJson("{ \"currency\": \"CNY\", \"sources\": [ { \"kind\": } ] }"));
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.Path);
    }

    [Fact]
    public void Two_sources_for_one_kind_are_refused()
    {
        var e = Assert.Throws<GrowthPolicyException>(() => new GrowthPolicy(Currency.CNY, Shanghai,
        [
            new GrowthSource(GrowthActivityKind.ReviewPosted, GrowthRules.PerActivity(1)),
            new GrowthSource(GrowthActivityKind.ReviewPosted, GrowthRules.PerActivity(2)),
        ]));
        Assert.Equal("$.sources[1].kind", e.Path);
    }
}
