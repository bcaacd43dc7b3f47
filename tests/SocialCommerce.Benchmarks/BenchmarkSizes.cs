using System;
using System.Collections.Generic;

namespace SocialCommerce.Benchmarks;

/// <summary>
/// The data sizes of the suite, and the smoke switch: with the environment variable
/// <c>SOCIALCOMMERCE_BENCH_SMOKE=1</c> every network is 10^4 members, so a CI smoke run
/// (<c>--job dry</c>) only proves that every benchmark sets up, agrees and runs.
/// </summary>
internal static class BenchmarkSizes
{
    /// <summary>The environment variable that shrinks the data for smoke runs.</summary>
    public const string SmokeVariable = "SOCIALCOMMERCE_BENCH_SMOKE";

    /// <summary>The seed of every generator.</summary>
    public const int Seed = 20_261_123;

    /// <summary>Gets whether this is a smoke run.</summary>
    public static bool IsSmoke => Environment.GetEnvironmentVariable(SmokeVariable) == "1";

    /// <summary>Gets the network sizes of the scaling benchmarks: 10^4, 10^5, 10^6.</summary>
    public static IEnumerable<int> NetworkSizes => IsSmoke ? [10_000] : [10_000, 100_000, 1_000_000];

    /// <summary>Gets the network size the per-sale benchmarks run on: 10^6.</summary>
    public static IEnumerable<int> QuoteNetworkSizes => IsSmoke ? [10_000] : [1_000_000];
}
