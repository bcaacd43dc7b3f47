using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Compliance;

/// <summary>
/// The limits a host's social-commerce schemes must stay within; applied by the engines themselves.
/// </summary>
/// <remarks>
/// <para>
/// Levels are counted as in the SDK's vocabulary: the buyer is level 0, the buyer's direct referrer
/// is level 1. <see cref="MaxPaidDepth"/> is the highest upline level that may earn from one sale
/// (a "two-level" scheme has paid depth 2). Network thresholds count <em>team levels</em> as Chinese
/// case law does: the top member of a team is team level 1 and counts as a participant, so a team of
/// 3 team levels has 2 referral links below its top. Instances are immutable; compose a new profile
/// with <c>with</c> expressions, e.g.
/// <c>ComplianceProfiles.ChinaSocialCommerce with { Name = "my-shop", MaxPaidDepth = 2 }</c>.
/// </para>
/// <para>
/// The profile is applied by the <see cref="Checks"/> it lists: <see cref="CheckPlan"/>,
/// <see cref="CheckGroupBuyRule"/> and <see cref="AuditNetwork(ReferralNetwork, PlanFacts?, IReadOnlyList{RewardedSale}?, SocialCommerceListener?)"/>
/// run every check on the scope they are asked about. Record equality compares <see cref="Checks"/> and
/// <see cref="Citations"/> by reference. Checking is thread-safe when the checks are.
/// </para>
/// </remarks>
public sealed record ComplianceProfile
{
    private readonly int? _maxPaidDepth;
    private readonly int? _flagChainLevels;
    private readonly int? _flagTeamLevels;
    private readonly int? _flagTeamParticipants;
    private readonly IReadOnlyList<IComplianceCheck> _checks = ComplianceChecks.All;
    private readonly IReadOnlyDictionary<string, string> _citations = EmptyCitations;

    /// <summary>Gets the profile's name, e.g. <c>"cn-social-commerce"</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the highest upline level that may be paid from one sale; <see langword="null"/> for no limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public int? MaxPaidDepth
    {
        get => _maxPaidDepth;
        init => _maxPaidDepth = AtLeast(value, 0, nameof(MaxPaidDepth));
    }

    /// <summary>Gets the largest share of a sale's commissionable base that may be paid out in total; <see langword="null"/> for no limit.</summary>
    public Rate? MaxPayoutRatio { get; init; }

    /// <summary>Gets a value indicating whether rewards for recruiting members (head-count) are allowed.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AllowsRecruitmentRewards { get; init; }

    /// <summary>
    /// Gets whether points and coupons redeemable for money count toward <see cref="MaxPayoutRatio"/>
    /// (<see cref="PlanFacts.RedeemableRewardRate"/>); true for <see cref="ComplianceProfiles.ChinaDirectSelling"/>, whose cap
    /// counts rewards in every form.
    /// </summary>
    public bool CountsRedeemableRewards { get; init; }

    /// <summary>
    /// Gets the shortest return window a plan should have: how long buyers may return goods without reason where the
    /// profile applies. A plan that releases commissions sooner pays money a lawful return then claws back (finding
    /// <see cref="ComplianceCodes.PlanReturnWindowShort"/>, a warning). Null: not checked.
    /// </summary>
    /// <value>Defaults to null.</value>
    public Duration? MinReturnWindow { get; init; }

    /// <summary>Gets a value indicating whether earning may require an entry fee or a qualifying purchase.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AllowsEntryFee { get; init; }

    /// <summary>Gets a value indicating whether group buys may be completed with simulated participants.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AllowsSimulatedParticipants { get; init; }

    /// <summary>Gets whether members may buy a help or an accelerator in an invitation (<see cref="ComplianceCodes.InvitationPaidHelp"/>); false in every built-in profile.</summary>
    public bool AllowsPaidHelp { get; init; }

    /// <summary>
    /// Gets whether an invitation may admit only newly registered members as helpers (flagged as a warning) rather than
    /// being refused (<see cref="ComplianceCodes.InvitationNewMembersOnly"/>). Defaults to true; false in the China and EU profiles.
    /// </summary>
    public bool AllowsNewMemberOnlyHelp { get; init; } = true;

    /// <summary>Gets whether a random bargain schedule must be disclosed (<see cref="ComplianceCodes.InvitationUndisclosedSchedule"/>, a warning); true in the EU profile.</summary>
    public bool RequiresScheduleDisclosure { get; init; }

    /// <summary>Gets how the engines apply the profile.</summary>
    /// <value>Defaults to <see cref="ComplianceMode.Enforce"/>.</value>
    public ComplianceMode Mode { get; init; } = ComplianceMode.Enforce;

    /// <summary>
    /// Gets a value indicating whether a plan that pays any upline above level 1 (team compensation,
    /// 团队计酬: a reward from a downline's sale rather than from one's own) gets a warning.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool WarnsOnTeamCompensation { get; init; }

