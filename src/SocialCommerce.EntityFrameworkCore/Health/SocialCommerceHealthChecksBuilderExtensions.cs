using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.Health;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>Adds the stores' health check to ASP.NET Core's (or any host's) health checks.</summary>
public static class SocialCommerceHealthChecksBuilderExtensions
{
    /// <summary>
    /// Checks that the stores' database is reachable and holds the SocialCommerce tables at the schema version this
    /// package needs (one round trip), e.g. <c>services.AddHealthChecks().AddSocialCommerceStore()</c> and
    /// <c>app.MapHealthChecks("/health")</c> for a load balancer. Needs <c>AddEntityFrameworkStores</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name (default <c>socialcommerce-store</c>).</param>
    /// <param name="failureStatus">The status when the check fails (default <see cref="HealthStatus.Unhealthy"/>).</param>
    /// <param name="tags">Tags to filter the check by (e.g. <c>ready</c>).</param>
    /// <param name="timeout">How long the check may take (default: no limit beyond the host's).</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddSocialCommerceStore(this IHealthChecksBuilder builder, string name = "socialcommerce-store", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            static services => new StoreHealthCheck(services.GetService<StoreExecutor>() ?? throw new InvalidOperationException("The SocialCommerce store health check needs the stores: call AddSocialCommerce().AddEntityFrameworkStores(...) first.")),
            failureStatus,
            tags,
            timeout));
    }
}
