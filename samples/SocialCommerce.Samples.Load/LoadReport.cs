using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SocialCommerce.Samples.Load;

/// <summary>What a load run saw: every answer by status, the throughput and the latency percentiles.</summary>
/// <param name="ByStatus">How many answers had each HTTP status.</param>
/// <param name="Elapsed">How long the sales were posted.</param>
/// <param name="Latencies">Each request's latency, sorted.</param>
/// <param name="ServiceUnavailableWithoutRetryAfter">503 answers without a <c>Retry-After</c> header (should be 0).</param>
/// <param name="Failures">Requests that got no answer at all (connection errors, timeouts).</param>
public sealed record LoadReport(IReadOnlyDictionary<int, int> ByStatus, TimeSpan Elapsed, IReadOnlyList<TimeSpan> Latencies, int ServiceUnavailableWithoutRetryAfter, int Failures)
{
    /// <summary>Gets the number of requests answered.</summary>
    public int Requests => ByStatus.Values.Sum();

    /// <summary>Gets the number of 2xx answers (sales booked).</summary>
    public int Succeeded => ByStatus.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value);

    /// <summary>Gets the booked sales per second.</summary>
    public double PerSecond => Elapsed <= TimeSpan.Zero ? 0 : Succeeded / Elapsed.TotalSeconds;

    /// <summary>Gets a latency percentile (0–100).</summary>
    /// <param name="percent">The percentile.</param>
    /// <returns>The latency at or below which that share of requests finished.</returns>
    public TimeSpan Percentile(double percent) =>
        Latencies.Count == 0 ? TimeSpan.Zero : Latencies[Math.Clamp((int)Math.Ceiling(percent / 100 * Latencies.Count) - 1, 0, Latencies.Count - 1)];

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Requests} requests in {Elapsed.TotalSeconds:F1} s: {PerSecond:F0} sales/s booked");
        foreach (var (status, count) in ByStatus.OrderBy(s => s.Key))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  HTTP {status}: {count}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  no answer: {Failures}; 503 without Retry-After: {ServiceUnavailableWithoutRetryAfter}");
        text.Append(CultureInfo.InvariantCulture, $"  latency p50 {Percentile(50).TotalMilliseconds:F1} ms, p95 {Percentile(95).TotalMilliseconds:F1} ms, p99 {Percentile(99).TotalMilliseconds:F1} ms, max {Percentile(100).TotalMilliseconds:F1} ms");
        return text.ToString();
    }
}
