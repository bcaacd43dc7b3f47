using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using SocialCommerce.Benchmarks.Commissions;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Network;
using CommissionEngine = SocialCommerce.Commissions.CommissionEngine;
using CommissionLine = SocialCommerce.Commissions.CommissionLine;
using SdkSale = SocialCommerce.Commissions.Sale;

namespace SocialCommerce.Benchmarks.SideBySide;

/// <summary>
/// The side-by-side comparison: the 3-level plan with the electronics override, quoted by each
/// implementation on the same network and the same 10,000 sales, reported per sale. The setup first
/// checks that every implementation pays the same amounts (<see cref="QuoterAgreement"/>) and throws
/// if not.
/// </summary>
[MemoryDiagnoser]
public class ThreeLevelQuoteBenchmarks
{
    /// <summary>Sales quoted per invocation (the reported time and allocation are per sale).</summary>
    public const int SalesPerInvoke = 10_000;

    private readonly PayoutLine[] _buffer = new PayoutLine[ThreeLevelPlan.Levels * ThreeLevelPlan.MaxSaleLines];
    private readonly CommissionLine[] _lines = new CommissionLine[ThreeLevelPlan.Levels * ThreeLevelPlan.MaxSaleLines];
    private Sale[] _sales = null!;
    private SdkSale[] _sdkSales = null!;
    private ReferralNetwork _network = null!;
    private CommissionEngine _engine = null!;
    private IThreeLevelQuoter _linq = null!;
    private IThreeLevelQuoter _rulesEngine = null!;
    private IThreeLevelQuoter _directLoop = null!;
    private IThreeLevelQuoter _minorUnitLoop = null!;

    /// <summary>Gets or sets the number of members of the network.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Members { get; set; }

    /// <summary>Gets the network size: 10^6 (10^4 in a smoke run).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.QuoteNetworkSizes;

    [GlobalSetup]
    public void Setup()
    {
        var blueprint = NetworkBlueprint.Generate(Members, BenchmarkSizes.Seed);
        var network = blueprint.Build();
        _network = network;
        _sales = SalesGenerator.Generate(blueprint.Members, SalesPerInvoke, BenchmarkSizes.Seed);
        var sdk = new SdkEngineQuoter(network, _sales);
        _engine = sdk.Engine;
        _sdkSales = SdkSales.ToSdk(_sales);
        _linq = new LinqQuoter(network);
        _rulesEngine = new RulesEngineQuoter(network);
        _directLoop = new DirectLoopQuoter(network);
        _minorUnitLoop = new MinorUnitLoopQuoter(network);
        QuoterAgreement.Verify([_linq, _rulesEngine, _directLoop, _minorUnitLoop, sdk], _sales);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SalesPerInvoke)]
    public long Linq() => QuoteAll(_linq);

    [Benchmark(OperationsPerInvoke = SalesPerInvoke)]
    public long RulesEngine() => QuoteAll(_rulesEngine);

    /// <summary>The reference floor (no LINQ, no allocation), not one of the compared products.</summary>
    [Benchmark(OperationsPerInvoke = SalesPerInvoke)]
    public long DirectLoop() => QuoteAll(_directLoop);

    /// <summary>The reference floor with integer minor-unit arithmetic, not one of the compared products.</summary>
    [Benchmark(OperationsPerInvoke = SalesPerInvoke)]
    public long MinorUnitLoop() => QuoteAll(_minorUnitLoop);

    /// <summary>The SDK's commission engine through its batch path (<see cref="CommissionEngine.QuoteInto"/>) into a reused buffer.</summary>
    [Benchmark(OperationsPerInvoke = SalesPerInvoke)]
    public long SdkEngine()
    {
        long lines = 0;
        var buffer = _lines.AsSpan();
        foreach (var sale in _sdkSales)
        {
            lines += _engine.QuoteInto(sale, _network, buffer, out _);
        }

        return lines;
    }

    /// <summary>
    /// The SDK's commission engine through <see cref="CommissionEngine.Quote"/>: a whole <c>CommissionQuote</c> allocated
    /// per sale (its lines in their compact form, composed when read: see <see cref="SdkEngineQuoteAndRead"/>).
    /// </summary>
    [Benchmark(OperationsPerInvoke = SalesPerInvoke)]
    public long SdkEngineQuote()
    {
        long lines = 0;
        foreach (var sale in _sdkSales)
        {
            lines += _engine.Quote(sale, _network).Lines.Count;
        }

        return lines;
    }

    /// <summary>
    /// As <see cref="SdkEngineQuote"/>, then the total and every line read once as a <see cref="CommissionLine"/>: what a
    /// host that posts or shows the quote pays on top (the quote states its amounts as decimals when they are read).
    /// </summary>
    [Benchmark(OperationsPerInvoke = SalesPerInvoke)]
    public long SdkEngineQuoteAndRead()
    {
        long levels = 0;
        foreach (var sale in _sdkSales)
        {
            var quote = _engine.Quote(sale, _network);
            levels += quote.Total.Amount.Scale;
            foreach (var line in quote.Lines)
            {
                levels += line.Level + line.Amount.Amount.Scale;
            }
        }

        return levels;
    }

    private long QuoteAll(IThreeLevelQuoter quoter)
    {
        long lines = 0;
        foreach (var sale in _sales)
        {
            lines += quoter.Quote(sale, _buffer);
        }

        return lines;
    }
}
