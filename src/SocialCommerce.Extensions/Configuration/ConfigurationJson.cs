using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace SocialCommerce.Extensions.Configuration;

/// <summary>
/// Turns a configuration section back into the JSON document it was written as, so that plans in
/// <c>appsettings.json</c> are read by the same loaders as the Core's plan documents.
/// </summary>
/// <remarks>
/// Configuration flattens JSON into strings. This restores the shape: a section whose children are
/// keyed 0..n-1 becomes an array, other sections objects; a leaf <c>true</c>/<c>false</c> becomes a
/// boolean, a plain decimal number (no leading zeros, no exponent) a number, an empty value (how the JSON provider
/// stores <c>[]</c>) an empty array, anything else a string.
/// </remarks>
internal static partial class ConfigurationJson
{
    public static JsonNode? ToJson(IConfiguration section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return section is IConfigurationSection leaf ? Leaf(leaf.Value) : new JsonObject();
        }

        var isArray = children.Select((c, i) => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k == i).All(b => b)
            && children.Count == children.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count();
        if (isArray)
        {
            var ordered = children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture));
            return new JsonArray(ordered.Select(ToJson).ToArray());
        }

        var obj = new JsonObject();
        foreach (var child in children)
        {
            obj[child.Key] = ToJson(child);
        }

        return obj;
    }

    /// <summary>The document with <c>"name"</c> set when it has none.</summary>
    public static string WithName(string json, string name) => WithDefault(json, "name", name);

    /// <summary>
    /// The document with <paramref name="property"/> set to <paramref name="value"/> when it has none; a malformed
    /// document is returned as is, to be reported at start by its loader.
    /// </summary>
    public static string WithDefault(string json, string property, string value)
    {
        try
        {
            if (JsonNode.Parse(json) is JsonObject document && !document.ContainsKey(property))
            {
                document[property] = value;
                return document.ToJsonString();
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return json;
    }

    private static JsonNode? Leaf(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0)
        {
            // The JSON configuration provider stores an empty array ("rules": []) as an empty string.
            return new JsonArray();
        }

        if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return JsonValue.Create(true);
        }

        if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
        {
            return JsonValue.Create(false);
        }

        if (PlainNumber().IsMatch(value) && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
