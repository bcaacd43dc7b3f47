using System;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SocialCommerce.Points;

namespace SocialCommerce.Benchmarks.Points;

/// <summary>
/// Issue 27: wallet earn and spend at least 1,000,000 operations a second in memory. One invocation runs
/// <see cref="Operations"/> operations on the wallet of a member with a history of <see cref="History"/> lots (1,000:
/// about three years of daily sign-ins; 10,000: far beyond a real member) and orders: an earning, then a reservation
/// and its commit, in turn (each with its own id, so each is applied). The time reported is per operation.
/// </summary>
/// <remarks>
/// One invocation per iteration (each starts from the same wallet), so a short job's 3 warm-up iterations are 9,000
/// calls: too few for the JIT's tiered, profile-guided code, and the runs measured tier-0 code. 60 warm-up and 30
/// measured iterations (about 3 ms each) are measured in every job.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
[WarmupCount(60)]
[IterationCount(30)]
public class PointsWalletBenchmarks
{
    /// <summary>Operations per invocation.</summary>
    public const int Operations = 3_000;

    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);
    private PointsWallet _wallet = null!;
    private string[] _ids = null!;

    /// <summary>Gets or sets the lots (and as many spent orders) the wallet holds before the operations.</summary>
    [Params(1_000, 10_000)]
    public int History { get; set; }

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
        var at = T0 - Duration.FromDays(History);
        for (var i = 0; i < History; i++)
        {
            Expect(_wallet.Earn(new PointsEarning("history-" + i, PointsSource.SignIn, 10, at)));
            Expect(_wallet.Reserve("order-" + i, 5, at));
            Expect(_wallet.Commit("order-" + i, at));
            at += Duration.FromDays(1);
        }

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
