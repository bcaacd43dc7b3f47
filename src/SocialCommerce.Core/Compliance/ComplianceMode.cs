namespace SocialCommerce.Compliance;

/// <summary>
/// How the engines apply a <see cref="ComplianceProfile"/>.
/// </summary>
public enum ComplianceMode
{
    /// <summary>Errors refuse the plan or rule, and payouts are truncated and capped to the profile's limits.</summary>
    Enforce = 0,

    /// <summary>Findings are reported, nothing is refused or changed.</summary>
    Audit = 1,
}
