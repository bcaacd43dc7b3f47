using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.Compliance;

/// <summary>
/// Issue 8: the compliance audit of a whole network
/// (<c>ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(network)</c>) in under 2 s at 10^6 members,
/// and its scaling from 10^4 to 10^6 members (linear: the time per member stays flat apart from cache
/// effects).
/// </summary>
[MemoryDiagnoser]
public class NetworkAuditBenchmarks
{
    private ReferralNetwork _network = null!;

    /// <summary>Gets or sets the number of members of the network.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Members { get; set; }

    /// <summary>Gets the network sizes: 10^4, 10^5, 10^6 (10^4 only in a smoke run).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.NetworkSizes;

    [GlobalSetup]
    public void Setup()
    {
        _network = NetworkBlueprint.Generate(Members, BenchmarkSizes.Seed).Build();

        // The generated networks have deep chains from 10^5 members on; the audit must see them.
        var report = Audit();
        if (Members >= 100_000 && report.Findings.Count == 0)
        {
            throw new InvalidOperationException($"The audit of {Members} members found nothing, but the network has deep chains.");
        }
    }

    /// <summary>Audits the whole network against the China social-commerce profile.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public NetworkAuditReport Audit() => ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(_network);
}
