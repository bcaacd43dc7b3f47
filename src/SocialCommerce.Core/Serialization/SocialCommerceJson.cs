using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace SocialCommerce.Serialization;

/// <summary>
/// The one JSON contract of every value a host stores or returns: money, ids, rates, instants, quotes, ledger entries,
/// events and snapshots, through source-generated contracts (no reflection; trimming and AOT safe).
/// </summary>
/// <remarks>
/// <para>
/// Money is <c>{"amount":"199.00","currency":"CNY"}</c> with the amount as an exact decimal string (its scale kept);
/// a rate is its fraction as a string (<c>"0.125"</c>); member, group and activity ids are numbers; enums are strings;
/// NodaTime values use NodaTime.Serialization.SystemTextJson (an instant is <c>"2026-11-01T10:00:00Z"</c>). Events
/// are polymorphic with a stable <c>"type"</c> discriminator (<c>"group.opened"</c>, <c>"growth.points-earned"</c>...);
/// snapshots carry a <c>schemaVersion</c> (<see cref="SchemaVersion"/>), and restoring one of another version is refused
/// naming both.
/// </para>
/// <para>Options are immutable once created and thread-safe; create them once at start-up.</para>
/// </remarks>
public static class SocialCommerceJson
{
    /// <summary>The schema version this SDK writes into every snapshot, and the only one it restores.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Gets the options for the built-in currencies, ready to pass to <see cref="JsonSerializer"/>.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Serializes one of the SDK's values (a snapshot, an event, a quote, ...) with its source-generated contract: the
    /// same JSON as <c>JsonSerializer.Serialize(value, options)</c>, and safe under trimming and Native AOT.
    /// </summary>
    /// <typeparam name="T">The SDK type, e.g. <see cref="Commissions.LedgerSnapshot"/>.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="options">Options from <see cref="CreateOptions"/> or <see cref="Configure"/>; <see cref="Options"/> when null.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="NotSupportedException">The options have no contract for <typeparamref name="T"/> (not an SDK type).</exception>
    public static string Serialize<T>(T value, JsonSerializerOptions? options = null) => JsonSerializer.Serialize(value, TypeInfo<T>(options));

    /// <summary>Reads one of the SDK's values with its source-generated contract (trimming and Native AOT safe).</summary>
    /// <typeparam name="T">The SDK type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">Options from <see cref="CreateOptions"/> or <see cref="Configure"/>; <see cref="Options"/> when null.</param>
    /// <returns>The value; null for the JSON <c>null</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CorruptStateException">The text is not a valid <typeparamref name="T"/>: malformed JSON, a value of the wrong type or out of range (its <see cref="JsonException.Path"/> names where).</exception>
    /// <exception cref="NotSupportedException">The options have no contract for <typeparamref name="T"/>.</exception>
    public static T? Deserialize<T>(string json, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var typeInfo = TypeInfo<T>(options);
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (CorruptStateException)
        {
            throw;
        }
        catch (JsonException e)
        {
            throw new CorruptStateException(typeof(T).Name, e.Path ?? "$", "(unreadable)", e.Message, e);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException or KeyNotFoundException or NotSupportedException)
        {
            // The serializer names the path only in its message (e.g. a polymorphic value without its discriminator).
            var path = e.Message.IndexOf("Path: ", StringComparison.Ordinal) is var at and >= 0 ? e.Message[(at + 6)..].Split(' ', 2)[0] : "$";
            throw new CorruptStateException(typeof(T).Name, path, "(unreadable)", e.Message, e);
        }
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions? options) =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)(options ?? Options).GetTypeInfo(typeof(T));

    /// <summary>Creates options that also read the host's own currencies by code.</summary>
    /// <param name="hostCurrencies">Currencies that are not built in (e.g. a points currency); each code once.</param>
    /// <returns>Read-only options with the SDK's contracts and converters.</returns>
    /// <exception cref="ArgumentException">A currency's code clashes with a built-in or another host currency.</exception>
    public static JsonSerializerOptions CreateOptions(params Currency[] hostCurrencies)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options, hostCurrencies);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Adds the SDK's converters and contracts to a host's own options, e.g. ASP.NET Core's
    /// <c>ConfigureHttpJsonOptions(o =&gt; SocialCommerceJson.Configure(o.SerializerOptions))</c>, so that quotes, events
    /// and snapshots returned from endpoints use this contract. The SDK's contracts are inserted first in the
    /// options' resolver chain; the host's own types keep resolving as before.
    /// </summary>
    /// <param name="options">The options to extend; not yet used for serialization (not read-only).</param>
    /// <param name="hostCurrencies">Currencies that are not built in; each code once.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The options are read-only.</exception>
    /// <exception cref="ArgumentException">A currency's code clashes with a built-in or another host currency.</exception>
    public static void Configure(JsonSerializerOptions options, params Currency[] hostCurrencies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hostCurrencies);
        var catalog = new CurrencyCatalog(hostCurrencies);
        var money = new MoneyConverter(catalog);
        var rates = new RateConverter();
        // Every converter is guarded: a value it cannot read fails as a JsonException with its path.
        JsonConverter[] converters =
        [
            Guard(new CurrencyConverter(catalog)),
            Guard(money),
            Guard(rates),
            Guard(new MemberIdConverter()),
            Guard(new GroupBuyIdConverter()),
            Guard(new InvitationIdConverter()),
            Guard(new ActivityIdConverter()),
            Guard(new GrowthActivityKindConverter()),
            Guard(new LeaderPerkConverter(money, rates)),
            Guard((JsonConverter<Instant>)NodaConverters.InstantConverter),
            Guard((JsonConverter<Duration>)NodaConverters.RoundtripDurationConverter),
            Guard((JsonConverter<LocalDate>)NodaConverters.LocalDateConverter),
            Guard((JsonConverter<LocalDateTime>)NodaConverters.LocalDateTimeConverter),
            Guard((JsonConverter<LocalTime>)NodaConverters.LocalTimeConverter),
            Guard((JsonConverter<Period>)NodaConverters.RoundtripPeriodConverter),
            Guard(NodaConverters.CreateDateTimeZoneConverter(DateTimeZoneProviders.Tzdb)),
        ];
        foreach (var converter in converters)
        {
            options.Converters.Add(converter);
        }

        options.TypeInfoResolverChain.Insert(0, SocialCommerceJsonContext.Default);
    }

    /// <summary>Checks a snapshot's schema version before it is restored.</summary>
    /// <param name="snapshotKind">What is restored, for the message (e.g. "ledger snapshot").</param>
    /// <param name="schemaVersion">The version the snapshot carries.</param>
    /// <exception cref="NotSupportedException">The version is not <see cref="SchemaVersion"/>; the message names both.</exception>
    internal static void CheckSchema(string snapshotKind, int schemaVersion)
    {
        if (schemaVersion != SchemaVersion)
        {
            throw new NotSupportedException(FormattableString.Invariant(
                $"Cannot restore a {snapshotKind} of schema version {schemaVersion}: this SDK reads schema version {SchemaVersion}{(schemaVersion > SchemaVersion ? " (the snapshot is newer: upgrade the SDK)" : string.Empty)}."));
        }
    }

    private static GuardedConverter<T> Guard<T>(JsonConverter<T> converter) => new(converter);

    internal static IReadOnlyList<T> OrEmpty<T>(IReadOnlyList<T>? list) => list ?? Array.Empty<T>();
}
