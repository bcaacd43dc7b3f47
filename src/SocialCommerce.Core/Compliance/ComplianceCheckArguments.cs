namespace SocialCommerce.Compliance;

/// <summary>
/// What an <see cref="IComplianceCheck"/> is asked to check: the active profile, the scope and the subject.
/// </summary>
/// <remarks>
/// Exactly one subject is set for each scope: <see cref="Plan"/> for <see cref="FindingScope.Plan"/>,
/// <see cref="GroupBuyRule"/> for <see cref="FindingScope.GroupBuy"/>, <see cref="InvitationRule"/> for <see cref="FindingScope.Invitation"/>, <see cref="Network"/> for
/// <see cref="FindingScope.Network"/> (where <see cref="Plan"/> may also be set: the plan paying the network).
/// </remarks>
public readonly struct ComplianceCheckArguments
{
    internal ComplianceCheckArguments(ComplianceProfile profile, FindingScope scope, string subject, PlanFacts? plan, GroupBuyRuleFacts? groupBuyRule, NetworkAnalysis? network, InvitationRuleFacts? invitationRule = null)
    {
        InvitationRule = invitationRule;
        Profile = profile;
        Scope = scope;
        Subject = subject;
        Plan = plan;
        GroupBuyRule = groupBuyRule;
        Network = network;
    }

    /// <summary>Gets the active profile, whose limits the check applies.</summary>
    public ComplianceProfile Profile { get; }

    /// <summary>Gets the scope being checked.</summary>
    public FindingScope Scope { get; }

    /// <summary>Gets the subject to name in findings: the plan's or rule's name, or <c>"network"</c>.</summary>
    public string Subject { get; }

    /// <summary>Gets the plan being checked (scope <see cref="FindingScope.Plan"/>), or the plan paying the audited network when known.</summary>
    public PlanFacts? Plan { get; }

    /// <summary>Gets the group-buy rule being checked (scope <see cref="FindingScope.GroupBuy"/>).</summary>
    public GroupBuyRuleFacts? GroupBuyRule { get; }

    /// <summary>Gets the invitation or referral-reward rule being checked (scope <see cref="FindingScope.Invitation"/>).</summary>
    public InvitationRuleFacts? InvitationRule { get; }

    /// <summary>Gets the analysed network (scope <see cref="FindingScope.Network"/>).</summary>
    public NetworkAnalysis? Network { get; }
}
