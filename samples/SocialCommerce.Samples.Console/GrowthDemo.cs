using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NodaTime;
using SocialCommerce;
using SocialCommerce.Growth;
using SocialCommerce.Network;

/// <summary>Members climb the V1–V5 ladder, drop at a quarterly retention check, and earn honours.</summary>
internal static class GrowthDemo
{
    private const string PolicyJson = """
        {
          "currency": "CNY",
          "timeZone": "Asia/Shanghai",
          "sources": [
            { "kind": "order.completed",      "rule": "per-currency-unit", "pointsPerUnit": 1, "dailyCap": 5000 },
            { "kind": "sign-in",              "rule": "sign-in-streak",    "points": 5,
              "streakBonuses": [ { "day": 7, "points": 30 } ], "streakCycleDays": 7 },
            { "kind": "task.completed",       "rule": "per-activity",      "points": 20, "dailyCap": 60 },
            { "kind": "referral.first-order", "rule": "per-activity",      "points": 100 }
          ]
        }
        """;

    public static void Run(TextWriter output)
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        Instant Local(int y, int m, int d, int h = 12, int min = 0) => new LocalDateTime(y, m, d, h, min).InZoneStrictly(zone).ToInstant();
        Money Yuan(decimal amount) => new(amount, Currency.CNY);

        var ladder = new LevelLadder(
            [
                new GrowthLevel("V1", 0, new LevelBenefits(Rate.Zero, 0, "seedling")),
                new GrowthLevel("V2", 500, new LevelBenefits(Rate.Percent(2), 1, "sprout"), keepUp: 150),
                new GrowthLevel("V3", 2_000, new LevelBenefits(Rate.Percent(5), 2, "bloom"), keepUp: 600),
                new GrowthLevel("V4", 6_000, new LevelBenefits(Rate.Percent(8), 3, "tree"), keepUp: 1_500),
                new GrowthLevel("V5", 15_000, new LevelBenefits(Rate.Percent(12), 4, "forest"), keepUp: 4_000),
            ],
            new RetentionPolicy(RetentionPeriod.Quarterly, DemotionMode.OneLevel, Period.FromDays(30)));
        var honours = new[]
        {
            new HonourRule("Service years", HonourTerm.LongTerm, HonourMeasure.TenureYears, [new HonourTier("bronze", 1), new HonourTier("silver", 3)]),
            new HonourRule("Seven-day streak", HonourTerm.ShortTerm, HonourMeasure.LongestSignInStreak, [new HonourTier("weekly", 7)]) { ValidFor = Period.FromDays(30) },
        };
        var program = new GrowthProgram(GrowthPolicy.FromJson(PolicyJson), ladder, honours);

        output.WriteLine("== Growth: V1–V5 ladder, quarterly retention, honours (Asia/Shanghai) ==");

        // Lin: climbs with orders and a sign-in week, keeps V3 after Q1, drops after a quiet Q2.
        var lin = new MemberId(1);
        var linState = program.Enrol(lin, Local(2026, 1, 5, 9));
        var linWeek = new List<GrowthActivity>
        {
            GrowthActivity.OrderCompleted(new(101), lin, Local(2026, 1, 10), Yuan(399.90m)),
            GrowthActivity.OrderCompleted(new(102), lin, Local(2026, 1, 12), Yuan(250.00m)),
            GrowthActivity.OrderCompleted(new(102), lin, Local(2026, 1, 12, 13), Yuan(250.00m)),
            GrowthActivity.MemberReferred(new(103), lin, Local(2026, 1, 13), new MemberId(7)),
            GrowthActivity.ReferredFirstOrder(new(104), lin, Local(2026, 1, 14), new MemberId(7), Yuan(88.00m)),
        };
        for (var day = 0; day < 7; day++)
        {
            linWeek.Add(GrowthActivity.SignIn(new(200 + day), lin, Local(2026, 1, 15 + day, 21)));
        }

