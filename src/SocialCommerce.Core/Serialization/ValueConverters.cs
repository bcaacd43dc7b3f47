using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Serialization;

/// <summary>A currency as its ISO code, e.g. <c>"CNY"</c>.</summary>
internal sealed class CurrencyConverter(CurrencyCatalog catalog) : JsonConverter<Currency>
{
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? catalog.Read(reader.GetString()) : throw new JsonException("A currency is a string code, e.g. \"CNY\".");

    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}

/// <summary>Money as <c>{"amount":"199.00","currency":"CNY"}</c>: the amount an exact decimal string, scale kept.</summary>
internal sealed class MoneyConverter(CurrencyCatalog catalog) : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Money is an object {\"amount\": \"199.00\", \"currency\": \"CNY\"}.");
        }

        decimal? amount = null;
        Currency? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "amount":
                    amount = reader.TokenType switch
                    {
                        JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
                        JsonTokenType.Number => reader.GetDecimal(),
                        _ => throw new JsonException("Money amount is an exact decimal string, e.g. \"199.00\"."),
                    };
                    break;
                case "currency":
                    currency = reader.TokenType == JsonTokenType.String ? catalog.Read(reader.GetString()) : throw new JsonException("Money currency is a string code.");
                    break;
                default:
                    throw new JsonException($"Unknown Money property '{name}'; expected amount and currency.");
            }
        }

        return amount is { } a && currency is not null ? new Money(a, currency) : throw new JsonException("Money needs an amount and a currency.");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        if (value == default)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("amount", value.Amount.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }
}

/// <summary>A rate as its exact fraction in a string, e.g. <c>"0.125"</c> for 12.5 %.</summary>
internal sealed class RateConverter : JsonConverter<Rate>
{
    public override Rate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var fraction = reader.TokenType switch
        {
            JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
            JsonTokenType.Number => reader.GetDecimal(),
            _ => throw new JsonException("A rate is its fraction as an exact decimal string, e.g. \"0.125\"."),
        };
        try
        {
            return Rate.FromFraction(fraction);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Rate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Fraction.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A member id as its 64-bit number.</summary>
internal sealed class MemberIdConverter : JsonConverter<MemberId>
{
    public override MemberId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, MemberId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}

/// <summary>A group id as its 64-bit number.</summary>
internal sealed class GroupBuyIdConverter : JsonConverter<GroupBuyId>
{
    public override GroupBuyId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, GroupBuyId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}

/// <summary>An invitation id as its 64-bit number.</summary>
internal sealed class InvitationIdConverter : JsonConverter<SocialCommerce.Invitations.InvitationId>
{
    public override SocialCommerce.Invitations.InvitationId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, SocialCommerce.Invitations.InvitationId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}

/// <summary>An activity id as its 64-bit number.</summary>
internal sealed class ActivityIdConverter : JsonConverter<ActivityId>
{
    public override ActivityId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, ActivityId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}

/// <summary>An activity kind as its name, e.g. <c>"order.completed"</c>.</summary>
internal sealed class GrowthActivityKindConverter : JsonConverter<GrowthActivityKind>
{
    public override GrowthActivityKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("An activity kind is a non-empty string."));

    public override void Write(Utf8JsonWriter writer, GrowthActivityKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}

/// <summary>A leader perk as <c>{"kind":"FixedDiscount","discount":{...}}</c> or <c>{"kind":"RateOff","rateOff":"0.5"}</c>.</summary>
internal sealed class LeaderPerkConverter(MoneyConverter money, RateConverter rates) : JsonConverter<LeaderPerk>
{
    public override LeaderPerk Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A leader perk is an object with a kind.");
        }

        string? kind = null;
        Money discount = default;
        Rate rate = default;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "kind":
                    kind = reader.GetString();
                    break;
                case "discount":
                    discount = money.Read(ref reader, typeof(Money), options);
                    break;
                case "rateOff":
                    rate = rates.Read(ref reader, typeof(Rate), options);
                    break;
                default:
                    throw new JsonException($"Unknown leader perk property '{name}'.");
            }
        }

        return kind switch
        {
            nameof(LeaderPerkKind.None) => LeaderPerk.None,
            nameof(LeaderPerkKind.Free) => LeaderPerk.Free,
            nameof(LeaderPerkKind.FixedDiscount) => LeaderPerk.FixedDiscount(discount),
            nameof(LeaderPerkKind.RateOff) => LeaderPerk.Off(rate),
            _ => throw new JsonException($"Unknown leader perk kind '{kind}'."),
        };
    }

    public override void Write(Utf8JsonWriter writer, LeaderPerk value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", value.Kind.ToString());
        if (value.Kind == LeaderPerkKind.FixedDiscount)
        {
            writer.WritePropertyName("discount");
            money.Write(writer, value.Discount, options);
        }
        else if (value.Kind == LeaderPerkKind.RateOff)
        {
            writer.WriteString("rateOff", value.RateOff.Fraction.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteEndObject();
    }
}
