using System.Collections.Generic;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Growth;

/// <summary>What a generated step does.</summary>
public enum StepKind
{
    Order,
    Refund,
    SignIn,
    Task,
    Review,
    Course,
    Competition,
    Penalty,
    Referral,
    Bound,
    Repost,
}

/// <summary>One generated activity: its kind, the minutes since the previous step, and its data.</summary>
public sealed record ScriptStep(StepKind Kind, int GapMinutes, int AmountFen, int Rank, int Target);

/// <summary>A generated member history in a generated zone.</summary>
public sealed record Script(ScriptStep[] Steps, string ZoneId)
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 5, 3, 17);

    public static readonly MemberId Member = new(42);

    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];

    /// <summary>Turns the steps into activities with increasing ids and non-decreasing instants.</summary>
    public GrowthActivity[] Build()
    {
        var activities = new List<GrowthActivity>(Steps.Length);
        var orders = new List<ActivityId>();
        var at = Start;
        for (var i = 0; i < Steps.Length; i++)
        {
            var s = Steps[i];
            at += Duration.FromMinutes(s.GapMinutes);
            var id = new ActivityId(i + 1);
            var amount = new Money(s.AmountFen / 100m, Currency.CNY);
            switch (s.Kind)
            {
                case StepKind.Order:
                    orders.Add(id);
                    activities.Add(GrowthActivity.OrderCompleted(id, Member, at, amount));
                    break;
                case StepKind.Refund:
                    var target = orders.Count == 0 ? new ActivityId(999_999) : orders[s.Target % orders.Count];
                    activities.Add(GrowthActivity.OrderRefunded(id, Member, at, target));
                    break;
                case StepKind.SignIn:
                    activities.Add(GrowthActivity.SignIn(id, Member, at));
                    break;
                case StepKind.Task:
                    activities.Add(GrowthActivity.TaskCompleted(id, Member, at, "t" + s.Target));
                    break;
                case StepKind.Review:
                    activities.Add(GrowthActivity.ReviewPosted(id, Member, at));
                    break;
                case StepKind.Course:
                    activities.Add(GrowthActivity.CourseCompleted(id, Member, at, "c" + s.Target));
                    break;
                case StepKind.Competition:
                    activities.Add(GrowthActivity.CompetitionPlaced(id, Member, at, s.Rank));
                    break;
                case StepKind.Penalty:
                    activities.Add(new GrowthActivity(id, Member, at, GrowthArbitraries.Penalty));
                    break;
                case StepKind.Referral:
                    activities.Add(GrowthActivity.ReferredFirstOrder(id, Member, at, new MemberId(1000 + (s.Target % 5)), s.Rank % 3 == 0 ? Money.Zero(Currency.CNY) : amount));
                    break;
                case StepKind.Bound:
                    activities.Add(GrowthActivity.MemberReferred(id, Member, at, new MemberId(1000 + (s.Target % 5))));
                    break;
                default:
                    if (activities.Count == 0)
                    {
                        activities.Add(GrowthActivity.ReviewPosted(id, Member, at));
                    }
                    else
                    {
                        var earlier = activities[s.Target % activities.Count];
                        activities.Add(GrowthActivity.ReviewPosted(earlier.Id, Member, at));
                    }

                    break;
            }
        }

        return [.. activities];
    }

    public Instant End => Start + Duration.FromMinutes(TotalMinutes());

    private long TotalMinutes()
    {
        long total = 0;
        foreach (var s in Steps)
        {
            total += s.GapMinutes;
        }

        return total;
    }

    public override string ToString() => $"{ZoneId}: {string.Join(", ", System.Linq.Enumerable.Select(Steps, s => $"{s.Kind}+{s.GapMinutes}m({s.AmountFen},{s.Rank},{s.Target})"))}";
}

/// <summary>Generators for growth properties.</summary>
public static class GrowthArbitraries
{
    public static readonly GrowthActivityKind Penalty = new("review.removed");

    public static readonly string[] Zones =
    [
        "Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Chatham",
        "Asia/Kolkata", "UTC", "America/St_Johns", "Pacific/Kiritimati", "America/Los_Angeles",
    ];

    /// <summary>The documented sources plus a penalty (−15) and the V1–V5 ladder.</summary>
    public static GrowthPolicy PropertyPolicy(DateTimeZone zone, bool allowDebt = false)
    {
        var sources = new List<GrowthSource>(GrowthExamples.Policy.Sources) { new(Penalty, GrowthRules.PerActivity(-15)) };
        return new GrowthPolicy(Currency.CNY, zone, sources, allowDebt);
    }

