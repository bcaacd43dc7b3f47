namespace SocialCommerce.Compliance;

/// <summary>
/// How serious a <see cref="ComplianceFinding"/> is.
/// </summary>
public enum FindingSeverity
{
    /// <summary>For the record: nothing to act on.</summary>
    Info = 0,

    /// <summary>Worth a look: close to a limit, or a risk that depends on facts the SDK cannot see.</summary>
    Warning = 1,

    /// <summary>Crosses the profile's line: refused (or truncated) under <see cref="ComplianceMode.Enforce"/>.</summary>
    Error = 2,
}
