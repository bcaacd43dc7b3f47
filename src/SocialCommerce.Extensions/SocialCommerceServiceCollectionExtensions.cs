using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Commissions;
using SocialCommerce.Extensions;
using SocialCommerce.Extensions.Commissions;
using SocialCommerce.Extensions.Registration;
using SocialCommerce.Extensions.Telemetry;
using SocialCommerce.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers SocialCommerce in a host's <see cref="IServiceCollection"/>.
/// </summary>
public static class SocialCommerceServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SDK's core services and options, validated when the host starts (<c>ValidateOnStart</c>).
    /// Calling it again is harmless: registrations are added once, and each <paramref name="configure"/> applies.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Optional configuration of <see cref="SocialCommerceOptions"/>.</param>
    /// <returns>A builder through which the engines are registered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static ISocialCommerceBuilder AddSocialCommerce(this IServiceCollection services, Action<SocialCommerceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SocialCommerceOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SocialCommerceOptions>, SocialCommerceOptionsValidator>());
        services.AddOptions<SocialCommerceRegistrations>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SocialCommerceRegistrations>, SocialCommerceRegistrationsValidator>());
        services.TryAddSingleton<SocialCommerceListener>(static sp => new SocialCommerceInstrumentation(sp.GetService<ILoggerFactory>(), sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<SocialCommerceRuntimeCache>();
        services.TryAddSingleton(new ServiceLifetimes(services));
        services.TryAddSingleton(SocialCommerceRuntime.Create);
        services.TryAddSingleton<ICommissionPlanProvider>(static sp => sp.GetRequiredService<SocialCommerceRuntime>());
        // Engines and the growth program are transient views of the runtime's current ones (immutable, cached: resolving
        // allocates nothing), so each resolution sees the plan as last reloaded; null when not registered.
        services.TryAddTransient(static sp => sp.GetRequiredService<SocialCommerceRuntime>().DefaultEngineOrNull!);
        services.TryAddKeyedTransient<CommissionEngine>(KeyedService.AnyKey, static (sp, key) =>
            key is string name && sp.GetRequiredService<SocialCommerceRuntime>().TryGetEngine(name, out var engine) ? engine : null!);
        services.TryAddTransient(SocialCommerceRuntime.GrowthProgramOf);
        services.TryAddSingleton(static sp => sp.GetRequiredService<SocialCommerceRuntime>().GroupBuyBook);
        services.TryAddSingleton(static sp => sp.GetRequiredService<SocialCommerceRuntime>().LedgerOptions);
        services.TryAddSingleton(static sp => sp.GetRequiredService<SocialCommerceRuntime>().InvitationBook);
        return new SocialCommerceBuilder(services);
    }

    /// <summary>
    /// Adds the SDK and binds it from a configuration section (see
    /// <see cref="SocialCommerceBuilderExtensions.BindConfiguration"/>), e.g. <c>configuration.GetSection("SocialCommerce")</c>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The section.</param>
    /// <returns>A builder through which more engines are registered in code.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISocialCommerceBuilder AddSocialCommerce(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSocialCommerce().BindConfiguration(configuration);
    }
}