    /// <summary>
    /// Gets the team levels a chain may reach before the audit flags it: a tree whose longest chain has
    /// <em>more</em> team levels than this is reported (<see cref="ComplianceCodes.NetworkChainBeyondDepth"/>).
    /// The top member is team level 1, so a value of 4 allows 3 links below the top.
    /// <see langword="null"/> for no chain flag.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value below 1.</exception>
    public int? FlagChainLevels
    {
        get => _flagChainLevels;
        init => _flagChainLevels = AtLeast(value, 1, nameof(FlagChainLevels));
    }

    /// <summary>
    /// Gets the team levels at which a team trips the network flag, together with <see cref="FlagTeamParticipants"/>:
    /// a team with <em>at least</em> this many team levels (its top member is level 1) and at least that many
    /// participants is reported (<see cref="ComplianceCodes.NetworkTeamThreshold"/>). <see langword="null"/> leaves
    /// levels out of the test; when both are <see langword="null"/> teams are not flagged.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value below 1.</exception>
    public int? FlagTeamLevels
    {
        get => _flagTeamLevels;
        init => _flagTeamLevels = AtLeast(value, 1, nameof(FlagTeamLevels));
    }

    /// <summary>
    /// Gets the participants (the top member included) at which a team trips the network flag, together with
    /// <see cref="FlagTeamLevels"/>. <see langword="null"/> leaves size out of the test.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value below 1.</exception>
    public int? FlagTeamParticipants
    {
        get => _flagTeamParticipants;
        init => _flagTeamParticipants = AtLeast(value, 1, nameof(FlagTeamParticipants));
    }

    /// <summary>
    /// Gets the smallest share of a period's rewarded sales volume that must come from customers who are not
    /// participants; a lower share is flagged (<see cref="ComplianceCodes.NetworkRetailShareLow"/>).
    /// <see langword="null"/> for no retail-share check.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public Rate? MinCustomerShare { get; init; }

    /// <summary>
    /// Gets the thresholds that are strict: a source that says "more than 30 participants" or "more than 50 % of sales
    /// to customers" is expressed by naming the threshold here. Thresholds not named are inclusive ("at least 30
    /// participants", as the 2013 opinion's 以上 reads, and "at least 50 %").
    /// </summary>
    /// <value>Defaults to <see cref="ComplianceThresholds.None"/>: every threshold inclusive (every built-in profile).</value>
    public ComplianceThresholds StrictThresholds { get; init; }

