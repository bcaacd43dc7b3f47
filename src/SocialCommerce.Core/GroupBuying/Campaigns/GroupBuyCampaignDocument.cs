using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime.Text;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// Reads a group-buy campaign from its JSON document — its window, SKUs, limits and embedded group rule — naming the
/// JSON path and value of any fault. Every term is then checked by <see cref="GroupBuyCampaign.Create"/> as in code.
/// </summary>
internal static class GroupBuyCampaignDocument
{
    private const string Missing = "(missing)";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "name", "currency", "starts", "ends", "skus", "maxUnitsPerOrder", "maxUnitsPerMember", "maxGroupsPerMember", "refundReturnsQuota", "rule",
    };

    public static GroupBuyCampaign Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is long line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : string.Empty;
            throw new GroupBuyCampaignFormatException(ex.Path ?? "$", "(unparsable)", "is not well-formed JSON" + where + ".", ex);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static GroupBuyCampaign Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fault("$", root, "should be a JSON object.");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!Known.Contains(property.Name))
            {
                throw Fault("$." + property.Name, property.Value, "is not a known property of a group-buy campaign.");
            }
        }

        var name = Required(root, "name", JsonValueKind.String, "a string").GetString()!;
        var code = Required(root, "currency", JsonValueKind.String, "a string").GetString()!;
        if (!Currency.TryFromCode(code, out var currency))
        {
            throw Fault("$.currency", root.GetProperty("currency"), "is not a known ISO-4217 currency code.");
        }

        var options = new GroupBuyCampaignOptions
        {
            Starts = Instant(root, "starts"),
            Ends = Instant(root, "ends"),
            MaxUnitsPerOrder = OptionalInt(root, "maxUnitsPerOrder"),
            MaxUnitsPerMember = OptionalInt(root, "maxUnitsPerMember"),
            MaxGroupsPerMember = OptionalInt(root, "maxGroupsPerMember"),
            RefundReturnsQuota = !root.TryGetProperty("refundReturnsQuota", out var returns) || returns.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Fault("$.refundReturnsQuota", returns, "should be true or false."),
            },
        };

        var skus = Required(root, "skus", JsonValueKind.Array, "an array of SKUs");
        var index = 0;
        foreach (var sku in skus.EnumerateArray())
        {
            options.Skus.Add(ReadSku(sku, string.Create(CultureInfo.InvariantCulture, $"$.skus[{index++}]"), currency));
        }

        if (root.TryGetProperty("rule", out var rule) && rule.ValueKind != JsonValueKind.Null)
        {
            try
            {
                options.Rule = GroupBuyRuleDocument.Parse(rule.GetRawText());
            }
            catch (GroupBuyRuleFormatException ex)
            {
                throw new GroupBuyCampaignFormatException("$.rule" + ex.Path[1..], ex.Value, ex.Problem, ex);
            }
        }

        try
        {
            return GroupBuyCampaign.Create(name, options);
        }
        catch (ArgumentException ex)
        {
            var path = ex.ParamName switch
            {
                "name" => "$.name",
                "MaxUnitsPerOrder" => "$.maxUnitsPerOrder",
                "MaxUnitsPerMember" => "$.maxUnitsPerMember",
                "MaxGroupsPerMember" => "$.maxGroupsPerMember",
                _ when options.Ends <= options.Starts => "$.ends",
                _ => "$",
            };
            throw Fault(path, path == "$" ? root : root.GetProperty(path[2..]), ex.Message, ex);
        }
    }

    private static CampaignSku ReadSku(JsonElement sku, string path, Currency currency)
    {
        if (sku.ValueKind != JsonValueKind.Object)
        {
            throw Fault(path, sku, "should be an object { \"skuId\": id, \"price\": amount, \"quota\": units }.");
        }

        foreach (var property in sku.EnumerateObject())
        {
            if (property.Name is not ("skuId" or "price" or "quota" or "tiers"))
            {
                throw Fault(path + "." + property.Name, property.Value, "is not a known property of a campaign SKU.");
            }
        }

        var id = Required(sku, "skuId", JsonValueKind.String, "a string", path).GetString()!;
        var price = Decimal(Required(sku, "price", JsonValueKind.Number, "a decimal number", path), path + ".price");
        var quota = Int(Required(sku, "quota", JsonValueKind.Number, "a whole number", path), path + ".quota");
        List<PriceTier>? tiers = null;
        if (sku.TryGetProperty("tiers", out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind != JsonValueKind.Array)
            {
                throw Fault(path + ".tiers", given, "should be an array of { \"participants\": n, \"price\": amount }.");
            }

            tiers = [];
            var i = 0;
            foreach (var tier in given.EnumerateArray())
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"{path}.tiers[{i++}]");
                if (tier.ValueKind != JsonValueKind.Object)
                {
                    throw Fault(at, tier, "should be an object { \"participants\": n, \"price\": amount }.");
                }

                var participants = Int(Required(tier, "participants", JsonValueKind.Number, "a whole number", at), at + ".participants");
                var unitPrice = Decimal(Required(tier, "price", JsonValueKind.Number, "a decimal number", at), at + ".price");
                tiers.Add(Checked(() => new PriceTier(participants, new Money(unitPrice, currency)), at, tier));
            }
        }

        return Checked(() => new CampaignSku(id, new Money(price, currency), quota) { Tiers = tiers }, path, sku);
    }

    private static T Checked<T>(Func<T> make, string path, JsonElement value)
    {
        try
        {
            return make();
        }
        catch (ArgumentException ex)
        {
            throw Fault(path, value, ex.Message, ex);
        }
    }

    private static NodaTime.Instant Instant(JsonElement root, string property)
    {
        var value = Required(root, property, JsonValueKind.String, "an ISO-8601 instant (\"2026-12-12T00:00:00Z\")");
        var parsed = InstantPattern.ExtendedIso.Parse(value.GetString()!);
        return parsed.Success ? parsed.Value : throw Fault("$." + property, value, "should be an ISO-8601 instant in UTC (\"2026-12-12T00:00:00Z\").");
    }

    private static int? OptionalInt(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? Int(value, "$." + property) : null;

    private static JsonElement Required(JsonElement parent, string property, JsonValueKind kind, string what, string at = "$")
    {
        var path = at + "." + property;
        if (!parent.TryGetProperty(property, out var value))
        {
            throw new GroupBuyCampaignFormatException(path, Missing, "is required.");
        }

        return value.ValueKind == kind ? value : throw Fault(path, value, "should be " + what + ".");
    }

    private static int Int(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Fault(path, value, "should be a whole number.");

    private static decimal Decimal(JsonElement value, string path) =>
        value.TryGetDecimal(out var number) ? number : throw Fault(path, value, "should be a decimal number.");

    private static GroupBuyCampaignFormatException Fault(string path, JsonElement value, string problem, Exception? inner = null) =>
        new(path, value.ValueKind == JsonValueKind.Undefined ? Missing : value.GetRawText(), problem, inner);
}
