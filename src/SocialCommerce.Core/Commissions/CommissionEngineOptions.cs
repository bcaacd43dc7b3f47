using SocialCommerce.Compliance;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Commissions;

/// <summary>
/// What a <see cref="CommissionEngine"/> needs besides its plan: host rules, the compliance profile, and the host
/// interfaces for eligibility and ranks.
/// </summary>
public sealed record CommissionEngineOptions
{
    /// <summary>Gets the catalog the plan's host rules are resolved from.</summary>
    /// <value>Defaults to <see langword="null"/> (no host rules; a plan naming one is refused).</value>
    public CommissionRuleCatalog? Rules { get; init; }

    /// <summary>Gets the compliance profile the engine's final stage applies to every quote, and checks the plan against.</summary>
    /// <value>Defaults to <see langword="null"/> (no compliance stage).</value>
    public ComplianceProfile? Compliance { get; init; }

    /// <summary>Gets who the enabled distributors are, for plans that pay only them (a sale may carry its own set instead).</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public IDistributorStatus? Distributors { get; init; }

    /// <summary>Gets the members' ranks; required for rank-differential plans.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public IMemberRanks? Ranks { get; init; }

    /// <summary>Gets the listener told about plan decisions and quotes (metrics, traces, logs); none when null.</summary>
    public SocialCommerceListener? Listener { get; init; }
}
