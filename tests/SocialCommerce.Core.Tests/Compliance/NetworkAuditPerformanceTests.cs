using System;
using System.Diagnostics;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.Network;
using Xunit.Abstractions;

namespace SocialCommerce.Core.Tests.Compliance;

public sealed class NetworkAuditPerformanceTests(ITestOutputHelper output)
{
    private const int Members = 1_000_000;

    [Theory]
    [InlineData("random recursive tree", 0)]
    [InlineData("towers of short hops", 3)]
    [InlineData("one chain", 1)]
    [InlineData("cells of 40", -1)]
    public void A_million_member_network_is_audited_in_under_two_seconds(string name, int hop)
    {
        var network = Build(hop);
        var profile = ComplianceProfiles.ChinaSocialCommerce;
        var plan = new PlanFacts("plan", 3, Rate.Percent(15m), false, false);

        profile.AuditNetwork(network, plan); // warm-up: JIT
        var (report, elapsed) = BestOfThree(() => profile.AuditNetwork(network, plan));

        output.WriteLine($"{name}: {report} in {elapsed.TotalMilliseconds} ms");
        Assert.Equal(Members, report.Analysis.MemberCount);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"{name}: audit took {elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void A_million_member_host_store_is_audited_through_IReferralNetwork_in_under_two_seconds()
    {
        var network = Build(0);
        var members = new MemberId[Members];
        for (var i = 0; i < Members; i++)
        {
            members[i] = new MemberId(i);
        }

        var profile = ComplianceProfiles.ChinaSocialCommerce;
        profile.AuditNetwork((IReferralNetwork)network, members);
        var (report, elapsed) = BestOfThree(() => profile.AuditNetwork((IReferralNetwork)network, members));

        output.WriteLine($"general path: {report} in {elapsed.TotalMilliseconds} ms");
        Assert.Equal(Members, report.Analysis.MemberCount);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"general path: audit took {elapsed.TotalMilliseconds} ms");
    }

    // The machine is shared: the fastest of three runs is the audit's own time, the others include other processes' load.
    private static (NetworkAuditReport Report, TimeSpan Elapsed) BestOfThree(Func<NetworkAuditReport> audit)
    {
        NetworkAuditReport? report = null;
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            report = audit();
            clock.Stop();
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return (report!, best);
    }

    private static ReferralNetwork Build(int hop)
    {
        var random = new Random(20260101);
        var network = new ReferralNetwork(capacity: Members);
        var at = Instant.FromUtc(2026, 1, 1, 0, 0);
        network.AddMember(new MemberId(0), at);
        for (var i = 1; i < Members; i++)
        {
            if (hop < 0 && i % 40 == 0)
            {
                network.AddMember(new MemberId(i), at);
                continue;
            }

            var parent = hop switch
            {
                < 0 => i - 1 - random.Next(Math.Min(i % 40, 3)),
                0 => random.Next(i),
                1 => i - 1,
                _ => Math.Max(0, i - 1 - random.Next(hop)),
            };
            network.AddMember(new MemberId(i), new MemberId(parent), at);
        }

        return network;
    }
}
