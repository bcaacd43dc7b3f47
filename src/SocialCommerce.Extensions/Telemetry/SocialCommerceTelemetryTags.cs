namespace SocialCommerce.Extensions.Telemetry;

/// <summary>
/// The tag (attribute) names of the SDK's metrics, namespaced in OpenTelemetry semantic-convention style
/// (<c>socialcommerce.*</c>), so they never collide with a host's own attributes.
/// </summary>
public static class SocialCommerceTelemetryTags
{
    /// <summary>The commission plan's name: <c>socialcommerce.plan</c>.</summary>
    public const string Plan = "socialcommerce.plan";

    /// <summary>The ISO-4217 code of an amount's currency: <c>socialcommerce.currency</c>.</summary>
    public const string Currency = "socialcommerce.currency";

    /// <summary>A group-buy, invitation or referral-reward rule's name: <c>socialcommerce.rule</c>.</summary>
    public const string Rule = "socialcommerce.rule";

    /// <summary>A compliance finding's code, e.g. <c>SC201</c>: <c>socialcommerce.finding.code</c>.</summary>
    public const string FindingCode = "socialcommerce.finding.code";

    /// <summary>A compliance finding's severity: <c>socialcommerce.finding.severity</c>.</summary>
    public const string FindingSeverity = "socialcommerce.finding.severity";

    /// <summary>A compliance finding's scope: <c>socialcommerce.finding.scope</c>.</summary>
    public const string FindingScope = "socialcommerce.finding.scope";

    /// <summary>A growth level's name: <c>socialcommerce.level</c>.</summary>
    public const string Level = "socialcommerce.level";

    /// <summary>An invitation's kind, <c>bargain</c> or <c>assist</c>: <c>socialcommerce.invitation.kind</c>.</summary>
    public const string InvitationKind = "socialcommerce.invitation.kind";

    /// <summary>What happened, e.g. <c>helped</c>, <c>claimed</c>: <c>socialcommerce.event</c>.</summary>
    public const string Event = "socialcommerce.event";

    /// <summary>A commission-ledger operation (<c>post</c>, <c>complete</c>, <c>release</c>, <c>refund</c>, <c>withdraw</c>): <c>socialcommerce.operation</c>.</summary>
    public const string Operation = "socialcommerce.operation";

    /// <summary>A ledger operation's outcome: <c>applied</c>, <c>duplicate</c> or the refusal: <c>socialcommerce.outcome</c>.</summary>
    public const string Outcome = "socialcommerce.outcome";

    /// <summary>A ledger entry's kind (<c>Earned</c>, <c>Released</c>, <c>Clawback</c>...): <c>socialcommerce.entry.kind</c>.</summary>
    public const string EntryKind = "socialcommerce.entry.kind";

    /// <summary>Why an action was refused, e.g. <c>AlreadyHelped</c>: <c>socialcommerce.refusal</c>.</summary>
    public const string Refusal = "socialcommerce.refusal";

    /// <summary>Whether a seat given up was the leader's, handing the group to the next joiner: <c>socialcommerce.handover</c>.</summary>
    public const string HandOver = "socialcommerce.handover";
}
