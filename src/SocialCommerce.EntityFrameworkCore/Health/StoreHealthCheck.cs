using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.Schema;

namespace SocialCommerce.EntityFrameworkCore.Health;

/// <summary>
/// Healthy when the stores' database answers and holds the SocialCommerce tables at the version this package needs
/// (<see cref="SocialCommerceSchema.VerifyAsync"/>: one round trip); otherwise the registration's failure status, with
/// the store's message (which names the database and both versions, never a password).
/// </summary>
internal sealed class StoreHealthCheck(StoreExecutor store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var db = await store.CreateContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                await SocialCommerceSchema.VerifyAsync(db, cancellationToken).ConfigureAwait(false);
            }

            return HealthCheckResult.Healthy($"The SocialCommerce tables answer at schema version {SocialCommerceSchema.Version}.");
        }
        catch (StoreSchemaException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
        }
#pragma warning disable CA1031 // any other failure (unreachable, a timeout, a provider error) is the check's answer, not a crash
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The SocialCommerce database does not answer; see the exception.", ex);
        }
#pragma warning restore CA1031
    }
}
