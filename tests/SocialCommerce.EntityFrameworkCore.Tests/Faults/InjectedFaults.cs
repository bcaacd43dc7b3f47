using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SocialCommerce.EntityFrameworkCore.Tests.Faults;

/// <summary>A transient database failure, as a dropped connection or a failover reports it.</summary>
public sealed class InjectedTransientException() : DbException("injected transient failure")
{
    public override bool IsTransient => true;
}

/// <summary>
/// Fails every <c>period</c>-th commit: before the commit (the transaction rolls back) or, when
/// <see cref="AfterCommit"/> is set, after it (the commit happened but the caller is told it failed).
/// </summary>
public sealed class FailingCommits(int period) : DbTransactionInterceptor
{
    private int _commits;
    private int _injected;

    public bool AfterCommit { get; init; }

    public int Injected => _injected;

    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many more failures may be injected (unlimited by default).</summary>
    public int Remaining { get; set; } = int.MaxValue;

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (!AfterCommit)
        {
            MaybeFail();
        }

        return base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AfterCommit)
        {
            MaybeFail();
        }

        return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
    }

    private void MaybeFail()
    {
        if (Enabled && Interlocked.Increment(ref _commits) % period == 0 && Remaining > 0)
        {
            Remaining--;
            Interlocked.Increment(ref _injected);
            throw new InjectedTransientException();
        }
    }
}
