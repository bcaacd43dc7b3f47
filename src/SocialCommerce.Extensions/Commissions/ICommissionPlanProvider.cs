using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using SocialCommerce.Commissions;

namespace SocialCommerce.Extensions.Commissions;

/// <summary>
/// Lists the commission plans registered with <c>AddSocialCommerce</c> (in code and in configuration) and
/// gives their engines. Each plan's engine is also a keyed singleton: <c>[FromKeyedServices("vip")] CommissionEngine</c>.
/// </summary>
/// <remarks>Thread-safe; engines are created once, at first use, after start-up validation.</remarks>
public interface ICommissionPlanProvider
{
    /// <summary>Gets the names of the named plans (the unnamed default plan is not listed).</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>Gets a value indicating whether an unnamed default plan is registered.</summary>
    bool HasDefault { get; }

    /// <summary>Returns the engine of a named plan.</summary>
    /// <param name="name">The plan's registration name.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="KeyNotFoundException">No plan is registered under that name; the message lists the names.</exception>
    CommissionEngine GetEngine(string name);

    /// <summary>Looks up the engine of a named plan.</summary>
    /// <param name="name">The plan's registration name.</param>
    /// <param name="engine">The engine, when found.</param>
    /// <returns><see langword="true"/> when a plan is registered under that name.</returns>
    bool TryGetEngine(string name, [NotNullWhen(true)] out CommissionEngine? engine);
}
