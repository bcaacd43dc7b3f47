using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SocialCommerce.Compliance;

/// <summary>
/// The outcome of checking a plan or a group-buy rule against a profile: accepted or refused, with the findings.
/// </summary>
/// <remarks>
/// Under <see cref="ComplianceMode.Enforce"/> any <see cref="FindingSeverity.Error"/> finding refuses; under
/// <see cref="ComplianceMode.Audit"/> nothing is refused and the findings are reported. Immutable.
/// </remarks>
public sealed class ComplianceDecision
{
    internal ComplianceDecision(string profile, ComplianceMode mode, FindingScope scope, string subject, bool isAccepted, IReadOnlyList<ComplianceFinding> findings)
    {
        Profile = profile;
        Mode = mode;
        Scope = scope;
        Subject = subject;
        IsAccepted = isAccepted;
        Findings = findings;
    }

    /// <summary>Gets the name of the profile that decided.</summary>
    public string Profile { get; }

    /// <summary>Gets the mode the profile applied.</summary>
    public ComplianceMode Mode { get; }

    /// <summary>Gets what was checked: a plan or a group-buy rule.</summary>
    public FindingScope Scope { get; }

    /// <summary>Gets the name of the plan or rule checked.</summary>
    public string Subject { get; }

    /// <summary>Gets a value indicating whether the plan or rule may be registered.</summary>
    public bool IsAccepted { get; }

    /// <summary>Gets a value indicating whether the plan or rule is refused.</summary>
    public bool IsRefused => !IsAccepted;

    /// <summary>Gets the findings, in the order of the profile's checks.</summary>
    public IReadOnlyList<ComplianceFinding> Findings { get; }

    /// <summary>Gets a value indicating whether any finding is an <see cref="FindingSeverity.Error"/> (refusing under enforce, reported under audit).</summary>
    public bool HasErrors
    {
        get
        {
            for (var i = 0; i < Findings.Count; i++)
            {
                if (Findings[i].Severity == FindingSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Throws when the plan or rule is refused; use at host start-up.</summary>
    /// <exception cref="ComplianceRefusedException">The decision refuses; its message lists every finding.</exception>
    public void EnsureAccepted()
    {
        if (!IsAccepted)
        {
            throw new ComplianceRefusedException(this);
        }
    }

    /// <summary>Formats as <c>"Plan 'name' refused by profile 'p': 2 findings"</c> followed by one line per finding.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Scope} '{Subject}' {(IsAccepted ? "accepted" : "refused")} by profile '{Profile}' ({Mode}): {Findings.Count} finding{(Findings.Count == 1 ? string.Empty : "s")}");
        for (var i = 0; i < Findings.Count; i++)
        {
            text.Append(Environment.NewLine).Append("  ").Append(Findings[i]);
        }

        return text.ToString();
    }
}
