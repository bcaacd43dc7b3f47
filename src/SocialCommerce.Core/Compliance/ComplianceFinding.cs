namespace SocialCommerce.Compliance;

/// <summary>
/// One result of a compliance check: a stable code, a severity, a message, the rule it enforces and its subject.
/// </summary>
/// <param name="Code">A stable code from <see cref="ComplianceCodes"/> (or a host's own), e.g. <c>"SC201"</c>.</param>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="Message">A readable message naming the values involved.</param>
/// <param name="Citation">The rule or source the finding enforces, e.g. "Direct Selling Administration Regulations, art. 24".</param>
/// <param name="Scope">What kind of thing the finding is about.</param>
/// <param name="Subject">Which thing: a plan name, a sale id or a member id, as text.</param>
public sealed record ComplianceFinding(string Code, FindingSeverity Severity, string Message, string Citation, FindingScope Scope, string Subject)
{
    /// <summary>Formats as <c>"SC201 Error [Sale S-1]: message (citation)"</c>.</summary>
    public override string ToString() => $"{Code} {Severity} [{Scope} {Subject}]: {Message} ({Citation})";
}
