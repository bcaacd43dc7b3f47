using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Network;
using CommissionEngine = SocialCommerce.Commissions.CommissionEngine;
using CommissionLine = SocialCommerce.Commissions.CommissionLine;
using SdkSale = SocialCommerce.Commissions.Sale;

namespace SocialCommerce.Benchmarks.SideBySide;

/// <summary>
/// Scaling of the quote (issue 8: linear from 10^4 to 10^6): a whole batch of sales quoted over
/// networks of 10^4, 10^5 and 10^6 members, with 10^4 and 10^5 sales. Linear means the batch time
/// grows ×10 with ×10 sales, and the per-sale time (batch ÷ sales) stays flat as the network grows,
/// apart from cache effects. Measured on the allocation-free floor and on the SDK engine's batch path.
/// </summary>
[MemoryDiagnoser]
public class QuoteScalingBenchmarks
{
    private readonly PayoutLine[] _buffer = new PayoutLine[ThreeLevelPlan.Levels * ThreeLevelPlan.MaxSaleLines];
    private readonly CommissionLine[] _lines = new CommissionLine[ThreeLevelPlan.Levels * ThreeLevelPlan.MaxSaleLines];
    private Sale[] _sales = null!;
    private SdkSale[] _sdkSales = null!;
    private ReferralNetwork _network = null!;
    private CommissionEngine _engine = null!;
    private IThreeLevelQuoter _minorUnitLoop = null!;

    /// <summary>Gets or sets the number of members of the network.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Members { get; set; }

    /// <summary>Gets or sets the number of sales in the batch.</summary>
    [ParamsSource(nameof(SalesCounts))]
    public int Sales { get; set; }

    /// <summary>Gets the network sizes: 10^4, 10^5, 10^6 (10^4 only in a smoke run).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.NetworkSizes;

    /// <summary>Gets the batch sizes: 10^4 and 10^5 sales (10^4 only in a smoke run).</summary>
    public static IEnumerable<int> SalesCounts => BenchmarkSizes.IsSmoke ? [10_000] : [10_000, 100_000];

    [GlobalSetup]
    public void Setup()
    {
        var blueprint = NetworkBlueprint.Generate(Members, BenchmarkSizes.Seed);
        var network = blueprint.Build();
        _sales = SalesGenerator.Generate(blueprint.Members, Sales, BenchmarkSizes.Seed);
        _minorUnitLoop = new MinorUnitLoopQuoter(network);
        _network = network;
        var sdk = new SdkEngineQuoter(network, _sales);
        _engine = sdk.Engine;
        _sdkSales = Commissions.SdkSales.ToSdk(_sales);
        QuoterAgreement.Verify([new DirectLoopQuoter(network), _minorUnitLoop, sdk], _sales);
    }

    /// <summary>The reference floor with integer minor-unit arithmetic; the time is for the whole batch.</summary>
    [Benchmark(Baseline = true)]
    public long MinorUnitLoopBatch()
    {
        long lines = 0;
        foreach (var sale in _sales)
        {
            lines += _minorUnitLoop.Quote(sale, _buffer);
        }

        return lines;
    }

    /// <summary>The SDK's commission engine through its batch path; the time is for the whole batch.</summary>
    /// <returns>The number of lines quoted.</returns>
    [Benchmark]
    public long SdkEngineBatch()
    {
        long lines = 0;
        var buffer = _lines.AsSpan();
        foreach (var sale in _sdkSales)
        {
            lines += _engine.QuoteInto(sale, _network, buffer, out _);
        }

        return lines;
    }
}
