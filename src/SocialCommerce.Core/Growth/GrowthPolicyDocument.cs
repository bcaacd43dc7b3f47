using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace SocialCommerce.Growth;

/// <summary>Reads the JSON form of a <see cref="GrowthPolicy"/>, naming the path and value of anything wrong.</summary>
internal static class GrowthPolicyDocument
{
    public static GrowthPolicy Read(string json, GrowthRuleCatalog catalog)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : string.Empty;
            throw new GrowthPolicyException(e.Path ?? "$", null, $"The growth policy is not valid JSON{where}: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            RequireKind(root, JsonValueKind.Object, "$");
            Currency? currency = null;
            DateTimeZone? zone = null;
            var allowDebt = false;
            Duration? refundWindow = null;
            List<GrowthSource>? sources = null;
            foreach (var property in root.EnumerateObject())
            {
                var path = "$." + property.Name;
                var value = property.Value;
                switch (property.Name)
                {
                    case "currency":
                        var code = ReadString(value, path);
                        currency = Currency.TryFromCode(code, out var found) ? found : throw new GrowthPolicyException(path, code, "Unknown currency code.");
                        break;
                    case "timeZone":
                        var id = ReadString(value, path);
                        zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new GrowthPolicyException(path, id, "Unknown time zone (an IANA id such as Asia/Shanghai is expected).");
                        break;
                    case "allowDebt":
                        allowDebt = value.ValueKind switch
                        {
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            _ => throw Wrong(path, value, "a boolean"),
                        };
                        break;
                    case "sources":
                        sources = ReadSources(value, path, catalog);
                        break;
                    case "refundWindowDays":
                        refundWindow = value.ValueKind == JsonValueKind.Null ? null : Duration.FromDays(ReadLong(value, path, 0, Limits.MaxDuration.Days));
                        break;
                    default:
                        throw new GrowthPolicyException(path, value.GetRawText(), "Unknown field; expected currency, timeZone, allowDebt, refundWindowDays or sources.");
                }
            }

            if (currency is null)
            {
                throw new GrowthPolicyException("$.currency", null, "The growth policy needs a currency.");
            }

            if (zone is null)
            {
                throw new GrowthPolicyException("$.timeZone", null, "The growth policy needs a time zone.");
            }

            if (sources is null)
            {
                throw new GrowthPolicyException("$.sources", null, "The growth policy needs sources (an array, possibly empty).");
            }

            return new GrowthPolicy(currency, zone, sources, allowDebt, refundWindow);
        }
    }

    private static List<GrowthSource> ReadSources(JsonElement array, string path, GrowthRuleCatalog catalog)
    {
        RequireKind(array, JsonValueKind.Array, path);
        var sources = new List<GrowthSource>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            sources.Add(ReadSource(item, $"{path}[{index}]", catalog));
            index++;
        }

        return sources;
    }

    private static GrowthSource ReadSource(JsonElement source, string path, GrowthRuleCatalog catalog)
    {
        RequireKind(source, JsonValueKind.Object, path);
        string? kindName = null;
        string? ruleName = null;
        long? dailyCap = null;
        long? points = null;
        decimal? perUnit = null;
        int? cycle = null;
        IReadOnlyList<StreakBonus> bonuses = [];
        IReadOnlyList<long>? rankPoints = null;
        JsonElement? parameters = null;
        foreach (var property in source.EnumerateObject())
        {
            var p = path + "." + property.Name;
            var value = property.Value;
            switch (property.Name)
            {
                case "kind":
                    kindName = ReadString(value, p);
                    break;
                case "rule":
                    ruleName = ReadString(value, p);
                    break;
                case "dailyCap":
                    dailyCap = value.ValueKind == JsonValueKind.Null ? null : ReadLong(value, p, 0);
                    break;
                case "points":
                    points = ReadLong(value, p, -Limits.MaxPoints, Limits.MaxPoints);
                    break;
                case "pointsPerUnit":
                    perUnit = value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && d >= 0m && d <= Limits.MaxPointsPerUnit && Math.Round(d, 6, MidpointRounding.ToZero) == d
                        ? d
                        : throw Wrong(p, value, string.Create(CultureInfo.InvariantCulture, $"a number in [0, {Limits.MaxPointsPerUnit}] with at most 6 decimals"));
                    break;
                case "streakCycleDays":
                    cycle = checked((int)ReadLong(value, p, 1, Limits.MaxStreakDay));
                    break;
                case "streakBonuses":
                    bonuses = ReadBonuses(value, p);
                    break;
                case "rankPoints":
                    RequireKind(value, JsonValueKind.Array, p);
                    var ranks = new List<long>();
                    var i = 0;
                    foreach (var rank in value.EnumerateArray())
                    {
                        ranks.Add(ReadLong(rank, $"{p}[{i}]", 0, Limits.MaxPoints));
                        i++;
                    }

                    rankPoints = ranks;
                    break;
                case "parameters":
                    RequireKind(value, JsonValueKind.Object, p);
                    parameters = value.Clone();
                    break;
                default:
                    throw new GrowthPolicyException(p, value.GetRawText(), "Unknown field; expected kind, rule, dailyCap, points, pointsPerUnit, streakBonuses, streakCycleDays, rankPoints or parameters.");
            }
        }

        if (kindName is null)
        {
            throw new GrowthPolicyException(path + ".kind", null, "A source needs a kind.");
        }

        if (ruleName is null)
        {
            throw new GrowthPolicyException(path + ".rule", null, "A source needs a rule.");
        }

        if (!catalog.TryGetFactory(ruleName, out var factory))
        {
            throw new GrowthPolicyException(path + ".rule", ruleName, $"Unknown rule; known rules: {string.Join(", ", catalog.Names)}.");
        }

        var kind = new GrowthActivityKind(kindName);
        if (kind == GrowthActivityKind.MemberReferred)
        {
            throw new GrowthPolicyException(path + ".kind", kindName, "Recruitment alone never earns growth points: a referral earns only through the referred member's first completed order (referral.first-order).");
        }

        var settings = new GrowthRuleSettings(path, kind, ruleName)
        {
            Points = points,
            PointsPerUnit = perUnit,
            StreakBonuses = bonuses,
            StreakCycleDays = cycle,
            RankPoints = rankPoints,
            Parameters = parameters,
        };
        var rule = factory(settings) ?? throw new GrowthPolicyException(path + ".rule", ruleName, "The rule factory returned no rule.");
        try
        {
            return new GrowthSource(kind, rule, dailyCap);
        }
        catch (ArgumentException e) when (e is not GrowthPolicyException)
        {
            throw new GrowthPolicyException(path + ".rule", ruleName, e.Message);
        }
    }

    private static List<StreakBonus> ReadBonuses(JsonElement array, string path)
    {
        RequireKind(array, JsonValueKind.Array, path);
        var bonuses = new List<StreakBonus>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var p = $"{path}[{index}]";
            RequireKind(item, JsonValueKind.Object, p);
            int? day = null;
            long? points = null;
            foreach (var property in item.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "day":
                        day = checked((int)ReadLong(property.Value, p + ".day", 1, Limits.MaxStreakDay));
                        break;
                    case "points":
                        points = ReadLong(property.Value, p + ".points", 0, Limits.MaxPoints);
                        break;
                    default:
                        throw new GrowthPolicyException(p + "." + property.Name, property.Value.GetRawText(), "Unknown field; expected day or points.");
                }
            }

            bonuses.Add(new StreakBonus(
                day ?? throw new GrowthPolicyException(p + ".day", null, "A streak bonus needs a day."),
                points ?? throw new GrowthPolicyException(p + ".points", null, "A streak bonus needs points.")));
            index++;
        }

        return bonuses;
    }

    private static string ReadString(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Wrong(path, value, "a non-empty string");

    private static long ReadLong(JsonElement value, string path, long min, long max = long.MaxValue) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= min && n <= max
            ? n
            : throw Wrong(path, value, min == long.MinValue ? "a whole number" : string.Create(CultureInfo.InvariantCulture, $"a whole number in [{min}, {max}]"));

    private static void RequireKind(JsonElement value, JsonValueKind kind, string path)
    {
        if (value.ValueKind != kind)
        {
            throw Wrong(path, value, kind == JsonValueKind.Object ? "an object" : "an array");
        }
    }

    private static GrowthPolicyException Wrong(string path, JsonElement value, string expected) =>
        new(path, value.GetRawText(), $"Expected {expected}.");
}
