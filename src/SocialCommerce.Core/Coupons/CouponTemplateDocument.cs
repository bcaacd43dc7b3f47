using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime.Text;
using SocialCommerce.Checkout;
using SocialCommerce.Serialization;

namespace SocialCommerce.Coupons;

/// <summary>Reads a coupon template from its JSON document, naming the JSON path and value of any fault.</summary>
internal static class CouponTemplateDocument
{
    private static readonly HashSet<string> Properties = ["templateId", "currency", "offer", "totalLimit", "perMemberLimit", "validity", "scope", "stacking", "newMembersOnly"];
    private static readonly HashSet<string> Days = ["days"];
    private static readonly HashSet<string> Window = ["from", "until"];
    private static readonly HashSet<string> CategoryScope = ["categories"];
    private static readonly HashSet<string> ProductScope = ["products"];
    private static readonly DocumentReader R = new(static (path, value, problem, inner) => new CouponTemplateFormatException(path, value, problem, inner));

    public static CouponTemplate Parse(string json)
    {
        using var document = R.Parse(json);
        return Read(document.RootElement);
    }

    private static CouponTemplate Read(JsonElement root)
    {
        R.Object(root, "$", Properties, "a coupon template");
        var templateId = R.String(root, "templateId", "$.templateId");
        if (!Limits.IsValidId(templateId))
        {
            throw R.Fault("$.templateId", root.GetProperty("templateId"), $"should be 1 to {Limits.MaxIdLength} characters without control characters.");
        }

        var currency = R.Currency(root, "currency", "$.currency");

        var offer = ReadOffer(R.Required(root, "offer", "$.offer"), currency);
        var total = R.Int(R.Required(root, "totalLimit", "$.totalLimit"), "$.totalLimit");
        var perMember = R.Int(R.Required(root, "perMemberLimit", "$.perMemberLimit"), "$.perMemberLimit");
        var validity = ReadValidity(R.Required(root, "validity", "$.validity"));
        var scope = Optional(root, "scope", out var s) ? ReadScope(s) : null;
        var stacking = Optional(root, "stacking", out var st) ? ReadStacking(st) : CouponStacking.OnePerTemplate;
        var newOnly = Optional(root, "newMembersOnly", out var n) && R.Bool(n, "$.newMembersOnly");
        try
        {
            return new CouponTemplate(templateId, offer, total, perMember, validity, scope, stacking, newOnly);
        }
        catch (ArgumentException ex)
        {
            var path = ex.ParamName == "perMemberLimit" ? "$.perMemberLimit" : "$.totalLimit";
            throw R.Fault(path, root.GetProperty(path[2..]), ex.Message, ex);
        }
    }

    private static CouponOffer ReadOffer(JsonElement offer, Currency currency)
    {
        const string path = "$.offer";
        if (offer.ValueKind != JsonValueKind.Object)
        {
            throw R.Fault(path, offer, "should be an object with a \"kind\": amountOff, percentOff or spendAndSave.");
        }

        var kind = R.String(offer, "kind", path + ".kind");
        HashSet<string> allowed = kind switch
        {
            "amountOff" => ["kind", "amount", "minimumSpend"],
            "percentOff" => ["kind", "percent", "cap", "minimumSpend"],
            "spendAndSave" => ["kind", "threshold", "off"],
            _ => throw R.Fault(path + ".kind", offer.GetProperty("kind"), "should be one of amountOff, percentOff, spendAndSave."),
        };
        R.Object(offer, path, allowed, $"a \"{kind}\" offer");
        try
        {
            return kind switch
            {
                "amountOff" => CouponOffer.AmountOff(Amount(offer, "amount", path, currency), OptionalAmount(offer, "minimumSpend", path, currency)),
                "percentOff" => CouponOffer.PercentOff(Percent(offer, path), OptionalAmount(offer, "cap", path, currency), OptionalAmount(offer, "minimumSpend", path, currency)),
                _ => CouponOffer.SpendAndSave(Amount(offer, "threshold", path, currency), Amount(offer, "off", path, currency)),
            };
        }
        catch (ArgumentException ex) when (ex is not CouponTemplateFormatException)
        {
            var field = ex.ParamName switch
            {
                "off" when kind == "amountOff" => "amount",
                "percent" or "cap" or "minimumSpend" or "threshold" or "off" => ex.ParamName,
                _ => "kind",
            };
            throw R.Fault(path + "." + field, offer.TryGetProperty(field, out var value) ? value : default, ex.Message, ex);
        }
    }

