using System;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Points;

namespace SocialCommerce.Core.Tests.Points;

/// <summary>Points policies as JSON documents (issue 27): earning and redemption, and refusals naming the path and value.</summary>
public sealed class PointsPolicyDocumentTests
{
    public const string Shop = """
        {
          "currency": "CNY",
          "earning": {
            "pointsPerUnit": 1,
            "byCategory": { "tea": 2, "gift-cards": 0 },
            "expiry": { "endOf": "year", "zone": "Asia/Shanghai", "periodsAfter": 1 }
          },
          "redemption": { "pointsPerUnit": 100, "maxSharePercent": 50, "minimumPointsPerUse": 100, "minimumLeftToPay": 0.01 },
          "signIn": { "points": 5, "zone": "Asia/Shanghai", "streakDays": 7, "streakBonus": 50, "expiry": { "days": 30 } },
          "tasks": [
            { "name": "review", "points": 20, "dailyCap": 2, "totalCap": 10 },
            { "name": "profile", "points": 100, "totalCap": 1, "zone": "UTC", "expiry": { "endOf": "month", "zone": "Asia/Shanghai" } },
            { "name": "invite", "points": 50, "rewardsSignUp": true }
          ]
        }
        """;

    [Fact]
    public void A_document_gives_the_earning_and_redemption_it_describes()
    {
        var policy = PointsPolicy.FromJson(Shop);
        var earning = policy.Earning!;
        Assert.Equal((Currency.CNY, 1L, 2L, 0L), (earning.Currency, earning.PointsPerUnit, earning.ByCategory["tea"], earning.ByCategory["gift-cards"]));
        Assert.Equal(PointsExpiry.EndOfPeriod(PointsPeriod.Year, DateTimeZoneProviders.Tzdb["Asia/Shanghai"], 1), earning.Expiry);
        var sale = new Sale("S-1", new MemberId(1), Instant.FromUtc(2026, 11, 11, 2, 0), Currency.CNY, [new SaleLine("TEA-1", "tea", 1, new Money(59.9m, Currency.CNY)), new SaleLine("GC-1", "gift-cards", 1, new Money(100m, Currency.CNY))]);
        Assert.Equal(118, earning.PointsFor(sale));   // 59 whole yuan of tea at 2 a yuan; gift cards earn nothing

        Assert.Equal(new SocialCommerce.Checkout.PointsRedemption(Currency.CNY, 100, Rate.Percent(50), 100, new Money(0.01m, Currency.CNY)), policy.Redemption);
        Assert.Null(PointsPolicy.FromJson("""{ "currency": "JPY", "redemption": { "pointsPerUnit": 1 } }""").Earning);
        Assert.Equal(PointsExpiry.AfterDays(365), PointsPolicy.FromJson("""{ "currency": "USD", "earning": { "pointsPerUnit": 10, "expiry": { "days": 365 } } }""").Earning!.Expiry);
    }

    [Fact]
    public void A_document_gives_the_sign_in_rule_and_the_tasks_it_describes()
    {
        var policy = PointsPolicy.FromJson(Shop);
        var shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        Assert.Equal(new SignInRule(5, shanghai, 7, 50, PointsExpiry.AfterDays(30)), policy.SignIn);
        Assert.Equal(["review", "profile", "invite"], policy.Tasks.Select(t => t.Name));
        Assert.Equal(new PointsTaskRule("review", 20, 2, 10), policy.FindTask("review"));
        Assert.Equal(new PointsTaskRule("profile", 100, null, 1, DateTimeZone.Utc, PointsExpiry.EndOfPeriod(PointsPeriod.Month, shanghai)), policy.FindTask("profile"));
        Assert.True(policy.FindTask("invite")!.RewardsSignUp);
        Assert.False(policy.FindTask("review")!.RewardsSignUp);
        Assert.Null(policy.FindTask("share"));
        Assert.Equal(policy, PointsPolicy.FromJson(Shop));
        Assert.Single(PointsPolicy.FromJson("""{ "currency": "CNY", "tasks": [ { "name": "t", "points": 1 } ] }""").Tasks);
    }

