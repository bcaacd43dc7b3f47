using Microsoft.Extensions.DependencyInjection;

namespace SocialCommerce.Extensions;

/// <summary>
/// Returned by <c>AddSocialCommerce</c>; each engine adds its registrations through extension methods on it.
/// </summary>
public interface ISocialCommerceBuilder
{
    /// <summary>Gets the service collection the SDK registers into.</summary>
    IServiceCollection Services { get; }
}
