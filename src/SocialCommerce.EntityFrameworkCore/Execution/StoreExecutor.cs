using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// Runs a command as attempts: each attempt gets a fresh context, loads, decides in Core and saves in one
/// transaction (<see cref="DbContext.SaveChangesAsync(CancellationToken)"/>); a conflict or a transient failure
/// discards the attempt (nothing of it was committed) and tries again, bounded by count and by time
/// (<see cref="SocialCommerceStoreOptions.MaxAttempts"/>, <see cref="SocialCommerceStoreOptions.RetryTimeout"/>); commands of
/// this process on one key wait their turn. Every attempt runs
/// inside the context's execution strategy (<c>Database.CreateExecutionStrategy()</c>), so a host's retrying strategy
/// (<c>EnableRetryOnFailure</c>) is honoured and the store's own transactions are legal under it.
/// </summary>
internal sealed class StoreExecutor
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    // The SDK's activity source (SocialCommerceTelemetry.ActivitySourceName): every store command is a span.
    private static readonly ActivitySource Source = new(Extensions.Telemetry.SocialCommerceTelemetry.ActivitySourceName);
    private readonly Func<CancellationToken, Task<DbContext>> _createContext;
    private readonly ILogger _logger;
    private readonly KeyedGate _gate = new();

    public StoreExecutor(Func<CancellationToken, Task<DbContext>> createContext, SocialCommerceStoreOptions options, ILogger? logger = null)
    {
        _createContext = createContext;
        Options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    public SocialCommerceStoreOptions Options { get; }

    public Task<DbContext> CreateContextAsync(CancellationToken cancellationToken) => _createContext(cancellationToken);

    /// <summary>Runs <paramref name="attempt"/> until it returns, fails otherwise, or the attempts run out.</summary>
    /// <param name="command">The command's name for errors.</param>
    /// <param name="attempt">One attempt: the context and the attempt number (1 first).</param>
    /// <param name="cancellationToken">Cancels between and during attempts.</param>
    public Task<T> RunAsync<T>(string command, Func<DbContext, int, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken) =>
        RunAsync(command, null, attempt, cancellationToken);

    /// <summary>
    /// Runs <paramref name="attempt"/> as <see cref="RunAsync{T}(string, Func{DbContext, int, CancellationToken, Task{T}}, CancellationToken)"/>,
    /// after the commands of this process on the same <paramref name="key"/> (one aggregate's rows) have finished:
    /// they wait their turn instead of racing each other, so only other instances can conflict.
    /// </summary>
    public async Task<T> RunAsync<T>(string command, string? key, Func<DbContext, int, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        using var span = Source.StartActivity("socialcommerce.store", ActivityKind.Internal);
        span?.SetTag("socialcommerce.store.command", command);
        var attempts = new StrongBox<int>();
        try
        {
            T result;
            if (key is null)
            {
                result = await RunAttemptsAsync(command, attempt, attempts, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var pass = await _gate.EnterAsync(key, cancellationToken).ConfigureAwait(false);
                result = await RunAttemptsAsync(command, attempt, attempts, cancellationToken).ConfigureAwait(false);
            }

            span?.SetTag("socialcommerce.store.attempts", attempts.Value);
            span?.SetTag("socialcommerce.store.outcome", "committed");
            return result;
        }
        catch (Exception ex) when (span is not null)
        {
            span.SetTag("socialcommerce.store.attempts", attempts.Value);
            span.SetTag("socialcommerce.store.outcome", ex switch
            {
                StoreConflictException => "conflict",
                StoreUnavailableException => "unavailable",
                OperationCanceledException => "cancelled",
                _ => "failed",
            });
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    // Attempts until one returns, MaxAttempts were made, or the next wait would end after RetryTimeout (counted from the
    // first attempt): retries are bounded by time, with jitter, not only by count.
    private async Task<T> RunAttemptsAsync<T>(string command, Func<DbContext, int, CancellationToken, Task<T>> attempt, StrongBox<int> attempts, CancellationToken cancellationToken)
    {
        Exception? last = null;
        var failure = StoreFailure.Other;
        var delay = Options.RetryDelay;
        var started = Stopwatch.GetTimestamp();
        var i = 1;
        for (; ; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            attempts.Value = i;
            var db = await _createContext(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                try
                {
                    // The host's execution strategy runs the attempt (a retrying strategy on cloud PostgreSQL is normal):
                    // inside it the attempt may open its own transaction, and what the strategy retries runs again on a
                    // fresh context, so nothing tracked by a failed try leaks into the next.
                    var strategy = db.Database.CreateExecutionStrategy();
                    var first = true;
                    var number = i;
                    return await strategy.ExecuteAsync(
                        async token =>
                        {
                            if (first)
                            {
                                first = false;
                                return await attempt(db, number, token).ConfigureAwait(false);
                            }

                            var again = await _createContext(token).ConfigureAwait(false);
                            await using (again.ConfigureAwait(false))
                            {
                                return await attempt(again, number, token).ConfigureAwait(false);
                            }
                        },
                        cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (StoreFailures.Classify(ex) is var kind and not StoreFailure.Other && !cancellationToken.IsCancellationRequested)
                {
                    last = ex;
                    failure = kind;
                }
            }

            // Equal jitter: half the delay plus a random part of it, so writers that met once do not meet again.
            var wait = delay <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(delay.Ticks / 2 + RandomNumberGenerator.GetInt32(0, (int)Math.Min(int.MaxValue, Math.Max(1, delay.Ticks))));
            if (i >= Options.MaxAttempts || Stopwatch.GetElapsedTime(started) + wait > Options.RetryTimeout)
            {
                break;
            }

            if (failure == StoreFailure.Conflict)
            {
                StoreLog.ConflictRetried(_logger, command, i);
            }
            else
            {
                StoreLog.TransientRetried(_logger, last!, command, i);
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 > MaxDelay ? MaxDelay : delay * 2;
            }
        }

        StoreLog.GaveUp(_logger, last!, command, i, Stopwatch.GetElapsedTime(started), failure == StoreFailure.Conflict ? "conflicts" : "the database failed");
        throw failure == StoreFailure.Conflict
            ? new StoreConflictException(command, i, last)
            : new StoreUnavailableException(command, i, last!);
    }
}
