using System;
using System.Collections.Generic;
using System.Text.Json;
using NodaTime;
using SocialCommerce.Checkout;
using SocialCommerce.Serialization;

namespace SocialCommerce.Points;

/// <summary>Reads a points policy from its JSON document, naming the JSON path and value of any fault.</summary>
internal static class PointsPolicyDocument
{
    private static readonly HashSet<string> Properties = ["currency", "earning", "redemption"];
    private static readonly HashSet<string> Earning = ["pointsPerUnit", "byCategory", "expiry"];
    private static readonly HashSet<string> Redemption = ["pointsPerUnit", "maxSharePercent", "minimumPointsPerUse", "minimumLeftToPay"];
    private static readonly HashSet<string> Days = ["days"];
    private static readonly HashSet<string> Period = ["endOf", "zone", "periodsAfter"];
    private static readonly DocumentReader R = new(static (path, value, problem, inner) => new PointsPolicyFormatException(path, value, problem, inner));

    public static PointsPolicy Parse(string json)
    {
        using var document = R.Parse(json);
        var root = document.RootElement;
        R.Object(root, "$", Properties, "a points policy");
        var currency = R.Currency(root, "currency", "$.currency");
        var earning = DocumentReader.Optional(root, "earning", out var e) ? ReadEarning(e, currency) : null;
        var redemption = DocumentReader.Optional(root, "redemption", out var r) ? ReadRedemption(r, currency) : null;
        return earning is null && redemption is null
            ? throw R.Fault("$", root, "should have an \"earning\", a \"redemption\" or both.")
            : new PointsPolicy(earning, redemption);
    }

    private static PurchasePointsRule ReadEarning(JsonElement earning, Currency currency)
    {
        const string path = "$.earning";
        R.Object(earning, path, Earning, "a purchase earning rule");
        var perUnit = PerUnit(R.Required(earning, "pointsPerUnit", path + ".pointsPerUnit"), path + ".pointsPerUnit", 0);
        var byCategory = new Dictionary<string, long>(StringComparer.Ordinal);
        if (DocumentReader.Optional(earning, "byCategory", out var categories))
        {
            if (categories.ValueKind != JsonValueKind.Object)
            {
                throw R.Fault(path + ".byCategory", categories, "should be an object of category → points per unit.");
            }

            foreach (var category in categories.EnumerateObject())
            {
                var categoryPath = path + ".byCategory." + category.Name;
                byCategory[category.Name.Length > 0 ? category.Name : throw R.Fault(categoryPath, category.Value, "names no category.")] = PerUnit(category.Value, categoryPath, 0);
            }
        }

        var expiry = DocumentReader.Optional(earning, "expiry", out var x) ? ReadExpiry(x) : null;
        return new PurchasePointsRule(currency, perUnit, byCategory, expiry);
    }

    private static PointsExpiry ReadExpiry(JsonElement expiry)
    {
        const string path = "$.earning.expiry";
        if (expiry.ValueKind != JsonValueKind.Object)
        {
            throw R.Fault(path, expiry, "should be { \"days\": n } or { \"endOf\", \"zone\", \"periodsAfter\" }.");
        }

        var days = DocumentReader.Optional(expiry, "days", out var d);
        R.Object(expiry, path, days ? Days : Period, "an expiry");
        if (days)
        {
            var count = R.Int(d, path + ".days");
            return count >= 1 && count <= Limits.MaxDuration.Days ? PointsExpiry.AfterDays(count) : throw R.Fault(path + ".days", d, $"should be 1 to {Limits.MaxDuration.Days} days.");
        }

        var endOf = R.Required(expiry, "endOf", path + ".endOf");
        var period = endOf.ValueKind == JsonValueKind.String ? endOf.GetString() switch
        {
            "month" => PointsPeriod.Month,
            "quarter" => PointsPeriod.Quarter,
            "year" => PointsPeriod.Year,
            _ => (PointsPeriod?)null,
        } : null;
        var zoneId = R.String(expiry, "zone", path + ".zone");
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? throw R.Fault(path + ".zone", expiry.GetProperty("zone"), "is not a known time zone (an IANA id such as Asia/Shanghai).");
        var after = DocumentReader.Optional(expiry, "periodsAfter", out var a) ? R.Int(a, path + ".periodsAfter") : 0;
        if (after is < 0 or > 10)
        {
            throw R.Fault(path + ".periodsAfter", a, "should be 0 to 10 whole periods.");
        }

        return period is { } p ? PointsExpiry.EndOfPeriod(p, zone, after) : throw R.Fault(path + ".endOf", endOf, "should be month, quarter or year.");
    }

    private static PointsRedemption ReadRedemption(JsonElement redemption, Currency currency)
    {
        const string path = "$.redemption";
        R.Object(redemption, path, Redemption, "a redemption rule");
        var perUnit = PerUnit(R.Required(redemption, "pointsPerUnit", path + ".pointsPerUnit"), path + ".pointsPerUnit", 1);
        Rate? share = null;
        if (DocumentReader.Optional(redemption, "maxSharePercent", out var s))
        {
            share = R.Percent(s, path + ".maxSharePercent");
        }

        var minimum = 0L;
        if (DocumentReader.Optional(redemption, "minimumPointsPerUse", out var m))
        {
            minimum = R.Long(m, path + ".minimumPointsPerUse");
            if (minimum is < 0 or > Limits.MaxPoints)
            {
                throw R.Fault(path + ".minimumPointsPerUse", m, $"should be 0 to {Limits.MaxPoints}.");
            }
        }

        Money? left = null;
        if (DocumentReader.Optional(redemption, "minimumLeftToPay", out var l))
        {
            var amount = new Money(R.Decimal(l, path + ".minimumLeftToPay"), currency);
            left = Limits.IsSupported(amount) || amount.Amount == 0 ? amount : throw R.Fault(path + ".minimumLeftToPay", l, $"should be whole minor units of {currency.Code}.");
            if (amount.IsNegative)
            {
                throw R.Fault(path + ".minimumLeftToPay", l, "should not be negative.");
            }
        }

        return new PointsRedemption(currency, perUnit, share, minimum, left);
    }

    private static long PerUnit(JsonElement value, string path, long least)
    {
        var perUnit = R.Long(value, path);
        return perUnit >= least && perUnit <= Limits.MaxPointsPerUnit ? perUnit : throw R.Fault(path, value, $"should be {least} to {Limits.MaxPointsPerUnit} points per currency unit.");
    }
}
