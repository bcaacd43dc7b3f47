using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Testing;

/// <summary>
/// A generated commission case: a network, the buyer (a member index), a plan, a sale, which members are enabled
/// distributors and each member's rank. <see cref="Quote"/> runs it through the SDK's engine, optionally with the
/// host's own rules appended to the plan.
/// </summary>
/// <param name="Network">The referral network.</param>
/// <param name="Buyer">The buyer's index in <paramref name="Network"/>.</param>
/// <param name="Plan">The plan.</param>
/// <param name="Sale">The sale (the buyer and the instant are the case's).</param>
/// <param name="Enabled">Whether each member (by index) is an enabled distributor.</param>
/// <param name="Ranks">Each member's rank (by index), for rank-differential plans.</param>
public sealed record CommissionCase(NetworkSample Network, int Buyer, PlanSample Plan, SaleSample Sale, IReadOnlyList<bool> Enabled, IReadOnlyList<int> Ranks)
{
    /// <summary>The instant every generated case's members register and its sale is paid: 2026-11-01T12:00:00Z.</summary>
    public static readonly Instant PaidAt = Instant.FromUtc(2026, 11, 1, 12, 0);

    /// <summary>The id every generated case's sale has.</summary>
    public const string SaleId = "S-1";

    /// <summary>Gets the buyer's member id.</summary>
    public MemberId BuyerId => Network.Member(Buyer);

    /// <summary>Builds the network, every member registered at <see cref="PaidAt"/>.</summary>
    /// <returns>A new network.</returns>
    public ReferralNetwork BuildNetwork() => Network.Build(PaidAt);

    /// <summary>Builds the sale: id <see cref="SaleId"/>, the buyer, paid at <see cref="PaidAt"/>, carrying the enabled distributors.</summary>
    /// <returns>The sale.</returns>
    public Sale BuildSale() => Sale.Build(SaleId, BuyerId, PaidAt, EnabledDistributors());

    /// <summary>Gets the members marked as enabled distributors.</summary>
    /// <returns>The set.</returns>
    public IReadOnlySet<MemberId> EnabledDistributors()
    {
        var set = new HashSet<MemberId>();
        for (var i = 0; i < Network.Count; i++)
        {
            if (Enabled[i])
            {
                set.Add(Network.Member(i));
            }
        }

        return set;
    }

    /// <summary>Gets the members' ranks as the engine reads them.</summary>
    /// <returns>The rank source.</returns>
    public IMemberRanks MemberRanks() => new SampleRanks(this);

    /// <summary>Creates the engine options for this case: its ranks, the profile and the host rules.</summary>
    /// <param name="profile">The compliance profile, or null for none.</param>
    /// <param name="rules">The host rules' catalog, or null.</param>
    /// <returns>The options.</returns>
    public CommissionEngineOptions Options(ComplianceProfile? profile = null, CommissionRuleCatalog? rules = null) =>
        new() { Ranks = MemberRanks(), Rules = rules, Compliance = profile };

    /// <summary>
    /// Quotes the case: builds the plan (with <paramref name="hostRules"/> appended), an engine under
    /// <paramref name="profile"/>, the network and the sale, and returns the engine's quote.
    /// </summary>
    /// <param name="profile">The compliance profile the engine enforces, or null for none.</param>
    /// <param name="rules">The catalog holding the host rules, or null when none are named.</param>
    /// <param name="hostRules">Names of host rules to run after the built-in stages, in order.</param>
    /// <returns>The quote.</returns>
    /// <exception cref="PlanRefusedException">The profile refuses the plan (generate it with <see cref="CommissionPlanGen.Within"/>).</exception>
    /// <exception cref="InvalidCommissionPlanException">A host rule is not in <paramref name="rules"/>.</exception>
    public CommissionQuote Quote(ComplianceProfile? profile = null, CommissionRuleCatalog? rules = null, params string[] hostRules)
    {
        var engine = new CommissionEngine(Plan.Build(rules, hostRules), Options(profile, rules));
        return engine.Quote(BuildSale(), BuildNetwork());
    }

    /// <summary>Formats the whole case on one line: network, buyer, enabled members, ranks, plan and sale.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Network} buyer={Buyer} (member {BuyerId.Value}) enabled=[{string.Join(",", Enabled.Select(e => e ? 1 : 0))}] ranks=[{string.Join(",", Ranks)}] {Plan} {Sale}");

    private sealed class SampleRanks : IMemberRanks
    {
        private readonly Dictionary<MemberId, int> _ranks = [];

        public SampleRanks(CommissionCase c)
        {
            for (var i = 0; i < c.Network.Count; i++)
            {
                _ranks[c.Network.Member(i)] = c.Ranks[i];
            }
        }

        public int GetRank(MemberId member) => _ranks.TryGetValue(member, out var rank) ? rank : 0;
    }
}
