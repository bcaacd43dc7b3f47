using System;
using System.Text.Json;
using NodaTime;
using SocialCommerce.Serialization;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>The JSON of stored states and events: the SDK's contract (<see cref="SocialCommerceJson"/>), checked on read.</summary>
internal static class StoredJson
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, SocialCommerceJson.Options);

    public static T Read<T>(string json, int schemaVersion, string table, string key)
    {
        if (schemaVersion != SocialCommerceJson.SchemaVersion)
        {
            throw new StoreSchemaException($"SocialCommerce store: row '{key}' of {table} has schema version {schemaVersion}; this version of the package reads schema version {SocialCommerceJson.SchemaVersion}. Upgrade the package (a newer instance wrote it) or migrate the row; nothing was changed.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, SocialCommerceJson.Options)
                ?? throw new StoreSchemaException($"SocialCommerce store: row '{key}' of {table} holds JSON null; nothing was changed.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // System.Text.Json reports an unknown or missing type discriminator as NotSupportedException.
            throw new StoreSchemaException($"SocialCommerce store: row '{key}' of {table} is not a valid {typeof(T).Name}: {ex.Message} Nothing was changed.", ex);
        }
    }

    public static long Ticks(Instant instant) => instant.ToUnixTimeTicks();

    public static Instant Instant(long ticks) => NodaTime.Instant.FromUnixTimeTicks(ticks);
}
