using SocialCommerce.Compliance;

namespace SocialCommerce.Telemetry;

/// <summary>
/// What <see cref="SocialCommerceListener.OnNetworkAudited"/> receives.
/// </summary>
public readonly struct NetworkAuditedArguments
{
    internal NetworkAuditedArguments(NetworkAuditReport report) => Report = report;

    /// <summary>Gets the audit report.</summary>
    public NetworkAuditReport Report { get; }
}
