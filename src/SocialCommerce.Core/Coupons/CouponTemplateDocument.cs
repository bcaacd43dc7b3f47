using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime.Text;
using SocialCommerce.Checkout;

namespace SocialCommerce.Coupons;

/// <summary>Reads a coupon template from its JSON document, naming the JSON path and value of any fault.</summary>
internal static class CouponTemplateDocument
{
    private const string Missing = "(missing)";
    private static readonly HashSet<string> Properties = ["templateId", "currency", "offer", "totalLimit", "perMemberLimit", "validity", "scope", "stacking", "newMembersOnly"];

    public static CouponTemplate Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is long line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : string.Empty;
            throw new CouponTemplateFormatException(ex.Path ?? "$", "(unparsable)", "is not well-formed JSON" + where + ".", ex);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static CouponTemplate Read(JsonElement root)
    {
        Known(root, "$", Properties, "a coupon template");
        var templateId = String(root, "templateId", "$.templateId");
        if (!Limits.IsValidId(templateId))
        {
            throw Fault("$.templateId", root.GetProperty("templateId"), $"should be 1 to {Limits.MaxIdLength} characters without control characters.");
        }

        var code = String(root, "currency", "$.currency");
        if (!Currency.TryFromCode(code, out var currency))
        {
            throw Fault("$.currency", root.GetProperty("currency"), "is not a known ISO-4217 currency code.");
        }

        var offer = ReadOffer(Required(root, "offer", "$.offer"), currency);
        var total = Int(Required(root, "totalLimit", "$.totalLimit"), "$.totalLimit");
        var perMember = Int(Required(root, "perMemberLimit", "$.perMemberLimit"), "$.perMemberLimit");
        var validity = ReadValidity(Required(root, "validity", "$.validity"));
        var scope = Optional(root, "scope", out var s) ? ReadScope(s) : null;
        var stacking = Optional(root, "stacking", out var st) ? ReadStacking(st) : CouponStacking.OnePerTemplate;
        var newOnly = Optional(root, "newMembersOnly", out var n) && Bool(n, "$.newMembersOnly");
        try
        {
            return new CouponTemplate(templateId, offer, total, perMember, validity, scope, stacking, newOnly);
        }
        catch (ArgumentException ex)
        {
            var path = ex.ParamName == "perMemberLimit" ? "$.perMemberLimit" : "$.totalLimit";
            throw Fault(path, root.GetProperty(path[2..]), ex.Message, ex);
        }
    }

