using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.Network;

/// <summary>
/// Budget: building a 1,000,000-member network in under 1 second. Replays a generated
/// <see cref="NetworkBlueprint"/> through <see cref="ReferralNetwork.AddMember(MemberId, MemberId, NodaTime.Instant)"/>;
/// the random draws happen in the setup, not in the measured code.
/// </summary>
[MemoryDiagnoser]
public class NetworkBuildBenchmarks
{
    private NetworkBlueprint _blueprint = null!;

    /// <summary>Gets or sets the number of members.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Members { get; set; }

    /// <summary>Gets the sizes: 10^4, 10^5, 10^6 (10^4 only in a smoke run).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.NetworkSizes;

    [GlobalSetup]
    public void Setup() => _blueprint = NetworkBlueprint.Generate(Members, BenchmarkSizes.Seed);

    /// <summary>The host knows its member count and gives it as capacity.</summary>
    [Benchmark(Baseline = true)]
    public ReferralNetwork Build() => _blueprint.Build(presize: true);

    /// <summary>The network starts small and grows by doubling.</summary>
    [Benchmark]
    public ReferralNetwork BuildGrowing() => _blueprint.Build(presize: false);
}
