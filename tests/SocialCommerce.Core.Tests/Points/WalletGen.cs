using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SocialCommerce.Points;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Points;

public enum WalletStepKind
{
    Earn,
    Complete,
    Reserve,
    Commit,
    Release,
    Return,
    TakeBack,
    Expire,
    SignIn,
    Task,
}

/// <summary>One wallet command of a generated history, over small id spaces so commands meet the same lots and orders.</summary>
public sealed record WalletStep(WalletStepKind Kind, int Id, int Other, long Points, int Hours, PointsSource Source, int ExpiryDays, bool Capped)
{
    public PointsResult Apply(PointsWallet wallet, Instant at) => Kind switch
    {
        WalletStepKind.Earn => wallet.Earn(Earning(at)),
        WalletStepKind.Complete => wallet.CompletePurchase($"L-{Id}", at, Duration.FromDays(Other)),
        WalletStepKind.Reserve => wallet.Reserve($"O-{Id % 4}", Points, at),
        WalletStepKind.Commit => wallet.Commit($"O-{Id % 4}", at),
        WalletStepKind.Release => wallet.Release($"O-{Id % 4}", at),
        WalletStepKind.Return => wallet.Return($"O-{Id % 4}", $"R-{Other}", Points, at),
        WalletStepKind.TakeBack => wallet.TakeBack($"T-{Other}", $"L-{Id}", Points, at, Capped ? PointsClawback.CapAtAvailable : PointsClawback.CarryAsDebt),
        WalletStepKind.SignIn => wallet.SignIn(WalletGen.SignIn, at),
        WalletStepKind.Task => wallet.CompleteTask(WalletGen.Task, $"done-{Other}", at),
        _ => wallet.ExpireDue(at),
    };

    // The lot's content depends only on its id, so a second Earn of the same id is a resend.
    private PointsEarning Earning(Instant at) => new(
        $"L-{Id}",
        Source,
        Points,
        WalletGen.Start + Duration.FromHours(Id * 7),
        ExpiryDays == 0 ? null : PointsExpiry.AfterDays(ExpiryDays),
        Source == PointsSource.Grant ? "ops-1" : null,
        Source == PointsSource.Grant ? "goodwill" : null);

    public override string ToString() => $"{Kind}({Id},{Other},{Points},+{Hours}h{(Kind == WalletStepKind.Earn ? $",{Source},exp {ExpiryDays}d" : string.Empty)}{(Kind == WalletStepKind.TakeBack ? (Capped ? ",cap" : ",debt") : string.Empty)})";
}

public static class WalletGen
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 0, 0);

    /// <summary>5 points a day in Shanghai, 10 more every third day in a row, expiring after 30 days.</summary>
    public static readonly SignInRule SignIn = new(5, DateTimeZoneProviders.Tzdb["Asia/Shanghai"], streakDays: 3, streakBonus: 10, expiry: PointsExpiry.AfterDays(30));

    /// <summary>A review task: 20 points, once a day, three times in all.</summary>
    public static readonly PointsTaskRule Task = new("review", 20, dailyCap: 1, totalCap: 3);

    private static Gen<long> Points(int lotId) =>
        Gen.Frequency((6, Gen.Choose(1, 1_000).Select(p => (long)p)), (2, Gen.Choose(1_001, 1_000_000).Select(p => (long)p)), (1, MoneyGen.ChooseLong(1, Limits.MaxPoints)));

    public static Gen<WalletStep> Steps { get; } =
        from kind in Gen.Frequency(
            (5, Gen.Constant(WalletStepKind.Earn)), (2, Gen.Constant(WalletStepKind.Complete)), (5, Gen.Constant(WalletStepKind.Reserve)),
            (3, Gen.Constant(WalletStepKind.Commit)), (2, Gen.Constant(WalletStepKind.Release)), (2, Gen.Constant(WalletStepKind.Return)),
            (2, Gen.Constant(WalletStepKind.TakeBack)), (1, Gen.Constant(WalletStepKind.Expire)),
            (1, Gen.Constant(WalletStepKind.SignIn)), (1, Gen.Constant(WalletStepKind.Task)))
        from id in Gen.Choose(0, 7)
        from other in Gen.Choose(0, 9)
        from points in Points(id)
        from hours in Gen.Frequency((4, Gen.Choose(0, 24)), (2, Gen.Choose(25, 24 * 40)), (1, Gen.Choose(0, 24 * 400)))
        from source in Gen.Elements(Enum.GetValues<PointsSource>())
        from expiry in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 60)))
        from capped in Gen.Elements(false, true)
        from small in Gen.Choose(1, 300)
        select kind switch
        {
            WalletStepKind.Earn => new WalletStep(kind, id, other, (id * 7919 % 5_000) + 1 + (points % 3 == 0 ? 1_000_000 : 0), hours, (PointsSource)(id % 6), (id % 3) * 20, capped),
            WalletStepKind.Return => new WalletStep(kind, id, other, small, hours, source, expiry, capped),
            _ => new WalletStep(kind, id, other, points, hours, source, expiry, capped),
        };

    public static Gen<WalletStep[]> Histories { get; } = Steps.ArrayOf().Select(s => s.Take(60).ToArray());
}

public static class WalletArbitraries
{
    public static Arbitrary<WalletStep[]> Histories() => WalletGen.Histories.ToArbitrary();
}
