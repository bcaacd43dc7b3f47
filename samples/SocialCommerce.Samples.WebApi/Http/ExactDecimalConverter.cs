using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialCommerce.Samples.WebApi.Http;

/// <summary>
/// Reads a JSON number into a <see cref="decimal"/> only when it fits exactly: a number with more significant digits
/// than <see cref="decimal"/> holds (<c>1.000000000000000000000000000001</c>) is refused instead of silently rounded, so
/// a gateway that reads the text and the shop that reads the value never see different amounts.
/// </summary>
internal sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("A number is expected.");
        }

        var text = reader.HasValueSequence ? System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)) : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        if (text.Contains('e', StringComparison.OrdinalIgnoreCase)
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || Normalized(value.ToString(CultureInfo.InvariantCulture)) != Normalized(text))
        {
            throw new JsonException("The number has more digits than an exact amount holds (it would be rounded), or an exponent.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>The number's text without sign noise, leading zeros or trailing fractional zeros: equal texts are equal values.</summary>
    private static string Normalized(string text)
    {
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('-', '+');
        if (digits.Contains('.', StringComparison.Ordinal))
        {
            digits = digits.TrimEnd('0').TrimEnd('.');
        }

        digits = digits.TrimStart('0');
        return digits.Length == 0 ? "0" : (negative ? "-" : string.Empty) + digits;
    }
}