    private static CouponOffer ReadOffer(JsonElement offer, Currency currency)
    {
        const string path = "$.offer";
        if (offer.ValueKind != JsonValueKind.Object)
        {
            throw Fault(path, offer, "should be an object with a \"kind\": amountOff, percentOff or spendAndSave.");
        }

        var kind = String(offer, "kind", path + ".kind");
        HashSet<string> allowed = kind switch
        {
            "amountOff" => ["kind", "amount", "minimumSpend"],
            "percentOff" => ["kind", "percent", "cap", "minimumSpend"],
            "spendAndSave" => ["kind", "threshold", "off"],
            _ => throw Fault(path + ".kind", offer.GetProperty("kind"), "should be one of amountOff, percentOff, spendAndSave."),
        };
        Known(offer, path, allowed, $"a \"{kind}\" offer");
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
            throw Fault(path + "." + field, offer.TryGetProperty(field, out var value) ? value : default, ex.Message, ex);
        }
    }

    private static CouponValidity ReadValidity(JsonElement validity)
    {
        const string path = "$.validity";
        if (validity.ValueKind != JsonValueKind.Object)
        {
            throw Fault(path, validity, "should be { \"days\": n } or { \"from\": instant, \"until\": instant }.");
        }

        var days = Optional(validity, "days", out var d);
        Known(validity, path, days ? ["days"] : ["from", "until"], "a validity");
        try
        {
            return days
                ? CouponValidity.DaysFromIssue(Int(d, path + ".days"))
                : CouponValidity.Between(Instant(validity, "from", path), Instant(validity, "until", path));
        }
        catch (ArgumentException ex) when (ex is not CouponTemplateFormatException)
        {
            var field = days ? "days" : ex.ParamName == "from" ? "from" : "until";
            throw Fault(path + "." + field, validity.TryGetProperty(field, out var value) ? value : default, ex.Message, ex);
        }
    }

    private static CouponScope ReadScope(JsonElement scope)
    {
        const string path = "$.scope";
        if (scope.ValueKind != JsonValueKind.Object)
        {
            throw Fault(path, scope, "should be { \"categories\": [...] } or { \"products\": [...] }.");
        }

        var categories = Optional(scope, "categories", out var items);
        Known(scope, path, categories ? ["categories"] : ["products"], "a scope");
        var field = categories ? "categories" : "products";
        if (!categories)
        {
            items = Required(scope, "products", path + ".products");
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            throw Fault(path + "." + field, items, "should be an array of strings.");
        }

        var keys = new List<string>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            keys.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Fault(string.Create(CultureInfo.InvariantCulture, $"{path}.{field}[{index}]"), item, "should be a string."));
            index++;
        }

        try
        {
            return categories ? CouponScope.Categories(keys) : CouponScope.Products(keys);
        }
        catch (ArgumentException ex)
        {
            throw Fault(path + "." + field, items, ex.Message, ex);
        }
    }

    private static CouponStacking ReadStacking(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() switch
    {
        "onePerOrder" => CouponStacking.OnePerOrder,
        "onePerTemplate" => CouponStacking.OnePerTemplate,
        _ => throw Fault("$.stacking", value, "should be onePerOrder or onePerTemplate."),
    } : throw Fault("$.stacking", value, "should be onePerOrder or onePerTemplate.");

    private static void Known(JsonElement element, string path, HashSet<string> allowed, string what)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw Fault(path + "." + property.Name, property.Value, $"is not a property of {what}.");
            }
        }
    }

    private static Money Amount(JsonElement parent, string property, string path, Currency currency) =>
        AmountOf(Required(parent, property, path + "." + property), path + "." + property, currency);

    private static Money? OptionalAmount(JsonElement parent, string property, string path, Currency currency) =>
        Optional(parent, property, out var value) ? AmountOf(value, path + "." + property, currency) : null;

    private static Money AmountOf(JsonElement value, string path, Currency currency)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var amount))
        {
            throw Fault(path, value, "should be a decimal number.");
        }

        var money = new Money(amount, currency);
        return Limits.IsSupported(money) && amount > 0 ? money : throw Fault(path, value, $"should be a positive amount in whole minor units of {currency.Code}, at most {Limits.MaxMinorUnits} of them.");
    }

    private static Rate Percent(JsonElement offer, string path)
    {
        var value = Required(offer, "percent", path + ".percent");
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var percent) && percent is > 0 and <= 100
            ? Rate.Percent(percent)
            : throw Fault(path + ".percent", value, "should be a number above 0 and at most 100.");
    }

    private static NodaTime.Instant Instant(JsonElement parent, string property, string path)
    {
        var value = Required(parent, property, path + "." + property);
        var parsed = value.ValueKind == JsonValueKind.String ? InstantPattern.ExtendedIso.Parse(value.GetString()!) : null;
        return parsed is { Success: true } && Limits.IsSupported(parsed.Value)
            ? parsed.Value
            : throw Fault(path + "." + property, value, "should be a supported instant written in ISO 8601 UTC, e.g. \"2026-11-11T00:00:00Z\".");
    }

    private static JsonElement Required(JsonElement parent, string property, string path) =>
        parent.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value : throw new CouponTemplateFormatException(path, Missing, "is required.");

    private static bool Optional(JsonElement parent, string property, out JsonElement value) =>
        parent.TryGetProperty(property, out value) && value.ValueKind != JsonValueKind.Null;

    private static string String(JsonElement parent, string property, string path)
    {
        var value = Required(parent, property, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Fault(path, value, "should be a string.");
    }

    private static int Int(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Fault(path, value, "should be a whole number.");

    private static bool Bool(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Fault(path, value, "should be true or false."),
    };

    private static CouponTemplateFormatException Fault(string path, JsonElement value, string problem, Exception? inner = null) =>
        new(path, value.ValueKind == JsonValueKind.Undefined ? Missing : value.GetRawText(), problem, inner);
}
