using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Benchmarks.SideBySide;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;
using SdkSale = SocialCommerce.Commissions.Sale;

namespace SocialCommerce.Benchmarks.Commissions;

/// <summary>
/// Issue 8: the quote with compression (eligibility through <see cref="IDistributorStatus"/>, the
/// ineligible share compressed up the chain) and the compliance stage
/// (<see cref="ComplianceProfiles.ChinaSocialCommerce"/>) on must stay within 1.5× of the plain quote.
/// Both quote the same 10,000 sales through the batch path; times and allocations are per sale.
/// </summary>
[MemoryDiagnoser]
public class QuoteStageBenchmarks
{
    /// <summary>Sales quoted per invocation.</summary>
    public const int SalesPerInvoke = 10_000;

    private readonly CommissionLine[] _lines = new CommissionLine[ThreeLevelPlan.Levels * ThreeLevelPlan.MaxSaleLines];
    private SdkSale[] _sales = null!;
    private ReferralNetwork _network = null!;
    private CommissionEngine _plain = null!;
    private CommissionEngine _staged = null!;

    /// <summary>Gets or sets the number of members of the network.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Members { get; set; }

    /// <summary>Gets the network size: 10^6 (10^4 in a smoke run).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.QuoteNetworkSizes;

    [GlobalSetup]
    public void Setup()
    {
        var blueprint = NetworkBlueprint.Generate(Members, BenchmarkSizes.Seed);
        _network = blueprint.Build();
        _sales = SdkSales.ToSdk(SalesGenerator.Generate(blueprint.Members, SalesPerInvoke, BenchmarkSizes.Seed));
        _plain = new CommissionEngine(SdkEngineQuoter.CreatePlan());
        var compressed = SdkEngineQuoter.CreateBuilder()
            .Eligibility(CommissionEligibility.EnabledDistributors, IneligibleShare.Compress)
            .Build();
        _staged = new CommissionEngine(compressed, new CommissionEngineOptions
        {
            Distributors = new EveryFifthDisabled(),
            Compliance = ComplianceProfiles.ChinaSocialCommerce,
        });

        // The staged engine must actually compress: some line goes to a member further up than its level's.
        var compressedLines = 0;
        foreach (var sale in _sales)
        {
            var count = _staged.QuoteInto(sale, _network, _lines, out _);
            for (var i = 0; i < count; i++)
            {
                compressedLines += (_lines[i].Marks & CommissionLineMarks.Compressed) != 0 ? 1 : 0;
            }
        }

        if (compressedLines == 0)
        {
            throw new InvalidOperationException("The compression benchmark compressed no line.");
        }
    }

    /// <summary>The plain 3-level plan (the baseline of the 1.5× budget).</summary>
    /// <returns>The number of lines quoted.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = SalesPerInvoke)]
    public long Plain() => QuoteAll(_plain);

    /// <summary>The same plan with eligibility, compression and the compliance stage.</summary>
    /// <returns>The number of lines quoted.</returns>
    [Benchmark(OperationsPerInvoke = SalesPerInvoke)]
    public long CompressionAndCompliance() => QuoteAll(_staged);

    private long QuoteAll(CommissionEngine engine)
    {
        long lines = 0;
        var buffer = _lines.AsSpan();
        foreach (var sale in _sales)
        {
            lines += engine.QuoteInto(sale, _network, buffer, out _);
        }

        return lines;
    }

    /// <summary>Every member whose id is a multiple of 5 is not an enabled distributor (20 % of the network).</summary>
    private sealed class EveryFifthDisabled : IDistributorStatus
    {
        public bool IsEnabledDistributor(MemberId member) => member.Value % 5 != 0;
    }
}
