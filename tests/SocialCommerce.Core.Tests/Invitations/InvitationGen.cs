using System;
using System.Collections.Generic;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SocialCommerce.Invitations;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Invitations;

/// <summary>A bargain's terms over the whole supported range: 0–3-digit currencies, up to 10^15 minor units, up to 10,000 helpers, every curve and seed.</summary>
public sealed record BargainCase(Currency Currency, int Helpers, long MinimumMinor, long SpreadMinor, long FloorMinor, CutCurve Curve, decimal? BoostBasisPoints, long Seed)
{
    public long TotalMinor => (MinimumMinor * Helpers) + SpreadMinor;

    public BargainRule Rule(InvitationRuleOptions? common = null, DeadlineOutcome atDeadline = DeadlineOutcome.Fail) => BargainRule.Create("case", new BargainRuleOptions
    {
        StartPrice = Money.FromMinorUnits(FloorMinor + TotalMinor, Currency),
        Floor = Money.FromMinorUnits(FloorMinor, Currency),
        MinimumCut = Money.FromMinorUnits(MinimumMinor, Currency),
        Helpers = Helpers,
        Curve = Curve,
        FirstHelpShare = BoostBasisPoints is decimal bp ? Rate.BasisPoints(bp) : null,
        AtDeadline = atDeadline,
        TimeLimit = common?.TimeLimit ?? Duration.FromHours(24),
        Eligibility = common?.Eligibility ?? HelperEligibility.NotOwner,
        HelpsPerHelper = Math.Min(common?.HelpsPerHelper ?? 1, Helpers),
        HelpsPerHelperPerDay = common?.HelpsPerHelperPerDay,
    });

    public override string ToString() => $"{Currency.Code} N={Helpers} m={MinimumMinor} spread={SpreadMinor} floor={FloorMinor} {Curve} boost={BoostBasisPoints} seed={Seed}";
}

/// <summary>One help attempt of a stream: who (0 = the owner), when (seconds after opening), new member or not.</summary>
public sealed record HelpAttempt(int Helper, int OffsetSeconds, bool IsNewMember);

public static class InvitationGen
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 11, 0, 0);

    /// <summary>A magnitude-spread choice in [0, max]: first a number of digits, then a value, so small and huge values both appear.</summary>
    public static Gen<long> Spread(long max) =>
        Gen.Choose(0, 15).SelectMany(digits => MoneyGen.ChooseLong(0, Math.Min(max, (long)Math.Pow(10, digits))));

    public static Gen<BargainCase> Bargains { get; } =
        from currency in MoneyGen.Currencies
        from helpers in Gen.Frequency((6, Gen.Choose(1, 20)), (3, Gen.Choose(21, 500)), (1, Gen.Choose(501, InvitationRule.MaxHelpers)))
        from minimum in Spread((Limits.MaxMinorUnits / 2) / helpers).Select(m => Math.Max(1, m))
        from spread in Spread((Limits.MaxMinorUnits / 2) - (minimum * helpers))
        from floor in Spread(Limits.MaxMinorUnits / 2)
        from curve in Gen.Elements(CutCurve.Even, CutCurve.DoubleMean, CutCurve.Decaying)
        from boost in Gen.Frequency((2, Gen.Constant<decimal?>(null)), (1, MoneyGen.PreciseBasisPoints(9_999).Where(bp => bp > 0m).Select(bp => (decimal?)bp)))
        from seed in MoneyGen.ChooseLong(long.MinValue / 2, long.MaxValue / 2)
        select new BargainCase(currency, helpers, minimum, spread, floor, curve, boost, seed);

    /// <summary>Small bargains (up to 12 helpers) for help streams.</summary>
    public static Gen<BargainCase> SmallBargains { get; } =
        from currency in MoneyGen.Currencies
        from helpers in Gen.Choose(1, 12)
        from minimum in Spread(1_000_000).Select(m => Math.Max(1, m))
        from spread in Spread(Limits.MaxMinorUnits / 4)
        from floor in Spread(1_000_000)
        from curve in Gen.Elements(CutCurve.Even, CutCurve.DoubleMean, CutCurve.Decaying)
        from seed in MoneyGen.ChooseLong(long.MinValue / 2, long.MaxValue / 2)
        select new BargainCase(currency, helpers, minimum, spread, floor, curve, null, seed);

    public static Gen<List<HelpAttempt>> Attempts(int helpers) =>
        (from helper in Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, helpers + 4)))
         from offset in Gen.Frequency((9, Gen.Choose(0, 86_399)), (1, Gen.Choose(86_399, 90_000)))
         from isNew in Gen.Elements(true, false)
         select new HelpAttempt(helper, offset, isNew)).ListOf().Select(l => new List<HelpAttempt>(l));
}

public static class InvitationArbitraries
{
    public static Arbitrary<BargainCase> Bargains() => InvitationGen.Bargains.ToArbitrary();
}
