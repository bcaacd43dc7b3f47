using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialCommerce.Serialization;

/// <summary>
/// Wraps a converter so that a value it cannot read (an unknown currency, an unparsable instant, an out-of-range id)
/// fails as a <see cref="JsonException"/>, which the serializer completes with the JSON path; never as a bare
/// <see cref="ArgumentException"/> or <see cref="FormatException"/> without a place.
/// </summary>
internal sealed class GuardedConverter<T>(JsonConverter<T> inner) : JsonConverter<T>
{
    public override bool HandleNull => inner.HandleNull;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return inner.Read(ref reader, typeToConvert, options);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or KeyNotFoundException or InvalidOperationException)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);
}