    private static CouponValidity ReadValidity(JsonElement validity)
    {
        const string path = "$.validity";
        if (validity.ValueKind != JsonValueKind.Object)
        {
            throw R.Fault(path, validity, "should be { \"days\": n } or { \"from\": instant, \"until\": instant }.");
        }

        var days = Optional(validity, "days", out var d);
        R.Object(validity, path, days ? Days : Window, "a validity");
        try
        {
            return days
                ? CouponValidity.DaysFromIssue(R.Int(d, path + ".days"))
                : CouponValidity.Between(Instant(validity, "from", path), Instant(validity, "until", path));
        }
        catch (ArgumentException ex) when (ex is not CouponTemplateFormatException)
        {
            var field = days ? "days" : ex.ParamName == "from" ? "from" : "until";
            throw R.Fault(path + "." + field, validity.TryGetProperty(field, out var value) ? value : default, ex.Message, ex);
        }
    }

    private static CouponScope ReadScope(JsonElement scope)
    {
        const string path = "$.scope";
        if (scope.ValueKind != JsonValueKind.Object)
        {
            throw R.Fault(path, scope, "should be { \"categories\": [...] } or { \"products\": [...] }.");
        }

        var categories = Optional(scope, "categories", out var items);
        R.Object(scope, path, categories ? CategoryScope : ProductScope, "a scope");
        var field = categories ? "categories" : "products";
        if (!categories)
        {
            items = R.Required(scope, "products", path + ".products");
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            throw R.Fault(path + "." + field, items, "should be an array of strings.");
        }

        var keys = new List<string>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            keys.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw R.Fault(string.Create(CultureInfo.InvariantCulture, $"{path}.{field}[{index}]"), item, "should be a string."));
            index++;
        }

        try
        {
            return categories ? CouponScope.Categories(keys) : CouponScope.Products(keys);
        }
        catch (ArgumentException ex)
        {
            throw R.Fault(path + "." + field, items, ex.Message, ex);
        }
    }

    private static CouponStacking ReadStacking(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() switch
    {
        "onePerOrder" => CouponStacking.OnePerOrder,
        "onePerTemplate" => CouponStacking.OnePerTemplate,
        _ => throw R.Fault("$.stacking", value, "should be onePerOrder or onePerTemplate."),
    } : throw R.Fault("$.stacking", value, "should be onePerOrder or onePerTemplate.");

    private static Money Amount(JsonElement parent, string property, string path, Currency currency) =>
        AmountOf(R.Required(parent, property, path + "." + property), path + "." + property, currency);

    private static Money? OptionalAmount(JsonElement parent, string property, string path, Currency currency) =>
        Optional(parent, property, out var value) ? AmountOf(value, path + "." + property, currency) : null;

    private static Money AmountOf(JsonElement value, string path, Currency currency)
    {
        var money = new Money(R.Decimal(value, path), currency);
        return Limits.IsSupported(money) && money.Amount > 0 ? money : throw R.Fault(path, value, $"should be a positive amount in whole minor units of {currency.Code}, at most {Limits.MaxMinorUnits} of them.");
    }

    private static Rate Percent(JsonElement offer, string path) => R.Percent(R.Required(offer, "percent", path + ".percent"), path + ".percent");

    private static NodaTime.Instant Instant(JsonElement parent, string property, string path)
    {
        var value = R.Required(parent, property, path + "." + property);
        var parsed = value.ValueKind == JsonValueKind.String ? InstantPattern.ExtendedIso.Parse(value.GetString()!) : null;
        return parsed is { Success: true } && Limits.IsSupported(parsed.Value)
            ? parsed.Value
            : throw R.Fault(path + "." + property, value, "should be a supported instant written in ISO 8601 UTC, e.g. \"2026-11-11T00:00:00Z\".");
    }

    private static bool Optional(JsonElement parent, string property, out JsonElement value) => DocumentReader.Optional(parent, property, out value);
}
