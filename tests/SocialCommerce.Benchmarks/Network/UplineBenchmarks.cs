using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.Network;

/// <summary>
/// Budget: an upline of 3 levels in under 50 ns, 0 bytes allocated. <see cref="ReferralNetwork.CopyUpline"/>
/// into a stack buffer, for one member again and again (everything in cache) and for a batch of
/// 65,536 random members of the network (in a 10^6 network the index and the arrays outgrow the
/// 32 MiB L3 cache, so most lookups miss it, as in production).
/// </summary>
[MemoryDiagnoser]
public class UplineBenchmarks
{
    private const int Batch = 65_536;
    private const int Levels = 3;

    private ReferralNetwork _network = null!;
    private MemberId _member;
    private MemberId[] _members = null!;

    /// <summary>Gets or sets the number of members.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Members { get; set; }

    /// <summary>Gets the sizes: 10^4, 10^5, 10^6 (10^4 only in a smoke run).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.NetworkSizes;

    [GlobalSetup]
    public void Setup()
    {
        var blueprint = NetworkBlueprint.Generate(Members, BenchmarkSizes.Seed);
        _network = blueprint.Build();

        // Members with at least 3 levels above them, drawn at random (seeded), so every call walks 3 links.
        var random = new Random(BenchmarkSizes.Seed);
        _members = new MemberId[Batch];
        for (var filled = 0; filled < Batch;)
        {
            var candidate = blueprint.Members[random.Next(blueprint.Count)];
            if (_network.GetDepth(candidate) >= Levels)
            {
                _members[filled++] = candidate;
            }
        }

        _member = _members[0];
    }

    /// <summary>The same member each call: the cost of the walk itself.</summary>
    [Benchmark(Baseline = true)]
    public long Upline3OneMember()
    {
        Span<MemberId> upline = stackalloc MemberId[Levels];
        var levels = _network.CopyUpline(_member, upline);
        return upline[levels - 1].Value;
    }

    /// <summary>65,536 random members per invocation, reported per call.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long Upline3RandomMembers()
    {
        Span<MemberId> upline = stackalloc MemberId[Levels];
        long sum = 0;
        foreach (var member in _members)
        {
            var levels = _network.CopyUpline(member, upline);
            sum += upline[levels - 1].Value;
        }

        return sum;
    }
}
