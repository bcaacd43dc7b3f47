using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

/// <summary>
/// The result of a network audit: the statistics of the network and the findings of the profile's network checks.
/// </summary>
/// <remarks>An audit reports; it never refuses or changes anything, whatever the profile's <see cref="ComplianceProfile.Mode"/>. Immutable.</remarks>
public sealed class NetworkAuditReport
{
    internal NetworkAuditReport(string profile, NetworkAnalysis analysis, IReadOnlyList<ComplianceFinding> findings)
    {
        Profile = profile;
        Analysis = analysis;
        Findings = findings;
    }

    /// <summary>Gets the name of the profile applied.</summary>
    public string Profile { get; }

    /// <summary>Gets the network's statistics: depth distribution, fan-out, chains, teams, shape, retail share.</summary>
    public NetworkAnalysis Analysis { get; }

    /// <summary>Gets the findings, in the order of the profile's checks and, within a check, largest subject first.</summary>
    public IReadOnlyList<ComplianceFinding> Findings { get; }

    /// <summary>Formats as <c>"Audit by profile 'p': 1000 members, 3 trees, max depth 7, Layered; 2 findings"</c>.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "Audit by profile '{0}': {1} members, {2} trees, max depth {3}, {4}; {5} findings", Profile, Analysis.MemberCount, Analysis.TreeCount, Analysis.MaxDepth, Analysis.Shape, Findings.Count);
}