    /// <summary>Gets the checks that apply the profile, in order.</summary>
    /// <value>Defaults to <see cref="ComplianceChecks.All"/>, the SDK's built-in checks; each reads this profile's limits and does nothing when its limit is unset.</value>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to a list containing null.</exception>
    public IReadOnlyList<IComplianceCheck> Checks
    {
        get => _checks;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Checks));
            for (var i = 0; i < value.Count; i++)
            {
                if (value[i] is null)
                {
                    throw new ArgumentException($"Checks[{i}] is null; a profile's checks must all be set.", nameof(Checks));
                }
            }

            _checks = value;
        }
    }

    /// <summary>Gets the citation written into findings, by finding code (<see cref="ComplianceCodes"/>).</summary>
    /// <value>Defaults to empty: findings then cite the profile by name (see <see cref="GetCitation"/>).</value>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public IReadOnlyDictionary<string, string> Citations
    {
        get => _citations;
        init => _citations = value ?? throw new ArgumentNullException(nameof(Citations));
    }

    private static IReadOnlyDictionary<string, string> EmptyCitations { get; } = new Dictionary<string, string>();

    private static int? AtLeast(int? value, int minimum, string name) =>
        value is { } v && v < minimum
            ? throw new ArgumentOutOfRangeException(name, v, string.Format(CultureInfo.InvariantCulture, "{0} should be at least {1} or null (no limit); was {2}.", name, minimum, v))
            : value;

    /// <summary>Returns the citation for findings with the given code.</summary>
    /// <param name="code">A finding code, e.g. <see cref="ComplianceCodes.PlanPaidDepthExceeded"/>.</param>
    /// <returns>The entry of <see cref="Citations"/> for the code, or <c>"Compliance profile 'name'"</c> when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public string GetCitation(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Citations.TryGetValue(code, out var citation) ? citation : string.Format(CultureInfo.InvariantCulture, "Compliance profile '{0}'", Name);
    }

    /// <summary>Checks a commission plan at registration.</summary>
    /// <param name="plan">What the plan does.</param>
    /// <returns>
    /// The decision: under <see cref="ComplianceMode.Enforce"/> a plan with any <see cref="FindingSeverity.Error"/>
    /// finding is refused; under <see cref="ComplianceMode.Audit"/> it is accepted and the findings are reported.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The plan's paid depth is negative.</exception>
    public ComplianceDecision CheckPlan(PlanFacts plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(plan.PaidDepth, "plan.PaidDepth");
        return Decide(new ComplianceCheckArguments(this, FindingScope.Plan, plan.Name, plan, null, null), plan.Name, FindingScope.Plan);
    }

    /// <summary>Checks a group-buy rule when it is registered.</summary>
    /// <param name="ruleName">The rule's name, used as the subject of findings.</param>
    /// <param name="allowsSimulatedParticipants">Whether the rule completes unfilled groups with simulated participants.</param>
    /// <returns>The decision, as for <see cref="CheckPlan"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleName"/> is null.</exception>
    public ComplianceDecision CheckGroupBuyRule(string ruleName, bool allowsSimulatedParticipants)
    {
        ArgumentNullException.ThrowIfNull(ruleName);
        var rule = new GroupBuyRuleFacts(ruleName, allowsSimulatedParticipants);
        return Decide(new ComplianceCheckArguments(this, FindingScope.GroupBuy, ruleName, null, rule, null), ruleName, FindingScope.GroupBuy);
    }

    /// <summary>Checks an invitation or referral-reward rule when it is registered (or a mechanic the host runs elsewhere).</summary>
    /// <param name="rule">What the rule does.</param>
    /// <returns>The decision, as for <see cref="CheckPlan"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    public ComplianceDecision CheckInvitationRule(InvitationRuleFacts rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Decide(new ComplianceCheckArguments(this, FindingScope.Invitation, rule.Name, null, null, null, rule), rule.Name, FindingScope.Invitation);
    }

    /// <summary>Audits the in-memory referral network (and, optionally, a period's rewarded sales).</summary>
    /// <param name="network">The network.</param>
    /// <param name="plan">The plan that pays the network, if known: it decides whether team findings are the administrative or the criminal-threshold case.</param>
    /// <param name="periodSales">The period's rewarded sales for the retail-share check; none when null.</param>
    /// <returns>The report: statistics and findings. An audit never refuses anything.</returns>
    /// <remarks>Linear in the number of members: it reads the network's dense arrays directly.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentException">A sale has a negative amount.</exception>
    /// <exception cref="CurrencyMismatchException">The sales are in more than one currency.</exception>
    /// <param name="listener">Told about the audit (a trace around it, its findings); none when null.</param>
    public NetworkAuditReport AuditNetwork(ReferralNetwork network, PlanFacts? plan = null, IReadOnlyList<RewardedSale>? periodSales = null, SocialCommerceListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var operation = listener?.StartOperation(SocialCommerceOperations.Audit);
        return Audit(NetworkAnalysis.Analyze(network, this, plan, periodSales), listener);
    }

    /// <summary>Audits a host's referral store through <see cref="IReferralNetwork"/>.</summary>
    /// <param name="network">The host's network.</param>
    /// <param name="members">Every member of the network, each once, in any order; every referrer must be among them.</param>
    /// <param name="plan">The plan that pays the network, if known.</param>
    /// <param name="periodSales">The period's rewarded sales for the retail-share check; none when null.</param>
    /// <returns>The report: statistics and findings.</returns>
    /// <remarks>Linear in the number of members plus one <see cref="IReferralNetwork.TryGetReferrer"/> and one <see cref="IReferralNetwork.GetDepth"/> call each.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="members"/> is null.</exception>
    /// <exception cref="ArgumentException">A member is listed twice, or a referrer is not listed, or a depth disagrees with the referrer's depth + 1, or a sale has a negative amount.</exception>
    /// <exception cref="CurrencyMismatchException">The sales are in more than one currency.</exception>
    /// <param name="listener">Told about the audit (a trace around it, its findings); none when null.</param>
    public NetworkAuditReport AuditNetwork(IReferralNetwork network, IEnumerable<MemberId> members, PlanFacts? plan = null, IReadOnlyList<RewardedSale>? periodSales = null, SocialCommerceListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(members);
        using var operation = listener?.StartOperation(SocialCommerceOperations.Audit);
        return Audit(NetworkAnalysis.Analyze(network, members, this, plan, periodSales), listener);
    }

    private NetworkAuditReport Audit(NetworkAnalysis analysis, SocialCommerceListener? listener)
    {
        var findings = new List<ComplianceFinding>();
        var arguments = new ComplianceCheckArguments(this, FindingScope.Network, "network", analysis.Plan, null, analysis);
        for (var i = 0; i < Checks.Count; i++)
        {
            Checks[i].Check(arguments, findings);
        }

        var report = new NetworkAuditReport(Name, analysis, findings);
        listener?.OnNetworkAudited(new NetworkAuditedArguments(report));
        return report;
    }

    private ComplianceDecision Decide(ComplianceCheckArguments arguments, string subject, FindingScope scope)
    {
        var findings = new List<ComplianceFinding>();
        for (var i = 0; i < Checks.Count; i++)
        {
            Checks[i].Check(arguments, findings);
        }

        var refused = false;
        if (Mode == ComplianceMode.Enforce)
        {
            for (var i = 0; i < findings.Count; i++)
            {
                refused |= findings[i].Severity == FindingSeverity.Error;
            }
        }

        return new ComplianceDecision(Name, Mode, scope, subject, !refused, findings);
    }
}
