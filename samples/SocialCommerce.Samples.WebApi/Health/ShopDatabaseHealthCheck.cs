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
        // A real round trip (CanConnect only checks that a SQLite file exists); an exception is Unhealthy (503).
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken).ConfigureAwait(false);
        return HealthCheckResult.Healthy("The database answers.");
    }
}
