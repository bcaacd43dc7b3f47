using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace SocialCommerce.Serialization;

/// <summary>
/// Reads the fields of a rule document (a coupon template, a points policy), each fault an exception of the document's
/// own type naming the JSON path and the raw value. Unknown properties are faults, not ignored.
/// </summary>
/// <param name="fault">Makes the document's exception from the path, the raw value, the problem and the cause.</param>
internal readonly struct DocumentReader(Func<string, string, string, Exception?, Exception> fault)
{
    public const string Missing = "(missing)";

    /// <summary>Parses the document (comments skipped, duplicated properties refused).</summary>
    public JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is long line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : string.Empty;
            throw fault(ex.Path ?? "$", "(unparsable)", "is not well-formed JSON" + where + ".", ex);
        }
    }

    public Exception Fault(string path, JsonElement value, string problem, Exception? inner = null) =>
        fault(path, value.ValueKind == JsonValueKind.Undefined ? Missing : value.GetRawText(), problem, inner);

    /// <summary>Refuses a property of <paramref name="element"/> that is not in <paramref name="allowed"/>, and an element that is not an object.</summary>
    public void Object(JsonElement element, string path, IReadOnlySet<string> allowed, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fault(path, element, $"should be {what} (a JSON object).");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw Fault(path + "." + property.Name, property.Value, $"is not a property of {what}.");
            }
        }
    }

    public JsonElement Required(JsonElement parent, string property, string path) =>
        Optional(parent, property, out var value) ? value : throw fault(path, Missing, "is required.", null);

    /// <summary>The property when <paramref name="parent"/> is an object that has it (not null); false otherwise, never an exception.</summary>
    public static bool Optional(JsonElement parent, string property, out JsonElement value)
    {
        value = default;
        return parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out value) && value.ValueKind != JsonValueKind.Null;
    }

    public string String(JsonElement parent, string property, string path)
    {
        var value = Required(parent, property, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Fault(path, value, "should be a string.");
    }

    public int Int(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Fault(path, value, "should be a whole number.");

    public long Long(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw Fault(path, value, "should be a whole number.");

    public decimal Decimal(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : throw Fault(path, value, "should be a decimal number.");

    public bool Bool(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Fault(path, value, "should be true or false."),
    };

    public SocialCommerce.Currency Currency(JsonElement parent, string property, string path)
    {
        var code = String(parent, property, path);
        return SocialCommerce.Currency.TryFromCode(code, out var currency) ? currency : throw Fault(path, parent.GetProperty(property), "is not a known ISO-4217 currency code.");
    }

    /// <summary>A percentage above 0 and at most 100, with at most the decimals a <see cref="Rate"/> holds.</summary>
    public Rate Percent(JsonElement value, string path)
    {
        var percent = Decimal(value, path);
        try
        {
            return percent is > 0 and <= 100 ? Rate.Percent(percent) : throw Fault(path, value, "should be above 0 and at most 100.");
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw Fault(path, value, ex.Message, ex);
        }
    }
}
