using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace SocialCommerce.Samples.WebApi;

/// <summary>
/// Turns a configuration section back into the JSON document the Core loaders read: numbered children become
/// arrays, plain numbers become numbers, <c>true</c>/<c>false</c> become booleans.
/// </summary>
internal static partial class ConfigurationDocument
{
    public static string ToJson(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            throw new InvalidOperationException($"Configuration section '{section.Path}' is missing.");
        }

        return (ToNode(section) ?? new JsonObject()).ToJsonString();
    }

    private static JsonNode? ToNode(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return Leaf(section.Value);
        }

        var isArray = children
            .Select((c, i) => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k == i)
            .All(b => b);
        if (isArray)
        {
            return new JsonArray(children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)).Select(ToNode).ToArray());
        }

        var obj = new JsonObject();
        foreach (var child in children)
        {
            obj[child.Key] = ToNode(child);
        }

        return obj;
    }

    private static JsonValue? Leaf(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return JsonValue.Create(true);
        }

        if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
        {
            return JsonValue.Create(false);
        }

        if (PlainNumber().IsMatch(value)
            && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
