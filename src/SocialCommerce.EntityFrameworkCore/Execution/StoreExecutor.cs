using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// Runs a command as attempts: each attempt gets a fresh context, loads, decides in Core and saves in one
/// transaction (<see cref="DbContext.SaveChangesAsync(CancellationToken)"/>); a conflict or a transient failure
/// discards the attempt (nothing of it was committed) and tries again, up to the configured bound. Every attempt runs
/// inside the context's execution strategy (<c>Database.CreateExecutionStrategy()</c>), so a host's retrying strategy
/// (<c>EnableRetryOnFailure</c>) is honoured and the store's own transactions are legal under it.
/// </summary>
internal sealed class StoreExecutor
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);
    private readonly Func<CancellationToken, Task<DbContext>> _createContext;

    public StoreExecutor(Func<CancellationToken, Task<DbContext>> createContext, SocialCommerceStoreOptions options)
    {
        _createContext = createContext;
        Options = options;
    }

    public SocialCommerceStoreOptions Options { get; }

    public Task<DbContext> CreateContextAsync(CancellationToken cancellationToken) => _createContext(cancellationToken);

    /// <summary>Runs <paramref name="attempt"/> until it returns, fails otherwise, or the attempts run out.</summary>
    /// <param name="command">The command's name for errors.</param>
    /// <param name="attempt">One attempt: the context and the attempt number (1 first).</param>
    /// <param name="cancellationToken">Cancels between and during attempts.</param>
    public async Task<T> RunAsync<T>(string command, Func<DbContext, int, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        Exception? last = null;
        var failure = StoreFailure.Other;
        var delay = Options.RetryDelay;
        for (var i = 1; i <= Options.MaxAttempts; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i > 1 && delay > TimeSpan.Zero)
            {
                var jittered = TimeSpan.FromTicks(delay.Ticks / 2 + RandomNumberGenerator.GetInt32(0, (int)Math.Min(int.MaxValue, Math.Max(1, delay.Ticks))));
                await Task.Delay(jittered, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 > MaxDelay ? MaxDelay : delay * 2;
            }

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
        }

        throw failure == StoreFailure.Conflict
            ? new StoreConflictException(command, Options.MaxAttempts, last)
            : new StoreUnavailableException(command, Options.MaxAttempts, last!);
    }
}
