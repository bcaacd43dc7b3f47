using System;
using System.Globalization;
using System.IO;
using System.Linq;
using SocialCommerce.Benchmarks.SideBySide;

namespace SocialCommerce.Benchmarks.Data;

/// <summary>
/// <c>dotnet run -c Release --project tests/SocialCommerce.Benchmarks -- --describe-data</c>: prints the
/// shape of the generated networks and sales and a fingerprint of each, so a rerun on another machine
/// can confirm it benchmarks the very same data (the fingerprints are in docs/performance.md).
/// </summary>
internal static class DataReport
{
    /// <summary>The argument that selects this report instead of the benchmarks.</summary>
    public const string Argument = "--describe-data";

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static void Write(TextWriter output)
    {
        foreach (var members in new[] { 10_000, 100_000, 1_000_000 })
        {
            var blueprint = NetworkBlueprint.Generate(members, BenchmarkSizes.Seed);
            var network = blueprint.Build();
            var depth = new int[members];
            var referrals = new int[members];
            var roots = 0;
            for (var i = 0; i < members; i++)
            {
                var referrer = blueprint.Referrers[i];
                if (referrer < 0)
                {
                    roots++;
                }
                else
                {
                    depth[i] = depth[referrer] + 1;
                    referrals[referrer]++;
                }

                if (network.GetDepth(blueprint.Members[i]) != depth[i])
                {
                    throw new InvalidOperationException($"Member {blueprint.Members[i]}: the network says depth {network.GetDepth(blueprint.Members[i])}, the blueprint {depth[i]}.");
                }
            }

            var fingerprint = FnvOffset;
            foreach (var referrer in blueprint.Referrers)
            {
                fingerprint = unchecked((fingerprint ^ (uint)referrer) * FnvPrime);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"network {members:N0} members (seed {BenchmarkSizes.Seed}): fingerprint {fingerprint:x16}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  trees {roots:N0}; max depth {depth.Max()}; members at depth >= 3: {depth.Count(d => d >= 3):N0}; at depth >= 10: {depth.Count(d => d >= 10):N0}; at depth >= 100: {depth.Count(d => d >= 100):N0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  referred nobody: {referrals.Count(r => r == 0) * 100.0 / members:F1} %; most direct referrals: {referrals.Max():N0}; members with >= 100 direct referrals: {referrals.Count(r => r >= 100):N0}"));
            var histogram = string.Join(", ", Enumerable.Range(0, 8).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d}: {depth.Count(x => x == d):N0}")));
            output.WriteLine("  members by depth " + histogram);

            var sales = SalesGenerator.Generate(blueprint.Members, SideBySide.ThreeLevelQuoteBenchmarks.SalesPerInvoke, BenchmarkSizes.Seed);
            var salesFingerprint = FnvOffset;
            var lines = 0;
            var revenue = 0m;
            var electronics = 0;
            foreach (var sale in sales)
            {
                salesFingerprint = unchecked((salesFingerprint ^ (ulong)sale.Buyer.Value) * FnvPrime);
                foreach (var line in sale.Lines)
                {
                    lines++;
                    revenue += line.Amount;
                    electronics += line.Category == ThreeLevelPlan.OverrideCategory ? 1 : 0;
                    salesFingerprint = unchecked((salesFingerprint ^ (ulong)decimal.ToInt64(line.Amount * 100m)) * FnvPrime);
                }
            }

            var (payouts, paid) = QuoterAgreement.Verify([new LinqQuoter(network), new DirectLoopQuoter(network), new MinorUnitLoopQuoter(network)], sales);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sales.Length:N0} sales: fingerprint {salesFingerprint:x16}; {lines:N0} lines ({electronics:N0} electronics); revenue {revenue:N2} CNY; {payouts:N0} payout lines paying {paid:N2} CNY"));
        }
    }
}
