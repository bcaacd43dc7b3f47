using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialCommerce.Extensions;

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
        return new SocialCommerceBuilder(services);
    }
}
