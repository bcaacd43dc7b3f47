using System;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using SocialCommerce.GroupBuying;

namespace SocialCommerce.Core.Tests.GroupBuying;

/// <summary>Campaign documents (issue 28): the guide's document loads into the campaign built in code; every fault names its JSON path.</summary>
public sealed class CampaignDocumentExamples
{
    private static readonly Instant Starts = Instant.FromUtc(2026, 12, 12, 0, 0);

    // The ```json block after the <!-- campaign-document --> marker in docs/group-buying.md.
    private static string GuideDocument()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "SocialCommerce.sln")))
        {
            dir = dir.Parent;
        }

        var guide = File.ReadAllText(Path.Combine(dir.FullName, "docs", "group-buying.md"));
        var start = guide.IndexOf("```json", guide.IndexOf("<!-- campaign-document -->", StringComparison.Ordinal), StringComparison.Ordinal) + "```json".Length;
        return guide[start..guide.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static GroupBuyCampaign InCode() => GroupBuyCampaign.Create("double-12", new GroupBuyCampaignOptions
    {
        Starts = Starts,
        Ends = Starts + Duration.FromDays(1),
        Skus =
        [
            new CampaignSku("TEA-250G", new Money(39.90m, Currency.CNY), 500),
            new CampaignSku("TEA-SET", new Money(129m, Currency.CNY), 40) { Tiers = [new PriceTier(3, new Money(129m, Currency.CNY)), new PriceTier(5, new Money(119m, Currency.CNY))] },
        ],
        MaxUnitsPerOrder = 3,
        MaxUnitsPerMember = 6,
        MaxGroupsPerMember = 2,
        RefundReturnsQuota = false,
        Rule = GroupBuyRule.Create("threes", Currency.CNY).RequireParticipants(3).AllowUpTo(5).WithTimeLimit(Duration.FromHours(2)).AddTier(3, 0m)
            .AllowUnitsPerParticipant(3).OnLeaderLeaving(HandOverDeadline.Reset, perkMovesToNewLeader: true).Build(),
    });

    [Fact]
    public void The_guide_s_document_loads_into_the_campaign_built_in_code()
    {
        var json = GuideDocument();
        var loaded = GroupBuyCampaign.FromJson(json);
        var code = InCode();
        Assert.Equal((code.Name, code.Starts, code.Ends, code.MaxUnitsPerOrder, code.MaxUnitsPerMember, code.MaxGroupsPerMember, code.RefundReturnsQuota), (loaded.Name, loaded.Starts, loaded.Ends, loaded.MaxUnitsPerOrder, loaded.MaxUnitsPerMember, loaded.MaxGroupsPerMember, loaded.RefundReturnsQuota));
        Assert.Equal(code.Skus.Select(s => (s.SkuId, s.CampaignPrice, s.Quota)), loaded.Skus.Select(s => (s.SkuId, s.CampaignPrice, s.Quota)));
        Assert.Equal(code.Skus[1].Tiers, loaded.Skus[1].Tiers);
        Assert.Null(loaded.Skus[0].Tiers);
        foreach (var sku in code.Skus)
        {
            Assert.Equal(code.RuleFor(sku.SkuId).Version, loaded.RuleFor(sku.SkuId).Version); // the content version: every term equal
            Assert.Equal(code.RuleFor(sku.SkuId).Name, loaded.RuleFor(sku.SkuId).Name);
        }

        Assert.Equal(code.RuleFor("TEA-SET").Version, GroupBuyCampaign.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(json))).RuleFor("TEA-SET").Version);
        Assert.NotEqual(code.RuleFor("TEA-SET").Version, GroupBuyCampaign.FromJson(json.Replace("\"price\": 119", "\"price\": 118", StringComparison.Ordinal)).RuleFor("TEA-SET").Version);

        // Without a rule, limits and the refund term: a quota-only campaign, refunds returning units.
        var plain = GroupBuyCampaign.FromJson("""
            { "name": "q", "currency": "JPY", "starts": "2026-12-12T00:00:00Z", "ends": "2026-12-12T01:00:00Z",
              "skus": [ { "skuId": "A", "price": 500, "quota": 1 } ], "maxUnitsPerOrder": null }
            """);
        Assert.Equal((null, null, true, (int?)null), (plain.Rule, plain.MaxUnitsPerOrder, plain.RefundReturnsQuota, plain.MaxGroupsPerMember));
    }

    [Theory]
    [InlineData("\"maxUnitsPerOrder\": 3", "\"maxUnitsPerOrder\": 3, \"colour\": \"red\"", "$.colour", "not a known property")]
    [InlineData("\"quota\": 40", "\"quota\": 0", "$.skus[1]", "the quota should be 1 to 100000000")]
    [InlineData("\"quota\": 40", "\"quota\": 4.5", "$.skus[1].quota", "whole number")]
    [InlineData("\"quota\": 500 }", "\"quota\": 500, \"size\": 1 }", "$.skus[0].size", "not a known property of a campaign SKU")]
    [InlineData("\"price\": 39.90", "\"price\": 39.905", "$.skus[0]", "whole minor units")]
    [InlineData("\"starts\": \"2026-12-12T00:00:00Z\"", "\"starts\": \"12/12/2026\"", "$.starts", "ISO-8601")]
    [InlineData("\"ends\": \"2026-12-13T00:00:00Z\"", "\"ends\": \"2026-12-11T00:00:00Z\"", "$.ends", "should be after Starts")]
    [InlineData("\"maxUnitsPerMember\": 6", "\"maxUnitsPerMember\": 0", "$.maxUnitsPerMember", "should be 1 to")]
    [InlineData("\"currency\": \"CNY\",\n  \"starts\"", "\"currency\": \"XXY\",\n  \"starts\"", "$.currency", "ISO-4217")]
    [InlineData("\"requiredParticipants\": 3", "\"requiredParticipants\": 1", "$.rule.requiredParticipants", "")]
    [InlineData("\"refundReturnsQuota\": false", "\"refundReturnsQuota\": \"no\"", "$.refundReturnsQuota", "true or false")]
    [InlineData("\"skuId\": \"TEA-SET\"", "\"skuId\": \"TEA-250G\"", "$", "listed twice")]
    [InlineData("\"name\": \"double-12\",", "\"name\": \"double-12\"", "$", "not well-formed JSON")]
    public void A_fault_names_its_path_and_problem(string replace, string with, string path, string problem)
    {
        var json = GuideDocument();
        Assert.Contains(replace, json, StringComparison.Ordinal);
        var error = Assert.Throws<GroupBuyCampaignFormatException>(() => GroupBuyCampaign.FromJson(json.Replace(replace, with, StringComparison.Ordinal)));
        Assert.True(error.Path.StartsWith(path, StringComparison.Ordinal), $"{error.Path} for {with}: {error.Message}");
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
