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
    private static readonly HashSet<string> Properties = ["currency", "earning", "redemption", "signIn", "tasks"];
    private static readonly HashSet<string> SignIn = ["points", "zone", "streakDays", "streakBonus", "expiry"];
    private static readonly HashSet<string> Task = ["name", "points", "dailyCap", "totalCap", "zone", "expiry", "rewardsSignUp"];
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
        var signIn = DocumentReader.Optional(root, "signIn", out var i) ? ReadSignIn(i) : null;
        var tasks = DocumentReader.Optional(root, "tasks", out var t) ? ReadTasks(t) : [];
        return earning is null && redemption is null && signIn is null && tasks.Count == 0
            ? throw R.Fault("$", root, "should have at least one of \"earning\", \"redemption\", \"signIn\" and \"tasks\".")
            : new PointsPolicy(earning, redemption) { SignIn = signIn, Tasks = tasks };
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

        var expiry = DocumentReader.Optional(earning, "expiry", out var x) ? ReadExpiry(x, path + ".expiry") : null;
        return new PurchasePointsRule(currency, perUnit, byCategory, expiry);
    }

    private static SignInRule ReadSignIn(JsonElement signIn)
    {
        const string path = "$.signIn";
        R.Object(signIn, path, SignIn, "a sign-in rule");
        var points = Points(R.Required(signIn, "points", path + ".points"), path + ".points");
        var zone = DocumentReader.Optional(signIn, "zone", out _) ? Zone(signIn, path) : null;
        var streakDays = 0;
        var bonus = 0L;
        if (DocumentReader.Optional(signIn, "streakDays", out var d))
        {
            streakDays = R.Int(d, path + ".streakDays");
            if (streakDays is < 2 or > 366)
            {
                throw R.Fault(path + ".streakDays", d, "should be 2 to 366 consecutive days.");
            }

            var b = R.Required(signIn, "streakBonus", path + ".streakBonus");
            bonus = R.Long(b, path + ".streakBonus");
            if (bonus < 1 || bonus > Limits.MaxPoints - points)
            {
                throw R.Fault(path + ".streakBonus", b, $"should be 1 to {Limits.MaxPoints} less the points.");
            }
        }
        else if (DocumentReader.Optional(signIn, "streakBonus", out var b))
        {
            throw R.Fault(path + ".streakBonus", b, "needs \"streakDays\".");
        }

        var expiry = DocumentReader.Optional(signIn, "expiry", out var x) ? ReadExpiry(x, path + ".expiry") : null;
        return new SignInRule(points, zone, streakDays, bonus, expiry);
    }

    private static List<PointsTaskRule> ReadTasks(JsonElement tasks)
    {
        if (tasks.ValueKind != JsonValueKind.Array)
        {
            throw R.Fault("$.tasks", tasks, "should be an array of tasks.");
        }

        var rules = new List<PointsTaskRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var task in tasks.EnumerateArray())
        {
            var path = $"$.tasks[{index++}]";
            R.Object(task, path, Task, "a task");
            var nameElement = R.Required(task, "name", path + ".name");
            var name = R.String(task, "name", path + ".name");
            if (!Limits.IsValidId(name) || name.Length > Limits.MaxIdLength - 7)
            {
                throw R.Fault(path + ".name", nameElement, $"should be 1 to {Limits.MaxIdLength - 7} characters without control characters.");
            }

            if (!names.Add(name))
            {
                throw R.Fault(path + ".name", nameElement, "names a task twice.");
            }

            var points = Points(R.Required(task, "points", path + ".points"), path + ".points");
            var daily = DocumentReader.Optional(task, "dailyCap", out var dc) ? Cap(dc, path + ".dailyCap") : (int?)null;
            var total = DocumentReader.Optional(task, "totalCap", out var tc) ? Cap(tc, path + ".totalCap") : (int?)null;
            var zone = DocumentReader.Optional(task, "zone", out _) ? Zone(task, path) : null;
            var expiry = DocumentReader.Optional(task, "expiry", out var x) ? ReadExpiry(x, path + ".expiry") : null;
            var signUp = DocumentReader.Optional(task, "rewardsSignUp", out var s) && R.Bool(s, path + ".rewardsSignUp");
            rules.Add(new PointsTaskRule(name, points, daily, total, zone, expiry) { RewardsSignUp = signUp });
        }

        return rules;
    }

    private static long Points(JsonElement value, string path)
    {
        var points = R.Long(value, path);
        return points is >= 1 and <= Limits.MaxPoints ? points : throw R.Fault(path, value, $"should be 1 to {Limits.MaxPoints} points.");
    }

    private static int Cap(JsonElement value, string path)
    {
        var cap = R.Int(value, path);
        return cap >= 1 ? cap : throw R.Fault(path, value, "should be at least 1 (leave it out for no cap).");
    }

    private static DateTimeZone Zone(JsonElement parent, string path)
    {
        var zoneId = R.String(parent, "zone", path + ".zone");
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? throw R.Fault(path + ".zone", parent.GetProperty("zone"), "is not a known time zone (an IANA id such as Asia/Shanghai).");
    }

    private static PointsExpiry ReadExpiry(JsonElement expiry, string path)
    {
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
        var zone = Zone(expiry, path);
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
