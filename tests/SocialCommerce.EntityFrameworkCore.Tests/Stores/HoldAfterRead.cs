using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>Holds the first command read after each <see cref="Arm"/> between its execution and its reading, until released.</summary>
public sealed class HoldAfterRead : DbCommandInterceptor
{
    private TaskCompletionSource _read = NewSignal();
    private TaskCompletionSource _release = NewSignal();
    private int _armed;

    public Task Read => Volatile.Read(ref _read).Task;

    /// <summary>Holds the next read (call after the previous hold was released).</summary>
    public void Arm()
    {
        Volatile.Write(ref _read, NewSignal());
        Volatile.Write(ref _release, NewSignal());
        Interlocked.Exchange(ref _armed, 1);
    }

    public void Release() => Volatile.Read(ref _release).TrySetResult();

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            var release = Volatile.Read(ref _release);
            Volatile.Read(ref _read).TrySetResult();
            await release.Task;
        }

        return result;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
