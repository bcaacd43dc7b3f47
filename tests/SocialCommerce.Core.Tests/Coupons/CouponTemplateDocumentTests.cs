using System;
using NodaTime;
using SocialCommerce.Checkout;
using SocialCommerce.Coupons;

namespace SocialCommerce.Core.Tests.Coupons;

/// <summary>Coupon templates as JSON documents (issue 27): what they say, and refusals that name the JSON path and the value.</summary>
public sealed class CouponTemplateDocumentTests
{
    public const string Double11 = """
        {
          "templateId": "double11",
          "currency": "CNY",
          "offer": { "kind": "amountOff", "amount": 20, "minimumSpend": 199 },
          "totalLimit": 1000,
          "perMemberLimit": 1,
          "validity": { "from": "2026-11-11T00:00:00Z", "until": "2026-11-12T00:00:00Z" },
          "scope": { "categories": ["tea", "snacks"] },
          "stacking": "onePerOrder",
          "newMembersOnly": false
        }
        """;

    public const string Members = """
        {
          "templateId": "members-day",
          "currency": "JPY",
          "offer": { "kind": "percentOff", "percent": 12.5, "cap": 500, "minimumSpend": 1000 },
          "totalLimit": 50,
          "perMemberLimit": 2,
          "validity": { "days": 7 },
          "scope": { "products": ["TEA-1", "TEA-2"] },
          "newMembersOnly": true
        }
        """;

    [Fact]
    public void A_document_gives_the_template_it_describes()
    {
        var template = CouponTemplate.FromJson(Double11);
        Assert.Equal(new CouponTemplate(
            "double11",
            CouponOffer.AmountOff(new Money(20m, Currency.CNY), new Money(199m, Currency.CNY)),
            1000,
            1,
            CouponValidity.Between(Instant.FromUtc(2026, 11, 11, 0, 0), Instant.FromUtc(2026, 11, 12, 0, 0)),
            CouponScope.Categories("tea", "snacks"),
            CouponStacking.OnePerOrder).ToApplied("C-1").Offer, template.ToApplied("C-1").Offer);
        Assert.Equal((1000, 1, CouponStacking.OnePerOrder, CouponScopeKind.Categories), (template.TotalLimit, template.PerMemberLimit, template.Stacking, template.Scope.Kind));

        var percent = CouponTemplate.FromJson("""{ "templateId": "p", "currency": "JPY", "offer": { "kind": "percentOff", "percent": 12.5, "cap": 500 }, "totalLimit": 10, "perMemberLimit": 2, "validity": { "days": 7 } }""");
        Assert.Equal(CouponOffer.PercentOff(Rate.Percent(12.5m), new Money(500m, Currency.JPY)), percent.Offer);
        Assert.Equal((CouponStacking.OnePerTemplate, CouponScopeKind.All, false), (percent.Stacking, percent.Scope.Kind, percent.NewMembersOnly));
        var spend = CouponTemplate.FromJson("""{ "templateId": "s", "currency": "CNY", "offer": { "kind": "spendAndSave", "threshold": 300, "off": 40 }, "totalLimit": 5, "perMemberLimit": 5, "validity": { "days": 1 }, "scope": { "products": ["TEA-1"] }, "newMembersOnly": true }""");
        Assert.Equal(CouponOffer.SpendAndSave(new Money(300m, Currency.CNY), new Money(40m, Currency.CNY)), spend.Offer);
        Assert.True(spend.NewMembersOnly);
    }

    [Theory]
    [InlineData("""{ "templateId": "x", "currency": "CNY", "offer": { "kind": "amountOff", "amount": 0.001 }, "totalLimit": 1, "perMemberLimit": 1, "validity": { "days": 1 } }""", "$.offer.amount", "0.001")]
    [InlineData("""{ "templateId": "x", "currency": "CNY", "offer": { "kind": "amountOff", "amount": 5 }, "totalLimit": 1, "perMemberLimit": 2, "validity": { "days": 1 } }""", "$.perMemberLimit", "2")]
    [InlineData("""{ "templateId": "x", "currency": "CNY", "offer": { "kind": "halfOff" }, "totalLimit": 1, "perMemberLimit": 1, "validity": { "days": 1 } }""", "$.offer.kind", "halfOff")]
    [InlineData("""{ "templateId": "x", "currency": "CNY", "offer": { "kind": "percentOff", "percent": 120 }, "totalLimit": 1, "perMemberLimit": 1, "validity": { "days": 1 } }""", "$.offer.percent", "120")]
    [InlineData("""{ "templateId": "x", "currency": "CNY", "offer": { "kind": "spendAndSave", "threshold": 30, "off": 40 }, "totalLimit": 1, "perMemberLimit": 1, "validity": { "days": 1 } }""", "$.offer.off", "40")]
    [InlineData("""{ "templateId": "x", "currency": "CNY", "offer": { "kind": "amountOff", "amount": 5 }, "totalLimit": 1, "perMemberLimit": 1, "validity": { "from": "2026-11-12T00:00:00Z", "until": "2026-11-11T00:00:00Z" } }""", "$.validity.until", "2026-11-11")]
    [InlineData("""{ "templateId": "x", "currency": "CNY", "offer": { "kind": "amountOff", "amount": 5 }, "totalLimit": 1, "perMemberLimit": 1, "validity": { "days": 1 }, "scope": { "categories": [""] } }""", "$.scope.categories", "[\"\"]")]
    [InlineData("""{ "templateId": "x", "currency": "CNY", "offer": { "kind": "amountOff", "amount": 5 }, "totalLimit": 1, "perMemberLimit": 1, "validity": { "days": 1 }, "stacking": "any" }""", "$.stacking", "any")]
    [InlineData("""{ "templateId": "x", "currency": "CNY", "offer": { "kind": "amountOff", "amount": 5 }, "perMemberLimit": 1, "validity": { "days": 1 } }""", "$.totalLimit", "(missing)")]
    [InlineData("""{ "templateId": "x", "currency": "XXX1", "offer": { "kind": "amountOff", "amount": 5 }, "totalLimit": 1, "perMemberLimit": 1, "validity": { "days": 1 } }""", "$.currency", "XXX1")]
    [InlineData("""{ "templateId": "x", "currency": "CNY", "offer": { "kind": "amountOff", "amount": 5, "percent": 3 }, "totalLimit": 1, "perMemberLimit": 1, "validity": { "days": 1 } }""", "$.offer.percent", "3")]
    [InlineData("""{ "templateId": "x", "currency": "CNY", "offer": { "kind": "amountOff", "amount": 5 }, "totalLimit": 1, "perMemberLimit": 1, "validity": { "days": 1 }, "colour": "red" }""", "$.colour", "red")]
    [InlineData("""{ "templateId": "x", "templateId": "y" }""", "$", "(unparsable)")]
    public void A_faulty_document_is_refused_naming_the_path_and_the_value(string json, string path, string value)
    {
        var error = Assert.Throws<CouponTemplateFormatException>(() => CouponTemplate.FromJson(json));
        Assert.Equal(path, error.Path);
        Assert.Contains(value, error.Value, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
