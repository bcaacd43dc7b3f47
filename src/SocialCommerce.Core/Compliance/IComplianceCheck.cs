using System.Collections.Generic;

namespace SocialCommerce.Compliance;

/// <summary>
/// One compliance check: reads what is being checked and adds its findings. The SDK's built-in checks
/// (<see cref="ComplianceChecks"/>) implement it; a host adds its own to <see cref="ComplianceProfile.Checks"/>.
/// </summary>
/// <remarks>
/// A check is called for every scope (<see cref="ComplianceCheckArguments.Scope"/>) and ignores the scopes it
/// does not handle. It must be pure and thread-safe: it only reads its arguments and appends to <c>findings</c>.
/// A finding with <see cref="FindingSeverity.Error"/> refuses a plan or a group-buy rule under
/// <see cref="ComplianceMode.Enforce"/>.
/// </remarks>
public interface IComplianceCheck
{
    /// <summary>Checks what the arguments describe and appends findings.</summary>
    /// <param name="arguments">The profile, the scope and the subject being checked.</param>
    /// <param name="findings">Where to append findings.</param>
    void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings);
}
