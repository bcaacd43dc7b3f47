using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SocialCommerce.Samples.Load;

/// <summary>
/// Loads a running web sample (or a shop built like it) the way the issue "Under load" did: registers a referral tree,
/// then posts unique sales from many connections for a while and reports every answer. The client calls as an operator.
/// </summary>
public static class ShopLoad
{
    /// <summary>Registers the run's members (one after another: a member's referrer exists first).</summary>
    /// <param name="http">A client with the shop's base address and an operator's bearer token.</param>
    /// <param name="options">The run.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    /// <returns>A task that completes when every member is registered (or was already).</returns>
    public static async Task RegisterAsync(HttpClient http, LoadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        for (var n = 1; n <= options.Members; n++)
        {
            long? referrer = n == 1 ? null : options.FirstMember + ReferrerOf(n, options.HotUpline) - 1;
            using var response = await http.PostAsJsonAsync("/members", new { memberId = options.FirstMember + n - 1, referrerId = referrer }, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            {
                throw new InvalidOperationException($"Registering member {options.FirstMember + n - 1} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
            }
        }
    }

    /// <summary>Posts unique sales from <see cref="LoadOptions.Connections"/> connections for <see cref="LoadOptions.Duration"/>.</summary>
    /// <param name="http">A client with the shop's base address and an operator's bearer token (registered members).</param>
    /// <param name="options">The run.</param>
    /// <param name="cancellationToken">Stops the run early.</param>
    /// <returns>What the run saw.</returns>
    public static async Task<LoadReport> PostSalesAsync(HttpClient http, LoadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var byStatus = new ConcurrentDictionary<int, int>();
        var latencies = new ConcurrentBag<TimeSpan>();
        var withoutRetryAfter = 0;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var buyers = options.HotUpline ? Math.Max(1, options.Members - 3) : Math.Max(1, options.Members - 1);
        var workers = Enumerable.Range(0, options.Connections).Select(w => Task.Run(async () =>
        {
            for (var i = 0; clock.Elapsed < options.Duration && !cancellationToken.IsCancellationRequested; i++)
            {
                // Buyers are the tree's members below the top (below the chain of three when the upline is hot).
                var buyer = options.FirstMember + (options.HotUpline ? 3 : 1) + (w * 7919 + i) % buyers;
                var sale = new
                {
                    saleId = string.Create(CultureInfo.InvariantCulture, $"load-{options.RunId}-{w}-{i}"),
                    buyerId = buyer,
                    lines = new[] { new { productId = "load", category = "load", quantity = 1, paid = new { amount = 10m + (i % 90) + 0.37m } } },
                };
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsJsonAsync("/sales", sale, cancellationToken).ConfigureAwait(false);
                    latencies.Add(Stopwatch.GetElapsedTime(started));
                    byStatus.AddOrUpdate((int)response.StatusCode, 1, static (_, n) => n + 1);
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is null)
                    {
                        Interlocked.Increment(ref withoutRetryAfter);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var sorted = latencies.ToList();
        sorted.Sort();
        return new LoadReport(new Dictionary<int, int>(byStatus), elapsed, sorted, withoutRetryAfter, failures);
    }

    // Member n (1-based) sits under n / 2, or, with a hot upline, members 4 and up all sit under member 3.
    private static long ReferrerOf(int n, bool hotUpline) => hotUpline ? Math.Min(n - 1, 3) : n / 2;
}