    private static readonly Gen<int> Gap = Gen.Frequency(
        (2, Gen.Constant(0)),
        (4, Gen.Choose(1, 240)),
        (3, Gen.Choose(240, 1_800)),
        (1, Gen.Choose(1_800, 60 * 24 * 40)));

    private static Gen<ScriptStep> StepOf(Gen<StepKind> kinds) =>
        from kind in kinds
        from gap in Gap
        from fen in Gen.Frequency((1, Gen.Choose(0, 999)), (4, Gen.Choose(1_000, 300_000)), (1, Gen.Choose(300_000, 1_200_000)))
        from rank in Gen.Choose(1, 6)
        from target in Gen.Choose(0, 1_000)
        select new ScriptStep(kind, gap, fen, rank, target);

    private static Gen<Script> ScriptOf(Gen<StepKind> kinds, int maxSteps) =>
        from n in Gen.Choose(0, maxSteps)
        from steps in StepOf(kinds).ArrayOf(n)
        from zone in Gen.Elements(Zones)
        select new Script(steps, zone);

    private static readonly Gen<StepKind> AnyKind = Gen.Frequency(
        (5, Gen.Constant(StepKind.Order)),
        (2, Gen.Constant(StepKind.Refund)),
        (5, Gen.Constant(StepKind.SignIn)),
        (3, Gen.Constant(StepKind.Task)),
        (2, Gen.Constant(StepKind.Review)),
        (1, Gen.Constant(StepKind.Course)),
        (1, Gen.Constant(StepKind.Competition)),
        (2, Gen.Constant(StepKind.Penalty)),
        (1, Gen.Constant(StepKind.Referral)),
        (1, Gen.Constant(StepKind.Bound)),
        (2, Gen.Constant(StepKind.Repost)));

    /// <summary>Any history.</summary>
    public static Arbitrary<Script> Scripts() => Arb.From(ScriptOf(AnyKind, 60));

    /// <summary>Histories whose activities only earn (no refunds, no penalties).</summary>
    public static Arbitrary<EarningScript> EarningScripts() => Arb.From(
        ScriptOf(Gen.Elements(StepKind.Order, StepKind.SignIn, StepKind.Task, StepKind.Review, StepKind.Course, StepKind.Competition, StepKind.Referral, StepKind.Repost), 60)
            .Select(s => new EarningScript(s)));

    /// <summary>Histories of sign-ins only.</summary>
    public static Arbitrary<SignInScript> SignInScripts() => Arb.From(
        from n in Gen.Choose(1, 60)
        from gaps in Gen.Frequency((3, Gen.Choose(0, 60)), (6, Gen.Choose(60 * 20, 60 * 28)), (2, Gen.Choose(60 * 28, 60 * 50)), (1, Gen.Choose(0, 60 * 24 * 5))).ArrayOf(n)
        from zone in Gen.Elements(Zones)
        select new SignInScript(gaps, zone));

    /// <summary>Histories of referral bindings and referral orders only.</summary>
    public static Arbitrary<ReferralScript> ReferralScripts() => Arb.From(
        ScriptOf(Gen.Elements(StepKind.Referral, StepKind.Bound), 40).Select(s => new ReferralScript(s)));

    /// <summary>Histories dense in capped sources (tasks, reviews, big orders).</summary>
    public static Arbitrary<CapScript> CapScripts() => Arb.From(
        ScriptOf(Gen.Frequency((5, Gen.Constant(StepKind.Task)), (3, Gen.Constant(StepKind.Review)), (2, Gen.Constant(StepKind.Order)), (1, Gen.Constant(StepKind.Refund))), 80)
            .Select(s => new CapScript(s)));
}

public sealed record EarningScript(Script Script);

public sealed record ReferralScript(Script Script);

public sealed record CapScript(Script Script);

public sealed record SignInScript(int[] GapMinutes, string ZoneId)
{
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];

    public Instant[] Instants()
    {
        var at = Script.Start;
        var result = new Instant[GapMinutes.Length];
        for (var i = 0; i < result.Length; i++)
        {
            at += Duration.FromMinutes(GapMinutes[i]);
            result[i] = at;
        }

        return result;
    }
}
