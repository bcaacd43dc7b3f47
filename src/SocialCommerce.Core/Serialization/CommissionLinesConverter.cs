using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SocialCommerce.Commissions;

namespace SocialCommerce.Serialization;

/// <summary>
/// <see cref="CommissionLines"/> as a JSON array of <see cref="CommissionLine"/>s (the shape an
/// <c>ImmutableArray&lt;CommissionLine&gt;</c> had, so stored quotes read as before); <see langword="null"/> reads as
/// no line.
/// </summary>
internal sealed class CommissionLinesConverter : JsonConverter<CommissionLines>
{
    public override bool HandleNull => true;

    public override CommissionLines Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<ImmutableArray<CommissionLine>>)options.GetTypeInfo(typeof(ImmutableArray<CommissionLine>));
        var lines = JsonSerializer.Deserialize(ref reader, info);
        return lines.IsDefaultOrEmpty ? default : new CommissionLines(ImmutableCollectionsMarshal.AsArray(lines)!);
    }

    public override void Write(Utf8JsonWriter writer, CommissionLines value, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<CommissionLine>)options.GetTypeInfo(typeof(CommissionLine));
        writer.WriteStartArray();
        foreach (var line in value)
        {
            JsonSerializer.Serialize(writer, line, info);
        }

        writer.WriteEndArray();
    }
}
