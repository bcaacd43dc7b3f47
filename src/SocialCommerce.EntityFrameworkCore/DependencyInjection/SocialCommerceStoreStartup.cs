using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.Network;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.Extensions.Commissions;
using SocialCommerce.Growth;

namespace SocialCommerce.EntityFrameworkCore.DependencyInjection;

/// <summary>
/// At host start: checks the schema (creating it for the package's own context when asked), records the configured
/// plan and growth-program versions, and loads the referral network from its state. A failure stops the host with
/// the store's error.
/// </summary>
internal sealed class SocialCommerceStoreStartup(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<StoreExecutor>();
        var db = await store.CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (store.Options.CreateSchemaAtStart)
            {
                await SocialCommerceSchema.CreateAsync(db, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await SocialCommerceSchema.VerifyAsync(db, cancellationToken).ConfigureAwait(false);
            }
        }

        await RecordVersionsAsync(store, cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<StoredReferralNetwork>().LoadAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<(string Name, CommissionPlan Plan)> Plans(ICommissionPlanProvider? plans)
    {
        if (plans is null)
        {
            yield break;
        }

        if (plans.HasDefault)
        {
            yield return ("default", services.GetRequiredService<CommissionEngine>().Plan);
        }

        foreach (var name in plans.Names)
        {
            yield return (name, plans.GetEngine(name).Plan);
        }
    }

    private async Task RecordVersionsAsync(StoreExecutor store, CancellationToken cancellationToken)
    {
        var plans = services.GetService<ICommissionPlanProvider>();
        GrowthProgram? growth;
        try
        {
            growth = services.GetService<GrowthProgram>();
        }
        catch (InvalidOperationException)
        {
            growth = null; // no growth program configured
        }

        var versions = services.GetRequiredService<RuleVersions>();
        var now = services.GetService<IClock>()?.GetCurrentInstant() ?? SystemClock.Instance.GetCurrentInstant();
        var recorded = new List<(string Kind, string Name, string Version)>();
        await store.RunAsync("record plan versions", async (db, _, ct) =>
        {
            recorded.Clear();
            foreach (var (name, plan) in Plans((ICommissionPlanProvider?)plans))
            {
                await versions.RecordAsync(db, "commission-plan", name, plan.Version, $"plan '{plan.Name}' ({plan.Currency.Code})", now, ct).ConfigureAwait(false);
                recorded.Add(("commission-plan", name, plan.Version));
            }

            if (growth is not null)
            {
                await versions.RecordAsync(db, "growth-program", "default", growth.Version, $"growth program of {growth.Ladder.Levels.Count} levels", now, ct).ConfigureAwait(false);
                recorded.Add(("growth-program", "default", growth.Version));
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var (kind, name, version) in recorded)
        {
            versions.Committed(kind, name, version);
        }
    }
}
