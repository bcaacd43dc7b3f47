using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;

namespace SocialCommerce.Extensions.Registration;

/// <summary>
/// Everything registered through the builder and configuration, kept as options so that it is validated
/// once, at start-up, before any engine is built.
/// </summary>
internal sealed class SocialCommerceRegistrations
{
    /// <summary>The registration name of the unnamed default plan.</summary>
    public const string DefaultPlanName = "";

    public Dictionary<string, PlanSource> Plans { get; } = new(StringComparer.Ordinal);

    public List<RuleRegistration> Rules { get; } = [];

    public ComplianceSource? Compliance { get; set; }

    /// <summary>Group-buy rules by name: a later registration of a name (code or configuration) replaces the earlier one, as for plans.</summary>
    public Dictionary<string, GroupBuyRuleSource> GroupBuyRules { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CommunityBatchRule> CommunityBatchRules { get; } = new(StringComparer.Ordinal);

    public GrowthPolicySource? GrowthPolicy { get; set; }

    /// <summary>The ledger's money policy: from code (<c>UseLedgerOptions</c>) or configuration (<c>Ledger</c>), the later wins.</summary>
    public LedgerSource? Ledger { get; set; }

    public LevelLadder? LevelLadder { get; set; }

    public List<HonourRule> Honours { get; } = [];

    /// <summary>Problems found while reading configuration, reported with every other failure at start.</summary>
    public List<string> ConfigurationFailures { get; } = [];

    /// <summary>Invitation rules by name: a later registration of a name replaces the earlier one.</summary>
    public Dictionary<string, InvitationRuleSource> InvitationRules { get; } = new(StringComparer.Ordinal);

    public ReferralRewardSource? ReferralRewards { get; set; }

    /// <summary>
    /// Every replaced registration, reported at start (event 1104): the one rule for every named kind — plans, group-buy
    /// rules, invitation rules, community-batch rules — is that the later registration of a name replaces the earlier
    /// one, in code or configuration, in registration order; never silently.
    /// </summary>
    public List<string> Replacements { get; } = [];

    /// <summary>Registers a named plan or rule under the one rule for names: the later registration wins, and a replacement is recorded.</summary>
    public void Register<T>(Dictionary<string, T> map, string kind, string name, T source, string origin, Func<T, string> originOf)
    {
        if (map.TryGetValue(name, out var earlier) && !EqualityComparer<T>.Default.Equals(earlier, source))
        {
            Replacements.Add($"{kind} '{name}' from {origin} replaces the one from {originOf(earlier)}");
        }

        map[name] = source;
    }

    /// <summary>The default currency bound configuration sets, read with the documents (so a reload sees both together).</summary>
    public string? ConfiguredDefaultCurrency { get; set; }
}

/// <summary>A plan given as an instance (code) or as a JSON document (code or configuration).</summary>
internal sealed record PlanSource(string Origin, CommissionPlan? Plan, string? Json, bool DefaultsCurrency = false)
{
    /// <summary>Builds the plan at start with the container's services and the registered rules (a plan from code or a store).</summary>
    public Func<IServiceProvider, CommissionRuleCatalog, CommissionPlan>? Factory { get; init; }
}

/// <summary>A custom rule type, with the name plan documents use for it (null: the rule's own name).</summary>
internal sealed record RuleRegistration(
    [param: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    [property: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    Type RuleType,
    string? Name);

/// <summary>A compliance profile given as an instance or as a built-in name and a mode.</summary>
internal sealed record ComplianceSource(string Origin, ComplianceProfile? Profile, string? BuiltInName, ComplianceMode? Mode);

/// <summary>A group-buy rule given as an instance or as a JSON document.</summary>
internal sealed record GroupBuyRuleSource(string Origin, GroupBuyRule? Rule, string? Json, bool DefaultsCurrency = false);

/// <summary>An invitation rule given as an instance or as a JSON document (whose name, when it has one, must be the registered name).</summary>
internal sealed record InvitationRuleSource(string Origin, InvitationRule? Rule, string? Json, bool DefaultsCurrency = false);

/// <summary>The referral-reward rule and the plan (registration name) that pays the same sales, for the payout-ratio check.</summary>
internal sealed record ReferralRewardSource(ReferralRewardRule Rule, string? PlanName);

/// <summary>A growth policy given as an instance or as a JSON document.</summary>
internal sealed record LedgerSource(string Origin, SocialCommerce.Commissions.LedgerOptions Options);

internal sealed record GrowthPolicySource(string Origin, GrowthPolicy? Policy, string? Json, bool DefaultsCurrency = false);
