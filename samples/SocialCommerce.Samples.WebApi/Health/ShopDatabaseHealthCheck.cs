using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialCommerce.EntityFrameworkCore;

namespace SocialCommerce.Samples.WebApi.Health;

/// <summary>Healthy when the engines' database answers (<c>GET /health</c>, for the load balancer).</summary>
internal sealed class ShopDatabaseHealthCheck(IDbContextFactory<SocialCommerceDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
