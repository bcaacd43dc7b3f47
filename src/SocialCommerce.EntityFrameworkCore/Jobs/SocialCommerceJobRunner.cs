using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.EntityFrameworkCore.Invitations;

namespace SocialCommerce.EntityFrameworkCore.Jobs;

/// <summary>
/// Runs the enabled jobs, each on its own period: at every tick it settles what is due at the clock's now (the host's
/// <see cref="IClock"/>, the system clock when none is registered) and logs what it did. A failed run (the database
/// down) is logged and the next tick tries again; the host's stopping token ends every loop.
/// </summary>
internal sealed partial class SocialCommerceJobRunner(IServiceProvider services, IOptions<SocialCommerceJobOptions> options, ILogger<SocialCommerceJobRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = services.GetService<IClock>() ?? SystemClock.Instance;
        var o = options.Value;
        var loops = new List<Task>();
        void Add(string job, TimeSpan every, Func<Instant, CancellationToken, Task<int>> run)
        {
            if (every > TimeSpan.Zero)
            {
                loops.Add(LoopAsync(job, every, run, clock, stoppingToken));
            }
        }

        Add("release-earnings", o.ReleaseEarningsEvery, async (at, ct) => (await services.GetRequiredService<StoredCommissionLedger>().ReleaseDueAsync(at, ct).ConfigureAwait(false)).Count);
        Add("close-groups", o.CloseGroupsEvery, async (at, ct) =>
        {
            var closed = (await services.GetRequiredService<StoredGroupBuys>().CloseDueAsync(at, ct).ConfigureAwait(false)).Count;
            foreach (var campaign in services.GetRequiredService<GroupRules>().Campaigns)
            {
                closed += (await services.GetRequiredService<StoredCampaignBooks>().Get(campaign.Name).CloseDueAsync(at, ct).ConfigureAwait(false)).Count;
            }

            return closed;
        });
        Add("close-invitations", o.CloseInvitationsEvery, async (at, ct) => (await services.GetRequiredService<StoredInvitations>().CloseDueAsync(at, ct).ConfigureAwait(false)).Count);
        Add("close-batches", o.CloseBatchesEvery, async (at, ct) => (await services.GetRequiredService<StoredCommunityBatches>().CloseDueAsync(at, ct).ConfigureAwait(false)).Count);
        Add("settle-points", o.SettlePointsEvery, async (at, ct) => (await services.GetRequiredService<Points.StoredPoints>().SettleDueAsync(at, ct).ConfigureAwait(false)).Count);
        Add("expire-coupons", o.ExpireCouponsEvery, async (at, ct) => (await services.GetRequiredService<Coupons.StoredCoupons>().ExpireDueAsync(at, ct).ConfigureAwait(false)).Count);
        return Task.WhenAll(loops);
    }

    private async Task LoopAsync(string job, TimeSpan every, Func<Instant, CancellationToken, Task<int>> run, IClock clock, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            do
            {
                var at = clock.GetCurrentInstant();
                try
                {
                    var settled = await run(at, stoppingToken).ConfigureAwait(false);
                    if (settled > 0)
                    {
                        LogSettled(logger, job, settled, at);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, ex, job, at, every);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 1411, Level = LogLevel.Information, Message = "SocialCommerce job '{Job}' settled {Count} due items at {At}.")]
    private static partial void LogSettled(ILogger logger, string job, int count, Instant at);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Warning, Message = "SocialCommerce job '{Job}' failed at {At}; it runs again in {Every}.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, Instant at, TimeSpan every);
}
