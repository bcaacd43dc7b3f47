using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// Group commit for one aggregate's commands in this process: commands on a key that arrive while a batch of that key is
/// being decided and committed wait, then go together as the next batch — decided one after another in arrival order
/// (exactly as if they had run one at a time) and stored in one transaction. A hot group's joins then share round trips
/// and commits instead of queueing for them one by one. Each command gets its own result; a batch that fails (after the
/// store's retries) fails each of its commands with that exception.
/// </summary>
/// <typeparam name="TRequest">One command's arguments.</typeparam>
/// <typeparam name="TResult">One command's result.</typeparam>
internal sealed class KeyedBatches<TRequest, TResult>
{
    /// <summary>At most this many commands go in one batch (one transaction).</summary>
    public const int MaxBatch = 64;

    private readonly Dictionary<string, List<Waiting>> _queued = new(StringComparer.Ordinal);

    /// <summary>Queues a command; the first command of an idle key starts the key's batches.</summary>
    /// <param name="key">The aggregate's key.</param>
    /// <param name="request">The command.</param>
    /// <param name="run">Decides and stores a batch (in order), returning one result per command, or the exception that command alone threw (an argument it refused).</param>
    /// <param name="cancellationToken">Stops the caller's wait (the command may still be stored, like a lost acknowledgement).</param>
    public Task<TResult> RunAsync(string key, TRequest request, Func<IReadOnlyList<TRequest>, Task<(TResult Result, Exception? Error)[]>> run, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiting = new Waiting(request);
        bool first;
        lock (_queued)
        {
            first = !_queued.TryGetValue(key, out var queue);
            if (first)
            {
                queue = [];
                _queued.Add(key, queue);
            }

            queue!.Add(waiting);
        }

        if (first)
        {
            _ = DrainAsync(key, run);
        }

        return waiting.Result.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync(string key, Func<IReadOnlyList<TRequest>, Task<(TResult Result, Exception? Error)[]>> run)
    {
        // Off the caller's thread and context (a library never resumes on a host's synchronization context), so the
        // commands arriving with the first one can join its batch.
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        while (true)
        {
            List<Waiting> batch;
            lock (_queued)
            {
                var queue = _queued[key];
                if (queue.Count == 0)
                {
                    _queued.Remove(key);
                    return;
                }

                var count = Math.Min(queue.Count, MaxBatch);
                batch = queue.GetRange(0, count);
                queue.RemoveRange(0, count);
            }

            var requests = batch.ConvertAll(static w => w.Request);
            try
            {
                var results = await run(requests).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (results[i].Error is { } error)
                    {
                        batch[i].Result.TrySetException(error);
                    }
                    else
                    {
                        batch[i].Result.TrySetResult(results[i].Result);
                    }
                }
            }
            catch (Exception ex)
            {
                foreach (var w in batch)
                {
                    w.Result.TrySetException(ex);
                }
            }
        }
    }

    private sealed class Waiting(TRequest request)
    {
        public TRequest Request { get; } = request;

        public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
