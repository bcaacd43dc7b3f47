using System;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// Reads a group-buy rule from its JSON document, naming the JSON path and value of any fault.
/// </summary>
internal static class GroupBuyRuleDocument
{
    private const string Missing = "(missing)";

    public static GroupBuyRule Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            var path = ex.Path ?? "$";
            var where = ex.LineNumber is long line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : string.Empty;
            throw new GroupBuyRuleFormatException(path, "(unparsable)", "is not well-formed JSON" + where + ".", ex);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static GroupBuyRule Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fault("$", root, "should be a JSON object.");
        }

        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "name":
                case "currency":
                case "requiredParticipants":
                case "maximumParticipants":
                case "timeLimit":
                case "tiers":
                case "leaderPerk":
                case "newMembersOnly":
                case "maxOpenGroupsPerMember":
                case "allowsSimulatedParticipants":
                case "minimumRealParticipants":
                case "minimumRealPercent":
                case "tierBasis":
                case "maxUnitsPerParticipant":
                case "leaderHandOver":
                    break;
                default:
                    throw Fault("$." + property.Name, property.Value, "is not a known property of a group-buy rule.");
            }
        }

        var name = RequiredString(root, "name", "$.name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Fault("$.name", root.GetProperty("name"), "should not be empty.");
        }

        var currencyCode = RequiredString(root, "currency", "$.currency");
        if (!Currency.TryFromCode(currencyCode, out var currency))
        {
            throw Fault("$.currency", root.GetProperty("currency"), "is not a known ISO-4217 currency code.");
        }

        var builder = GroupBuyRule.Create(name, currency);
        Apply(() => builder.RequireParticipants(RequiredInt(root, "requiredParticipants", "$.requiredParticipants")), root, "requiredParticipants");
        if (Optional(root, "maximumParticipants", out var maximum))
        {
            Apply(() => builder.AllowUpTo(Int(maximum, "$.maximumParticipants")), root, "maximumParticipants");
        }

        var timeLimitText = RequiredString(root, "timeLimit", "$.timeLimit");
        var parsed = DurationPattern.Roundtrip.Parse(timeLimitText);
        if (!parsed.Success)
        {
            throw Fault("$.timeLimit", root.GetProperty("timeLimit"), "should be a duration written D:hh:mm:ss, e.g. \"1:00:00:00\" for 24 hours.");
        }

        Apply(() => builder.WithTimeLimit(parsed.Value), root, "timeLimit");

        if (!root.TryGetProperty("tiers", out var tiers) || tiers.ValueKind != JsonValueKind.Array || tiers.GetArrayLength() == 0)
        {
            throw Fault("$.tiers", root.TryGetProperty("tiers", out var t) ? t : default, "should be a non-empty array of { \"participants\": n, \"price\": amount }.");
        }

        var index = 0;
        var read = new (int Participants, decimal Price, int Index)[tiers.GetArrayLength()];
        foreach (var tier in tiers.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.tiers[{index}]");
            read[index] = ReadTier(builder, tier, path, currency, index);
            index++;
        }

        CheckTierOrder(root, read);

        if (Optional(root, "leaderPerk", out var perk))
        {
            var leaderPerk = ReadPerk(perk, currency);
            Apply(() => builder.WithLeaderPerk(leaderPerk), root, "leaderPerk");
        }

        if (Optional(root, "newMembersOnly", out var newOnly))
        {
            builder.ForNewMembersOnly(Bool(newOnly, "$.newMembersOnly"));
        }

        if (Optional(root, "maxOpenGroupsPerMember", out var maxOpen))
        {
            Apply(() => builder.LimitOpenGroupsPerMember(Int(maxOpen, "$.maxOpenGroupsPerMember")), root, "maxOpenGroupsPerMember");
        }

        var simulated = Optional(root, "allowsSimulatedParticipants", out var allows) && Bool(allows, "$.allowsSimulatedParticipants");
        var hasMinimum = Optional(root, "minimumRealParticipants", out var minimumReal);
        var hasPercent = Optional(root, "minimumRealPercent", out var minimumPercent);
        if (simulated)
        {
            if (hasMinimum == hasPercent)
            {
                throw hasMinimum
                    ? Fault("$.minimumRealPercent", minimumPercent, "is given with minimumRealParticipants; give the threshold once, as a count or as a percent of the required seats.")
                    : new GroupBuyRuleFormatException("$.minimumRealParticipants", Missing, "is required when allowsSimulatedParticipants is true (or minimumRealPercent).");
            }

            if (hasMinimum)
            {
                Apply(() => builder.AllowSimulatedParticipants(Int(minimumReal, "$.minimumRealParticipants")), root, "minimumRealParticipants");
            }
            else
            {
                Apply(() => builder.AllowSimulatedParticipants(ReadPercent(minimumPercent, "$.minimumRealPercent")), root, "minimumRealPercent");
            }
        }
        else if (hasMinimum || hasPercent)
        {
            throw hasMinimum
                ? Fault("$.minimumRealParticipants", minimumReal, "applies only when allowsSimulatedParticipants is true.")
                : Fault("$.minimumRealPercent", minimumPercent, "applies only when allowsSimulatedParticipants is true.");
        }

        if (Optional(root, "tierBasis", out var basis))
        {
            builder.TierBy(basis.ValueKind == JsonValueKind.String ? basis.GetString() switch
            {
                "participants" => GroupBuyTierBasis.Participants,
                "units" => GroupBuyTierBasis.Units,
                _ => throw Fault("$.tierBasis", basis, "should be \"participants\" or \"units\"."),
            } : throw Fault("$.tierBasis", basis, "should be \"participants\" or \"units\"."));
        }

        if (Optional(root, "maxUnitsPerParticipant", out var maxUnits))
        {
            Apply(() => builder.AllowUnitsPerParticipant(Int(maxUnits, "$.maxUnitsPerParticipant")), root, "maxUnitsPerParticipant");
        }

        if (Optional(root, "leaderHandOver", out var handOver))
        {
            ReadHandOver(builder, handOver);
        }

        try
        {
            return builder.Build();
        }
        catch (GroupBuyRuleException ex)
        {
            throw new GroupBuyRuleFormatException(PathOf(ex.Field), ex.Value, ex.Message, ex);
        }
    }

    // Prices must not rise with the count: report the offending tier by its place in the document.
    private static void CheckTierOrder(JsonElement root, (int Participants, decimal Price, int Index)[] tiers)
    {
        var sorted = ((int Participants, decimal Price, int Index)[])tiers.Clone();
        Array.Sort(sorted, static (a, b) => a.Participants.CompareTo(b.Participants));
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Price > sorted[i - 1].Price)
            {
                var element = root.GetProperty("tiers")[sorted[i].Index].GetProperty("price");
                throw Fault(
                    string.Create(CultureInfo.InvariantCulture, $"$.tiers[{sorted[i].Index}].price"),
                    element,
                    string.Create(CultureInfo.InvariantCulture, $"should not be above the price of the tier for {sorted[i - 1].Participants} participants ({sorted[i - 1].Price})."));
            }
        }
    }

    private static (int Participants, decimal Price, int Index) ReadTier(GroupBuyRuleBuilder builder, JsonElement tier, string path, Currency currency, int index)
    {
        if (tier.ValueKind != JsonValueKind.Object)
        {
            throw Fault(path, tier, "should be an object { \"participants\": n, \"price\": amount }.");
        }

        foreach (var property in tier.EnumerateObject())
        {
            if (property.Name is not ("participants" or "price"))
            {
                throw Fault(path + "." + property.Name, property.Value, "is not a known property of a price tier.");
            }
        }

        var participants = RequiredInt(tier, "participants", path + ".participants");
        if (participants < 2)
        {
            throw Fault(path + ".participants", tier.GetProperty("participants"), "should be at least 2.");
        }

        var price = RequiredDecimal(tier, "price", path + ".price");
        if (price < 0m)
        {
            throw Fault(path + ".price", tier.GetProperty("price"), "should not be negative.");
        }

        if (!new Money(price, currency).IsWholeMinorUnits)
        {
            throw Fault(path + ".price", tier.GetProperty("price"), $"should be whole minor units of {currency.Code}.");
        }

        try
        {
            builder.AddTier(participants, price);
        }
        catch (GroupBuyRuleException ex)
        {
            throw Fault(path + ".participants", tier.GetProperty("participants"), ex.Message);
        }

        return (participants, price, index);
    }

    private static LeaderPerk ReadPerk(JsonElement perk, Currency currency)
    {
        const string path = "$.leaderPerk";
        if (perk.ValueKind != JsonValueKind.Object)
        {
            throw Fault(path, perk, "should be an object with a \"kind\": none, free, fixedDiscount or rateOff.");
        }

        var kind = RequiredString(perk, "kind", path + ".kind");
        foreach (var property in perk.EnumerateObject())
        {
            var known = property.Name == "kind"
                || (property.Name == "amount" && kind == "fixedDiscount")
                || (property.Name == "percent" && kind == "rateOff");
            if (!known)
            {
                throw Fault(path + "." + property.Name, property.Value, $"is not a property of a \"{kind}\" leader perk.");
            }
        }

        switch (kind)
        {
            case "none":
                return LeaderPerk.None;
            case "free":
                return LeaderPerk.Free;
            case "fixedDiscount":
                var amount = RequiredDecimal(perk, "amount", path + ".amount");
                try
                {
                    return LeaderPerk.FixedDiscount(new Money(amount, currency));
                }
                catch (ArgumentOutOfRangeException ex)
                {
                    throw Fault(path + ".amount", perk.GetProperty("amount"), ex.Message);
                }

            case "rateOff":
                var percent = RequiredDecimal(perk, "percent", path + ".percent");
                try
                {
                    return LeaderPerk.Off(Rate.Percent(percent));
                }
                catch (ArgumentOutOfRangeException ex)
                {
                    throw Fault(path + ".percent", perk.GetProperty("percent"), ex.Message);
                }

            default:
                throw Fault(path + ".kind", perk.GetProperty("kind"), "should be one of none, free, fixedDiscount, rateOff.");
        }
    }

    private static Rate ReadPercent(JsonElement value, string path)
    {
        var percent = value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : throw Fault(path, value, "should be a decimal number.");
        try
        {
            return Rate.Percent(percent);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw Fault(path, value, ex.Message);
        }
    }

    private static void ReadHandOver(GroupBuyRuleBuilder builder, JsonElement handOver)
    {
        const string path = "$.leaderHandOver";
        if (handOver.ValueKind != JsonValueKind.Object)
        {
            throw Fault(path, handOver, "should be an object { \"deadline\": \"kept\" or \"reset\", \"perkMoves\": true or false }.");
        }

        foreach (var property in handOver.EnumerateObject())
        {
            if (property.Name is not ("deadline" or "perkMoves"))
            {
                throw Fault(path + "." + property.Name, property.Value, "is not a known property of a leader hand-over.");
            }
        }

        var deadline = HandOverDeadline.Kept;
        if (Optional(handOver, "deadline", out var d))
        {
            deadline = d.ValueKind == JsonValueKind.String && d.GetString() is "kept" or "reset"
                ? (d.GetString() == "reset" ? HandOverDeadline.Reset : HandOverDeadline.Kept)
                : throw Fault(path + ".deadline", d, "should be \"kept\" or \"reset\".");
        }

        var perkMoves = !Optional(handOver, "perkMoves", out var p) || Bool(p, path + ".perkMoves");
        builder.OnLeaderLeaving(deadline, perkMoves);
    }

    private static void Apply(Action action, JsonElement parent, string property)
    {
        try
        {
            action();
        }
        catch (GroupBuyRuleException ex)
        {
            throw Fault("$." + property, parent.GetProperty(property), ex.Message);
        }
    }

    private static bool Optional(JsonElement parent, string property, out JsonElement value) =>
        parent.TryGetProperty(property, out value) && value.ValueKind != JsonValueKind.Null;

    private static string RequiredString(JsonElement parent, string property, string path)
    {
        if (!parent.TryGetProperty(property, out var value))
        {
            throw new GroupBuyRuleFormatException(path, Missing, "is required.");
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Fault(path, value, "should be a string.");
    }

    private static int RequiredInt(JsonElement parent, string property, string path) =>
        parent.TryGetProperty(property, out var value) ? Int(value, path) : throw new GroupBuyRuleFormatException(path, Missing, "is required.");

    private static decimal RequiredDecimal(JsonElement parent, string property, string path)
    {
        if (!parent.TryGetProperty(property, out var value))
        {
            throw new GroupBuyRuleFormatException(path, Missing, "is required.");
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw Fault(path, value, "should be a decimal number.");
    }

    private static int Int(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Fault(path, value, "should be a whole number.");

    private static bool Bool(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Fault(path, value, "should be true or false."),
    };

    private static string PathOf(string field) => field switch
    {
        nameof(GroupBuyRule.RequiredParticipants) => "$.requiredParticipants",
        nameof(GroupBuyRule.MaximumParticipants) => "$.maximumParticipants",
        nameof(GroupBuyRule.TimeLimit) => "$.timeLimit",
        nameof(GroupBuyRule.MinimumRealParticipants) => "$.minimumRealParticipants",
        nameof(GroupBuyRule.MinimumRealShare) => "$.minimumRealPercent",
        nameof(GroupBuyRule.MaxUnitsPerParticipant) => "$.maxUnitsPerParticipant",
        nameof(GroupBuyRule.LeaderPerk) => "$.leaderPerk",
        _ => "$.tiers",
    };

    private static GroupBuyRuleFormatException Fault(string path, JsonElement value, string problem) =>
        new(path, value.ValueKind == JsonValueKind.Undefined ? Missing : value.GetRawText(), problem);
}
