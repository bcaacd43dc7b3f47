using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace SocialCommerce.Extensions.Registration;

/// <summary>
/// Reads the lifetimes the host registered (the service collection, final once the container is built), so that a
/// rule or a service the engines hold for the host's lifetime is refused at start when it needs a scoped service,
/// instead of capturing one scope's instance (a DbContext, a request's user) for ever.
/// </summary>
internal sealed class ServiceLifetimes(IServiceCollection services)
{
    /// <summary>The scoped services a type's public constructors take, as (parameter, service type) pairs.</summary>
    public IReadOnlyList<(string Parameter, Type Service)> ScopedDependencies([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type)
    {
        var scoped = new List<(string, Type)>();
        foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        {
            foreach (var parameter in constructor.GetParameters())
            {
                if (IsScoped(parameter.ParameterType) && !scoped.Any(s => s.Item1 == parameter.Name))
                {
                    scoped.Add((parameter.Name ?? "?", parameter.ParameterType));
                }
            }
        }

        return scoped;
    }

    /// <summary>Whether the last (winning) registration of a service type is scoped.</summary>
    public bool IsScoped(Type serviceType)
    {
        ServiceLifetime? lifetime = null;
        foreach (var descriptor in services)
        {
            if (!descriptor.IsKeyedService && (descriptor.ServiceType == serviceType
                || (serviceType.IsConstructedGenericType && descriptor.ServiceType == serviceType.GetGenericTypeDefinition())))
            {
                lifetime = descriptor.Lifetime;
            }
        }

        return lifetime == ServiceLifetime.Scoped;
    }

    /// <summary>The message for a singleton-held type that needs scoped services.</summary>
    public static string Explain(string what, IReadOnlyList<(string Parameter, Type Service)> scoped) =>
        $"{what} needs the scoped service{(scoped.Count > 1 ? "s" : string.Empty)} {string.Join(", ", scoped.Select(s => $"{s.Service.Name} (parameter '{s.Parameter}')"))}. "
        + "The engines are built once, at start, and live as long as the host, so they cannot hold a service of one scope. "
        + "Take IServiceScopeFactory and create a scope for each use (or a singleton, such as IDbContextFactory<T>) instead.";
}
