using System;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SocialCommerce.Points;

namespace SocialCommerce.Benchmarks.Points;

/// <summary>
/// Issue 27: wallet earn and spend at least 1,000,000 operations a second in memory. One invocation runs
/// <see cref="Operations"/> operations on a wallet of a member who has earned 20 lots: an earning, then a reservation
/// and its commit, in turn (each with its own id, so each is applied). The time reported is per operation.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class PointsWalletBenchmarks
{
    /// <summary>Operations per invocation.</summary>
    public const int Operations = 30_000;

    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);
    private PointsWallet _wallet = null!;
    private string[] _ids = null!;

    [GlobalSetup]
    public void Ids()
    {
        _ids = new string[Operations];
        for (var i = 0; i < _ids.Length; i++)
        {
            _ids[i] = "id-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [IterationSetup]
    public void Wallet()
    {
        _wallet = new PointsWallet();
        for (var i = 0; i < 20; i++)
        {
            Expect(_wallet.Earn(new PointsEarning("seed-" + i, PointsSource.Task, 1_000, T0, PointsExpiry.AfterDays(30 + i))));
        }
    }

    /// <summary>Earn, reserve and commit in turn.</summary>
    /// <returns>The last result.</returns>
    [Benchmark(OperationsPerInvoke = Operations)]
    public PointsResult EarnAndSpend()
    {
        PointsResult last = null!;
        var at = T0;
        for (var i = 0; i < Operations; i += 3)
        {
            at += Duration.FromSeconds(1);
            last = Expect(_wallet.Earn(new PointsEarning(_ids[i], PointsSource.SignIn, 10, at, PointsExpiry.AfterDays(60))));
            last = Expect(_wallet.Reserve(_ids[i + 1], 10, at));
            last = Expect(_wallet.Commit(_ids[i + 1], at));
        }

        return last;
    }

    private static PointsResult Expect(PointsResult result) =>
        result.IsApplied ? result : throw new InvalidOperationException("The benchmark's wallet refused a command: " + result.Message);
}
