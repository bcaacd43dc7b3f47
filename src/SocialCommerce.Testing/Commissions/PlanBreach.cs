namespace SocialCommerce.Testing;

/// <summary>A generated plan that breaks a compliance profile, and the finding code of the limit it breaks.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="FindingCode">
/// The <see cref="Compliance.ComplianceCodes"/> code the profile reports for the broken limit: <c>SC101</c> (paid depth),
/// <c>SC102</c> (payout ratio), <c>SC103</c> (recruitment reward) or <c>SC104</c> (entry fee). Other limits may break too.
/// </param>
public sealed record PlanBreach(PlanSample Plan, string FindingCode)
{
    /// <summary>Formats as <c>breaks SC101: Plan(...)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "breaks " + FindingCode + ": " + Plan;
}
