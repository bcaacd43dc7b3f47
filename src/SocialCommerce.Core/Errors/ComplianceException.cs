using System;
using System.Collections.Generic;
using SocialCommerce.Compliance;

namespace SocialCommerce;

/// <summary>
/// The family of "refused by compliance" errors: a plan or rule that breaks the active compliance profile. Catch this
/// type to handle them all; <see cref="ProfileName"/> and <see cref="Findings"/> say which profile refused and why.
/// </summary>
/// <remarks>An <see cref="InvalidOperationException"/> (a host that caught that keeps working).</remarks>
public abstract class ComplianceException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="profileName">The profile that refused.</param>
    /// <param name="findings">The findings that refused.</param>
    /// <param name="message">The message, naming the subject, the profile and every finding.</param>
    protected ComplianceException(string profileName, IReadOnlyList<ComplianceFinding> findings, string message)
        : base(message)
    {
        ProfileName = profileName;
        Findings = findings ?? [];
    }

    /// <summary>Gets the name of the profile that refused.</summary>
    public string ProfileName { get; }

    /// <summary>Gets the findings that refused.</summary>
    public IReadOnlyList<ComplianceFinding> Findings { get; }
}
