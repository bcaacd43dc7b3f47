using System;
using System.Linq;
using NodaTime;
using SocialCommerce.Points;

namespace SocialCommerce.Core.Tests.Points;

/// <summary>Sign-in and task earning (issue 27): one sign-in a local day, streak bonuses, task caps, resends.</summary>
public sealed class SignInAndTaskExamples
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    // 2026-12-01 09:00 in Shanghai.
    private static Instant Morning(int day) => new LocalDateTime(2026, 12, day, 9, 0).InZoneStrictly(Shanghai).ToInstant();

    [Fact]
    public void One_sign_in_a_local_day_earns_and_every_seventh_day_in_a_row_adds_the_bonus()
    {
        var rule = new SignInRule(5, Shanghai, streakDays: 7, streakBonus: 50);
        var wallet = new PointsWallet();
        for (var day = 1; day <= 7; day++)
        {
            var signed = wallet.SignIn(rule, Morning(day));
            Assert.True(signed.IsApplied, signed.Message);
            Assert.Equal(day == 7 ? 55 : 5, signed.Entries.Single(e => e.Kind == PointsEntryKind.Earned).Points);

            // Later the same local day (23:59 Shanghai is 15:59 UTC): a duplicate.
            Assert.Equal(PointsOutcome.Duplicate, wallet.SignIn(rule, Morning(day) + Duration.FromHours(14) + Duration.FromMinutes(59)).Outcome);
        }

        Assert.Equal((6 * 5) + 55, wallet.GetBalance().Available);
        Assert.Equal("sign-in/2026-12-07", wallet.GetLots()[^1].Earning.LotId);

        // Day 8 starts a new cycle; a missed day 10 breaks the streak, so day 14 is not a bonus day but day 17 is.
        Assert.Equal(5, wallet.SignIn(rule, Morning(8)).Entries[0].Points);
        wallet.SignIn(rule, Morning(9));
        for (var day = 11; day <= 17; day++)
        {
            var points = wallet.SignIn(rule, Morning(day)).Entries.Single(e => e.Kind == PointsEntryKind.Earned).Points;
            Assert.Equal(day == 17 ? 55 : 5, points);
        }
    }

    [Fact]
    public void The_sign_in_day_is_the_local_day_of_the_rules_zone()
    {
        var rule = new SignInRule(5, Shanghai);
        var wallet = new PointsWallet();

        // 2026-12-01 23:30 in Shanghai and 00:30 the next day are 60 minutes apart but two days.
        var late = new LocalDateTime(2026, 12, 1, 23, 30).InZoneStrictly(Shanghai).ToInstant();
        Assert.True(wallet.SignIn(rule, late).IsApplied);
        Assert.True(wallet.SignIn(rule, late + Duration.FromHours(1)).IsApplied);
        Assert.Equal(["sign-in/2026-12-01", "sign-in/2026-12-02"], wallet.GetLots().Select(l => l.Earning.LotId));
        Assert.All(wallet.GetLots(), l => Assert.Equal(PointsSource.SignIn, l.Earning.Source));
    }

    [Fact]
    public void A_task_earns_within_its_daily_and_total_caps_and_a_resend_is_a_duplicate()
    {
        var review = new PointsTaskRule("review", 20, dailyCap: 2, totalCap: 3, dayZone: Shanghai, expiry: PointsExpiry.AfterDays(90));
        var wallet = new PointsWallet();
        Assert.True(wallet.CompleteTask(review, "R-1", Morning(1)).IsApplied);
        Assert.Equal(PointsOutcome.Duplicate, wallet.CompleteTask(review, "R-1", Morning(1)).Outcome);
        Assert.True(wallet.CompleteTask(review, "R-2", Morning(1)).IsApplied);

        var third = wallet.CompleteTask(review, "R-3", Morning(1));
        Assert.Equal(PointsRefusal.CapReached, third.Refusal);
        Assert.Contains("daily cap of 2", third.Message, StringComparison.Ordinal);

        Assert.True(wallet.CompleteTask(review, "R-3", Morning(2)).IsApplied);
        var fourth = wallet.CompleteTask(review, "R-4", Morning(3));
        Assert.Equal(PointsRefusal.CapReached, fourth.Refusal);
        Assert.Contains("total cap of 3", fourth.Message, StringComparison.Ordinal);

        // Other tasks and sign-ins do not count toward this task's caps.
        Assert.True(wallet.CompleteTask(new PointsTaskRule("profile", 100, totalCap: 1), "P-1", Morning(3)).IsApplied);
        Assert.Equal(160, wallet.GetBalance().Available);
        Assert.Equal("task/review/R-1", wallet.GetLots()[0].Earning.LotId);
        Assert.Equal(Morning(1) + Duration.FromDays(90), wallet.GetLots()[0].Earning.ExpiresAt);
    }

    [Fact]
    public void Out_of_range_terms_are_refused_where_they_enter_naming_the_term()
    {
        Assert.Equal("points", Assert.Throws<ArgumentOutOfRangeException>(() => new SignInRule(0)).ParamName);
        Assert.Equal("streakDays", Assert.Throws<ArgumentOutOfRangeException>(() => new SignInRule(5, streakDays: 1, streakBonus: 3)).ParamName);
        Assert.Equal("streakBonus", Assert.Throws<ArgumentOutOfRangeException>(() => new SignInRule(5, streakDays: 7)).ParamName);
        Assert.Equal("streakBonus", Assert.Throws<ArgumentOutOfRangeException>(() => new SignInRule(5, streakBonus: 3)).ParamName);
        Assert.Equal("dailyCap", Assert.Throws<ArgumentOutOfRangeException>(() => new PointsTaskRule("t", 5, dailyCap: 0)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new PointsTaskRule(new string('t', 195), 5)).ParamName);

        var task = new PointsTaskRule(new string('t', 150), 5);
        var error = Assert.Throws<ArgumentException>(() => new PointsWallet().CompleteTask(task, new string('c', 60), Morning(1)));
        Assert.Equal("completionId", error.ParamName);
        Assert.Contains("216 characters", error.Message, StringComparison.Ordinal);
    }
}
