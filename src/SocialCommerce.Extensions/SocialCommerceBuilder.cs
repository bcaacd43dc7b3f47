using Microsoft.Extensions.DependencyInjection;

namespace SocialCommerce.Extensions;

internal sealed class SocialCommerceBuilder(IServiceCollection services) : ISocialCommerceBuilder
{
    public IServiceCollection Services { get; } = services;
}
