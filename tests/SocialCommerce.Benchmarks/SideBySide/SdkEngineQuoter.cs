using System;
using System.Collections.Generic;
using SocialCommerce.Benchmarks.Commissions;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using BenchSale = SocialCommerce.Benchmarks.Data.Sale;

namespace SocialCommerce.Benchmarks.SideBySide;

/// <summary>
/// The SDK's <see cref="CommissionEngine"/> behind <see cref="IThreeLevelQuoter"/>: the plan built with
/// <see cref="CommissionPlan.CreateBuilder"/> (levels 10 % / 5 % / 2 %, electronics 4 % / 2 % / 1 %),
/// quoted through the batch path <see cref="CommissionEngine.QuoteInto"/> into a reused buffer.
/// </summary>
/// <remarks>
/// The generated sales are converted to the SDK's <see cref="Sale"/> once, in the constructor (the
/// adapter looks them up by reference), so neither the agreement check nor a benchmark pays for the
/// conversion. The timed SDK benchmarks call <see cref="CommissionEngine.QuoteInto"/> on converted sales directly.
/// </remarks>
internal sealed class SdkEngineQuoter : IThreeLevelQuoter
{
    private readonly ReferralNetwork _network;
    private readonly Dictionary<BenchSale, Sale> _converted = new(ReferenceEqualityComparer.Instance);
    private readonly CommissionLine[] _lines = new CommissionLine[ThreeLevelPlan.Levels * ThreeLevelPlan.MaxSaleLines];

    public SdkEngineQuoter(ReferralNetwork network, IReadOnlyList<BenchSale> sales, CommissionEngine? engine = null)
    {
        _network = network;
        Engine = engine ?? new CommissionEngine(CreatePlan());
        foreach (var sale in sales)
        {
            _converted.Add(sale, SdkSales.ToSdk(sale));
        }
    }

    public string Name => "SDK commission engine";

    /// <summary>Gets the engine.</summary>
    public CommissionEngine Engine { get; }

    /// <summary>The side-by-side plan through the SDK's builder.</summary>
    /// <returns>The plan.</returns>
    public static CommissionPlan CreatePlan() => CreateBuilder().Build();

    /// <summary>The side-by-side plan's builder, for variants (eligibility, compression).</summary>
    /// <returns>The builder with the levels and the override.</returns>
    public static CommissionPlanBuilder CreateBuilder() => CommissionPlan.CreateBuilder("three-level", Currency.CNY)
        .Levels(Rate.FromFraction(ThreeLevelPlan.DefaultRates[0]), Rate.FromFraction(ThreeLevelPlan.DefaultRates[1]), Rate.FromFraction(ThreeLevelPlan.DefaultRates[2]))
        .CategoryOverride(ThreeLevelPlan.OverrideCategory, o => o
            .Level(1, Rate.FromFraction(ThreeLevelPlan.OverrideRates[0]))
            .Level(2, Rate.FromFraction(ThreeLevelPlan.OverrideRates[1]))
            .Level(3, Rate.FromFraction(ThreeLevelPlan.OverrideRates[2])));

    public int Quote(BenchSale sale, Span<PayoutLine> destination)
    {
        var count = Engine.QuoteInto(_converted[sale], _network, _lines, out _);
        var written = 0;
        for (var i = 0; i < count; i++)
        {
            var line = _lines[i];
            if (!line.Amount.IsZero)
            {
                destination[written++] = new PayoutLine(line.Beneficiary, line.Level, line.SaleLineIndex, line.Amount);
            }
        }

        return written;
    }
}
