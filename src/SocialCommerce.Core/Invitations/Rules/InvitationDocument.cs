using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace SocialCommerce.Invitations;

/// <summary>Reads a bargain or assist rule from its JSON document, naming the JSON path and value of any fault.</summary>
internal static class InvitationDocument
{
    private static readonly HashSet<string> Common = ["kind", "name", "currency", "timeLimit", "helpers", "eligibility", "helpsPerHelper", "helpsPerHelperPerDay", "dayZone", "allowsPaidHelp"];
    private static readonly HashSet<string> Bargain = ["startPrice", "floor", "minimumCut", "curve", "firstHelpPercent", "atDeadline", "disclosesSchedule"];
    private static readonly HashSet<string> Assist = ["reward"];

    public static InvitationRule Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new InvitationRuleException("(unnamed)", ex.Path ?? "$", "(unparsable)", "is not well-formed JSON: " + ex.Message);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static InvitationRule Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fault("(unnamed)", "$", root, "should be a JSON object.");
        }

        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } s ? s : throw Fault("(unnamed)", "$.name", n, "should be a non-empty string.");
        var kind = root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        var isBargain = string.Equals(kind, "bargain", StringComparison.OrdinalIgnoreCase);
        if (!isBargain && !string.Equals(kind, "assist", StringComparison.OrdinalIgnoreCase))
        {
            throw Fault(name, "$.kind", k, "should be \"bargain\" or \"assist\".");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!Common.Contains(property.Name) && !(isBargain ? Bargain : Assist).Contains(property.Name))
            {
                throw Fault(name, "$." + property.Name, property.Value, "is not a known property of " + (isBargain ? "a bargain" : "an assist") + " rule.");
            }
        }

        var currency = Currency.TryFromCode(String(root, "currency", name), out var c) ? c : throw Fault(name, "$.currency", root.GetProperty("currency"), "is not a known ISO-4217 currency code.");
        InvitationRuleOptions options = isBargain ? ReadBargain(root, name, currency) : ReadAssist(root, name, currency);
        options.Helpers = Int(root, "helpers", name) ?? throw Fault(name, "$.helpers", default, "is required.");
        if (Optional(root, "timeLimit", out var limit))
        {
            var parsed = limit.ValueKind == JsonValueKind.String ? DurationPattern.Roundtrip.Parse(limit.GetString()!) : null;
            options.TimeLimit = parsed is { Success: true } ? parsed.Value : throw Fault(name, "$.timeLimit", limit, "should be a duration written D:hh:mm:ss, e.g. \"1:00:00:00\" for 24 hours.");
        }

        if (Optional(root, "eligibility", out var eligibility))
        {
            options.Eligibility = EnumOf<HelperEligibility>(eligibility, "$.eligibility", name);
        }

        options.HelpsPerHelper = Int(root, "helpsPerHelper", name) ?? 1;
        options.HelpsPerHelperPerDay = Int(root, "helpsPerHelperPerDay", name);
        if (Optional(root, "dayZone", out var zone))
        {
            options.DayZone = zone.ValueKind == JsonValueKind.String && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone.GetString()!) is { } z
                ? z
                : throw Fault(name, "$.dayZone", zone, "should be a tz database time-zone id, e.g. \"Asia/Shanghai\".");
        }

        options.AllowsPaidHelp = Bool(root, "allowsPaidHelp", name) ?? false;
        return isBargain ? BargainRule.Create(name, (BargainRuleOptions)options) : AssistRule.Create(name, (AssistRuleOptions)options);
    }

    private static BargainRuleOptions ReadBargain(JsonElement root, string name, Currency currency)
    {
        var options = new BargainRuleOptions
        {
            StartPrice = Amount(root, "startPrice", name, currency) ?? throw Fault(name, "$.startPrice", default, "is required."),
            Floor = Amount(root, "floor", name, currency) ?? throw Fault(name, "$.floor", default, "is required."),
            MinimumCut = Amount(root, "minimumCut", name, currency),
            DisclosesSchedule = Bool(root, "disclosesSchedule", name) ?? true,
        };
        if (Optional(root, "curve", out var curve))
        {
            options.Curve = EnumOf<CutCurve>(curve, "$.curve", name);
        }

        if (Optional(root, "atDeadline", out var atDeadline))
        {
            options.AtDeadline = EnumOf<DeadlineOutcome>(atDeadline, "$.atDeadline", name);
        }

        if (Optional(root, "firstHelpPercent", out var share))
        {
            var percent = Decimal(share, "$.firstHelpPercent", name);
            try
            {
                options.FirstHelpShare = Rate.Percent(percent);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw Fault(name, "$.firstHelpPercent", share, ex.Message);
            }
        }

        return options;
    }

    private static AssistRuleOptions ReadAssist(JsonElement root, string name, Currency currency)
    {
        if (!Optional(root, "reward", out var reward) || reward.ValueKind != JsonValueKind.Object)
        {
            throw Fault(name, "$.reward", reward, "should be an object: {\"kind\": \"coupon\", \"value\": \"20.00\"}, {\"kind\": \"freeItem\", \"item\": \"SKU\"} or {\"kind\": \"points\", \"points\": 200}.");
        }

        var kind = reward.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        foreach (var property in reward.EnumerateObject())
        {
            if (property.Name is not ("kind" or "value" or "item" or "points"))
            {
                throw Fault(name, "$.reward." + property.Name, property.Value, "is not a known property of an assist reward.");
            }
        }

        try
        {
            return new AssistRuleOptions
            {
                Reward = kind?.ToUpperInvariant() switch
                {
                    "COUPON" => AssistReward.Coupon(Amount(reward, "value", name, currency, "$.reward.value") ?? throw Fault(name, "$.reward.value", default, "is required for a coupon.")),
                    "FREEITEM" => AssistReward.FreeItem(reward.TryGetProperty("item", out var item) && item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Fault(name, "$.reward.item", item, "should be the item's SKU.")),
                    "POINTS" => AssistReward.PointsOf(reward.TryGetProperty("points", out var points) && points.ValueKind == JsonValueKind.Number && points.TryGetInt64(out var p) ? p : throw Fault(name, "$.reward.points", points, "should be a whole number of points.")),
                    _ => throw Fault(name, "$.reward.kind", k, "should be \"coupon\", \"freeItem\" or \"points\"."),
                },
            };
        }
        catch (ArgumentException ex) when (ex is not InvitationRuleException)
        {
            var field = kind?.ToUpperInvariant() switch { "FREEITEM" => "item", "POINTS" => "points", _ => "value" };
            reward.TryGetProperty(field, out var value);
            throw Fault(name, "$.reward." + field, value, ex.Message);
        }
    }

    private static bool Optional(JsonElement parent, string property, out JsonElement value) =>
        parent.TryGetProperty(property, out value) && value.ValueKind != JsonValueKind.Null;

    private static string? String(JsonElement parent, string property, string name) =>
        !Optional(parent, property, out var value) ? throw Fault(name, "$." + property, default, "is required.")
        : value.ValueKind == JsonValueKind.String ? value.GetString() : throw Fault(name, "$." + property, value, "should be a string.");

    private static int? Int(JsonElement parent, string property, string name) =>
        !Optional(parent, property, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : throw Fault(name, "$." + property, value, "should be a whole number.");

    private static bool? Bool(JsonElement parent, string property, string name) =>
        !Optional(parent, property, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fault(name, "$." + property, value, "should be true or false."),
        };

    private static Money? Amount(JsonElement parent, string property, string name, Currency currency, string? path = null)
    {
        if (!Optional(parent, property, out var value))
        {
            return null;
        }

        path ??= "$." + property;
        var amount = Decimal(value, path, name);
        var money = new Money(amount, currency);
        return Limits.IsSupported(money) ? money : throw Fault(name, path, value, "should be whole minor units of " + currency.Code + " within the supported range.");
    }

    private static decimal Decimal(JsonElement value, string path, string name) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
        JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw Fault(name, path, value, "should be a decimal number, e.g. \"9.90\"."),
    };

    private static T EnumOf<T>(JsonElement value, string path, string name)
        where T : struct, Enum =>
        value.ValueKind == JsonValueKind.String && Enum.TryParse<T>(value.GetString(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value.GetString(), out _)
            ? parsed
            : throw Fault(name, path, value, "should be one of " + string.Join(", ", Enum.GetNames<T>()) + ".");

    private static InvitationRuleException Fault(string name, string path, JsonElement value, string problem) =>
        new(name, path, value.ValueKind == JsonValueKind.Undefined ? "(missing)" : value.GetRawText(), problem);
}