        linWeek.Add(GrowthActivity.OrderCompleted(new(105), lin, Local(2026, 1, 22), Yuan(1_500.00m)));
        linState = Show(output, zone, "Lin, January", program.Evaluate(linState, linWeek.ToArray(), Local(2026, 1, 31)));
        output.WriteLine($"  Lin is {linState.Level} with {linState.Balance} points: {linState.Level.Benefits.Discount} off, commission rank {linState.Level.Benefits.CommissionRank}, badge {linState.Level.Benefits.Badge}");
        linState = Show(output, zone, "Lin, Q1 retention check", program.Evaluate(linState, [], Local(2026, 4, 1, 0)));
        var q1 = linState.PointsInMonth(2026, 1) + linState.PointsInMonth(2026, 2) + linState.PointsInMonth(2026, 3);
        output.WriteLine($"  Lin keeps {linState.Level}: earned {q1} in Q1, keep-up {linState.Level.KeepUp}");
        linState = Show(output, zone, "Lin, a quiet Q2", program.Evaluate(linState,
            [GrowthActivity.OrderCompleted(new(106), lin, Local(2026, 5, 8), Yuan(450.00m))], Local(2026, 7, 1, 0)));
        output.WriteLine($"  Lin is {linState.Level} with {linState.Balance} points; next check {(linState.NextRetentionEvaluation is { } next ? Format(next, zone) : "none")}");

        // Zhou: three years of service; a refunded order takes its points back.
        var zhou = new MemberId(2);
        var zhouState = program.Enrol(zhou, Local(2023, 3, 15, 10));
        zhouState = Show(output, zone, "Zhou, March 2026", program.Evaluate(zhouState,
            [
                GrowthActivity.OrderCompleted(new(301), zhou, Local(2026, 3, 10), Yuan(620.00m)),
                GrowthActivity.OrderRefunded(new(302), zhou, Local(2026, 3, 12), new ActivityId(301)),
                GrowthActivity.TaskCompleted(new(303), zhou, Local(2026, 3, 13), "profile"),
            ], Local(2026, 3, 15, 0)));
        output.WriteLine($"  Zhou has {zhouState.Balance} points and honours: {string.Join(", ", HonourList(zhouState))}");

        linState = Show(output, zone, "Lin, later", program.Evaluate(linState, [], Local(2026, 7, 2)));
        output.WriteLine($"  Lin's honours: {string.Join(", ", HonourList(linState))}");
    }

    private static MemberGrowth Show(TextWriter output, DateTimeZone zone, string title, GrowthEvaluation evaluation)
    {
        output.WriteLine($"-- {title}");
        foreach (var e in evaluation.Events)
        {
            var line = e switch
            {
                PointsEarned p => $"{p.Kind} #{p.Activity}: +{p.Points}{(p.Capped ? $" (proposed {p.Proposed})" : string.Empty)}{(p.StreakDay > 0 ? $" [streak day {p.StreakDay}]" : string.Empty)} -> {p.Balance}",
                PointsReversed r => $"refund #{r.Activity} of #{r.Reversed}: -{r.Points} -> {r.Balance}",
                ActivityIgnored i => $"{i.Kind} #{i.Activity}: ignored ({i.Reason})",
                LevelPromoted up => $"PROMOTED {up.From} -> {up.To} at {up.Balance} points",
                LevelDemoted { Reason: DemotionReason.KeepUpNotMet } down => $"DEMOTED {down.From} -> {down.To} (keep-up not met: earned {down.Earned} of {down.Required} this quarter; forfeited {down.Forfeited}) -> {down.Balance}",
                LevelDemoted down => $"DEMOTED {down.From} -> {down.To} (balance fell to {down.Balance})",
                HonourAwarded a => $"HONOUR {a.Honour.Name} / {a.Honour.Tier}{(a.Honour.ExpiresAt is { } x ? $" (until {Format(x, zone)})" : string.Empty)}",
                HonourExpired x => $"honour expired: {x.Honour.Name} / {x.Honour.Tier}",
                _ => e.ToString(),
            };
            output.WriteLine($"  {Format(e.At, zone)}  {line}");
        }

        return evaluation.State;
    }

    private static string Format(Instant at, DateTimeZone zone) =>
        at.InZone(zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static IEnumerable<string> HonourList(MemberGrowth state)
    {
        foreach (var h in state.Honours)
        {
            yield return $"{h.Name} {h.Tier} ({h.Status})";
        }
    }
}
