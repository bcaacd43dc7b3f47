using System;

namespace SocialCommerce.Compliance;

/// <summary>
/// Thrown by <see cref="ComplianceDecision.EnsureAccepted"/> when a plan or rule breaks the active profile. One of the
/// <see cref="ComplianceException"/> family.
/// </summary>
public sealed class ComplianceRefusedException : ComplianceException
{
    /// <summary>Creates the exception from the refusing decision; the message names the subject, the profile and every finding.</summary>
    /// <param name="decision">The decision that refused.</param>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public ComplianceRefusedException(ComplianceDecision decision)
        : base((decision ?? throw new ArgumentNullException(nameof(decision))).Profile, decision.Findings, decision.ToString())
    {
        Decision = decision;
    }

    /// <summary>Gets the decision, with its findings.</summary>
    public ComplianceDecision Decision { get; }
}
