using SocialCommerce.Compliance;

namespace SocialCommerce.Telemetry;

/// <summary>
/// What <see cref="SocialCommerceListener.OnComplianceDecision"/> receives.
/// </summary>
public readonly struct ComplianceDecisionArguments
{
    internal ComplianceDecisionArguments(ComplianceDecision decision) => Decision = decision;

    /// <summary>Gets the decision: accepted or refused, and its findings.</summary>
    public ComplianceDecision Decision { get; }
}