    [Theory]
    [InlineData("""{ "currency": "CNY" }""", "$", "currency")]
    [InlineData("""{ "currency": "CNY", "earning": { "pointsPerUnit": -1 } }""", "$.earning.pointsPerUnit", "-1")]
    [InlineData("""{ "currency": "CNY", "earning": { "pointsPerUnit": 1, "byCategory": { "tea": 1.5 } } }""", "$.earning.byCategory.tea", "1.5")]
    [InlineData("""{ "currency": "CNY", "earning": { "pointsPerUnit": 1, "expiry": { "endOf": "week", "zone": "UTC" } } }""", "$.earning.expiry.endOf", "week")]
    [InlineData("""{ "currency": "CNY", "earning": { "pointsPerUnit": 1, "expiry": { "endOf": "year", "zone": "Mars/Base" } } }""", "$.earning.expiry.zone", "Mars/Base")]
    [InlineData("""{ "currency": "CNY", "earning": { "pointsPerUnit": 1, "expiry": { "days": 0 } } }""", "$.earning.expiry.days", "0")]
    [InlineData("""{ "currency": "CNY", "earning": { "pointsPerUnit": 1, "expiry": { "days": 3, "zone": "UTC" } } }""", "$.earning.expiry.zone", "UTC")]
    [InlineData("""{ "currency": "CNY", "redemption": { "pointsPerUnit": 0 } }""", "$.redemption.pointsPerUnit", "0")]
    [InlineData("""{ "currency": "CNY", "redemption": { "pointsPerUnit": 100, "maxSharePercent": 150 } }""", "$.redemption.maxSharePercent", "150")]
    [InlineData("""{ "currency": "CNY", "redemption": { "pointsPerUnit": 100, "minimumLeftToPay": 0.001 } }""", "$.redemption.minimumLeftToPay", "0.001")]
    [InlineData("""{ "currency": "CNY", "redemption": { "pointsPerUnit": 100, "cashback": true } }""", "$.redemption.cashback", "true")]
    [InlineData("""{ "currency": "ZZZ9", "redemption": { "pointsPerUnit": 100 } }""", "$.currency", "ZZZ9")]
    [InlineData("""{ "currency": "CNY", "signIn": { "points": 0 } }""", "$.signIn.points", "0")]
    [InlineData("""{ "currency": "CNY", "signIn": { "points": 5, "streakDays": 1, "streakBonus": 5 } }""", "$.signIn.streakDays", "1")]
    [InlineData("""{ "currency": "CNY", "signIn": { "points": 5, "streakBonus": 5 } }""", "$.signIn.streakBonus", "5")]
    [InlineData("""{ "currency": "CNY", "signIn": { "points": 5, "streakDays": 7 } }""", "$.signIn.streakBonus", "missing")]
    [InlineData("""{ "currency": "CNY", "signIn": { "points": 5, "expiry": { "days": -1 } } }""", "$.signIn.expiry.days", "-1")]
    [InlineData("""{ "currency": "CNY", "tasks": { "name": "t" } }""", "$.tasks", "t")]
    [InlineData("""{ "currency": "CNY", "tasks": [ { "name": "t", "points": 1 }, { "name": "t", "points": 2 } ] }""", "$.tasks[1].name", "t")]
    [InlineData("""{ "currency": "CNY", "tasks": [ { "name": "t", "points": 1, "dailyCap": 0 } ] }""", "$.tasks[0].dailyCap", "0")]
    [InlineData("""{ "currency": "CNY", "tasks": [ { "name": "t", "points": 1, "rewardsSignUp": "yes" } ] }""", "$.tasks[0].rewardsSignUp", "yes")]
    [InlineData("""{ "currency": "CNY", "tasks": [ { "name": "", "points": 1 } ] }""", "$.tasks[0].name", "\"\"")]
    public void A_faulty_document_is_refused_naming_the_path_and_the_value(string json, string path, string value)
    {
        var error = Assert.Throws<PointsPolicyFormatException>(() => PointsPolicy.FromJson(json));
        Assert.Equal(path, error.Path);
        Assert.Contains(value, error.Value, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
