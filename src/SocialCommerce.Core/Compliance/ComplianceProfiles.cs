using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace SocialCommerce.Compliance;

/// <summary>
/// The SDK's built-in compliance profiles. Each encodes a reading of one body of rules; a host derives its own with
/// <c>with</c> expressions (e.g. <c>ComplianceProfiles.ChinaSocialCommerce with { Name = "shop", MaxPaidDepth = 2 }</c>).
/// </summary>
/// <remarks>
/// Levels are the SDK's: the buyer is level 0, its direct referrer (the credited seller) level 1; paid depth is the
/// highest upline level that may earn from one sale. Network thresholds use team levels: a team's top member is
/// team level 1 and counts as a participant. These profiles are engineering guidance, not legal advice.
/// </remarks>
public static class ComplianceProfiles
{
    private const string PyramidSellingRegulations = "Regulations on Prohibition of Pyramid Selling (禁止传销条例, 2005), art. 7";
    private const string Opinion2013 = "SPC/SPP/MPS Opinions on Criminal Cases of Organising and Leading Pyramid-Selling Activities (2013), art. 1 (at least 30 participants, at least 3 levels)";
    private const string DirectSellingArticle24 = "Direct Selling Administration Regulations (直销管理条例, 2005), art. 24";
    private const string FabricatedTransactionsCn = "Anti-Unfair Competition Law art. 8; E-Commerce Law art. 17 (fabricated transactions)";
    private const string FtcGuidance = "FTC, Business Guidance Concerning Multi-Level Marketing (2018)";
    private const string Ucpd14 = "Unfair Commercial Practices Directive 2005/29/EC, Annex I, point 14";

    /// <summary>
    /// Gets the China-oriented social-commerce profile, <c>"cn-social-commerce"</c>: rewards only on real sales.
    /// </summary>
    /// <value>
    /// Paid depth 3 (level 1 is the credited seller, levels 2 and 3 its uplines: "三级分销"); no payout-ratio limit;
    /// no head-count rewards (拉人头, art. 7(1)); no entry fee or qualifying purchase (入门费, art. 7(2)); no simulated
    /// group-buy participants; no paid help in invitations, and help restricted to new members refused (拉新助力);
    /// a warning on any team compensation (paid depth 2 or more, 团队计酬, art. 7(3)); network
    /// flags: a chain of more than 4 team levels (past the buyer and its 3 paid uplines), and a team of at least
    /// 3 team levels (2 links below its top) with at least 30 participants, the top included (the 2013 opinion's
    /// criminal threshold). Team findings say whether they are the administrative or the criminal-threshold case.
    /// </value>
    public static ComplianceProfile ChinaSocialCommerce { get; } = new()
    {
        Name = "cn-social-commerce",
        MinReturnWindow = Duration.FromDays(7),
        MaxPaidDepth = 3,
        AllowsNewMemberOnlyHelp = false,
        WarnsOnTeamCompensation = true,
        FlagChainLevels = 4,
        FlagTeamLevels = 3,
        FlagTeamParticipants = 30,
        Citations = new Dictionary<string, string>
        {
            [ComplianceCodes.PlanReturnWindowShort] = ReturnsCn,
            [ComplianceCodes.PlanPaidDepthExceeded] = PyramidSellingRegulations + "(3) (team compensation); paid depth 3 is this profile's limit, not a statutory safe harbour",
            [ComplianceCodes.SaleLineBeyondPaidDepth] = PyramidSellingRegulations + "(3) (team compensation); paid depth 3 is this profile's limit",
            [ComplianceCodes.PlanRecruitmentReward] = PyramidSellingRegulations + "(1) (head-count rewards)",
            [ComplianceCodes.PlanEntryFee] = PyramidSellingRegulations + "(2) (entry fee)",
            [ComplianceCodes.PlanTeamCompensation] = PyramidSellingRegulations + "(3) (team compensation)",
            [ComplianceCodes.GroupBuySimulatedParticipants] = FabricatedTransactionsCn,
            [ComplianceCodes.ShareRewardWithoutPurchase] = FabricatedTransactionsCn + " (rewards for clicks and shares alone: fabricated traffic)",
            [ComplianceCodes.NetworkChainBeyondDepth] = PyramidSellingRegulations + "(3); chains past the buyer and its 3 paid uplines",
            [ComplianceCodes.NetworkTeamThreshold] = Opinion2013,
            [ComplianceCodes.InvitationPaidHelp] = PyramidSellingRegulations + "(2) (paying to take part: an entry fee by another name)",
            [ComplianceCodes.InvitationNewMembersOnly] = PyramidSellingRegulations + "(1) (rewards tied to recruiting new members)",
        },
    };

    /// <summary>
    /// Gets the China direct-selling profile, <c>"cn-direct-selling"</c>: a direct seller is paid only on their own
    /// direct sales to consumers, at most 30 % of those sales.
    /// </summary>
    /// <value>
    /// Paid depth 1 (only the credited seller, the buyer's direct referrer; no upline earns from it); maximum payout
    /// ratio 30 % of the sale, every reward included; no head-count rewards; no entry fee; no simulated group-buy
    /// participants; no paid help in invitations, help restricted to new members refused; network flag: a team of at
    /// least 3 team levels with at least 30 participants.
    /// </value>
    public static ComplianceProfile ChinaDirectSelling { get; } = new()
    {
        Name = "cn-direct-selling",
        MinReturnWindow = Duration.FromDays(7),
        MaxPaidDepth = 1,
        AllowsNewMemberOnlyHelp = false,
        MaxPayoutRatio = Rate.Percent(30m),
        CountsRedeemableRewards = true,
        WarnsOnTeamCompensation = true,
        FlagTeamLevels = 3,
        FlagTeamParticipants = 30,
        Citations = new Dictionary<string, string>
        {
            [ComplianceCodes.PlanReturnWindowShort] = ReturnsCn,
            [ComplianceCodes.PlanPaidDepthExceeded] = DirectSellingArticle24 + " (pay only on the seller's own direct sales)",
            [ComplianceCodes.PlanPayoutRatioExceeded] = DirectSellingArticle24 + " (at most 30 % of the seller's own sales)",
            [ComplianceCodes.SaleLineBeyondPaidDepth] = DirectSellingArticle24 + " (pay only on the seller's own direct sales)",
            [ComplianceCodes.SalePayoutRatioCapped] = DirectSellingArticle24 + " (at most 30 % of the seller's own sales)",
            [ComplianceCodes.PlanRecruitmentReward] = PyramidSellingRegulations + "(1) (head-count rewards)",
            [ComplianceCodes.PlanEntryFee] = PyramidSellingRegulations + "(2) (entry fee)",
            [ComplianceCodes.PlanTeamCompensation] = PyramidSellingRegulations + "(3) (team compensation)",
            [ComplianceCodes.GroupBuySimulatedParticipants] = FabricatedTransactionsCn,
            [ComplianceCodes.ShareRewardWithoutPurchase] = FabricatedTransactionsCn + " (rewards for clicks and shares alone: fabricated traffic)",
            [ComplianceCodes.NetworkTeamThreshold] = Opinion2013,
            [ComplianceCodes.InvitationPaidHelp] = PyramidSellingRegulations + "(2) (paying to take part: an entry fee by another name)",
            [ComplianceCodes.InvitationNewMembersOnly] = PyramidSellingRegulations + "(1) (rewards tied to recruiting new members)",
            [ComplianceCodes.ReferralRewardPayoutRatio] = DirectSellingArticle24 + " (at most 30 % of the seller's own sales, every reward included)",
        },
    };

    /// <summary>
    /// Gets the two-level social-distribution profile, <c>"two-level-distribution"</c>, for platforms and channels that
    /// cap distribution at two levels.
    /// </summary>
    /// <value>
    /// Paid depth 2: the platforms' "two levels" count the credited seller as one of the two, so level 1 (the seller)
    /// and level 2 (its referrer) may earn and nobody above. No payout-ratio limit; no head-count rewards; no entry fee;
    /// no simulated group-buy participants; network flag: a chain of more than 3 team levels (past the buyer and its
    /// 2 paid uplines).
    /// </value>
    public static ComplianceProfile TwoLevelDistribution { get; } = new()
    {
        Name = "two-level-distribution",
        MinReturnWindow = Duration.FromDays(7),
        MaxPaidDepth = 2,
        FlagChainLevels = 3,
        Citations = new Dictionary<string, string>
        {
            [ComplianceCodes.PlanReturnWindowShort] = ReturnsCn,
            [ComplianceCodes.PlanPaidDepthExceeded] = "Platform distribution rules: at most two levels, the credited seller counting as one",
            [ComplianceCodes.SaleLineBeyondPaidDepth] = "Platform distribution rules: at most two levels, the credited seller counting as one",
            [ComplianceCodes.PlanRecruitmentReward] = "Platform distribution rules: no rewards for recruiting",
            [ComplianceCodes.PlanEntryFee] = "Platform distribution rules: no fee to become a distributor",
            [ComplianceCodes.GroupBuySimulatedParticipants] = FabricatedTransactionsCn,
            [ComplianceCodes.ShareRewardWithoutPurchase] = FabricatedTransactionsCn + " (rewards for clicks and shares alone: fabricated traffic)",
            [ComplianceCodes.NetworkChainBeyondDepth] = "Platform distribution rules: chains past the buyer and its 2 paid uplines",
            [ComplianceCodes.InvitationPaidHelp] = "Platform distribution rules: no fee to take part, however named",
        },
    };

    /// <summary>
    /// Gets the US-oriented profile, <c>"us-ftc-mlm"</c>, in the spirit of the FTC's guidance on multi-level marketing:
    /// rewards must be driven by sales to customers who are not participants.
    /// </summary>
    /// <value>
    /// No paid-depth or payout-ratio limit (the guidance sets none); no head-count rewards; no entry fee or qualifying
    /// purchase to earn; no simulated group-buy participants; a network and period are flagged when customers who are
    /// not participants bought less than 50 % of the rewarded volume (a configurable threshold: the FTC sets no number).
    /// </value>
    public static ComplianceProfile UnitedStatesFtc { get; } = new()
    {
        Name = "us-ftc-mlm",
        MinCustomerShare = Rate.Percent(50m),
        Citations = new Dictionary<string, string>
        {
            [ComplianceCodes.PlanRecruitmentReward] = FtcGuidance + " (compensation for recruiting)",
            [ComplianceCodes.PlanEntryFee] = FtcGuidance + " (purchases to qualify for rewards)",
            [ComplianceCodes.NetworkRetailShareLow] = FtcGuidance + " (rewards driven by sales to non-participant customers)",
            [ComplianceCodes.GroupBuySimulatedParticipants] = "FTC Act, section 5 (deceptive practices)",
            [ComplianceCodes.InvitationPaidHelp] = FtcGuidance + " (payments to participate or to qualify for rewards)",
        },
    };

    /// <summary>
    /// Gets the EU-oriented profile, <c>"eu-ucpd"</c>: no compensation derived primarily from introducing other consumers.
    /// </summary>
    /// <value>
    /// No paid-depth or payout-ratio limit; no head-count rewards (the banned practice of Annex I, point 14, pays for
    /// introducing consumers against their consideration); an entry fee alone is allowed; no simulated group-buy participants; no paid help in invitations, help
    /// restricted to new members refused, random bargain schedules flagged unless disclosed.
    /// </value>
    public static ComplianceProfile EuropeanUnionUcpd { get; } = new()
    {
        Name = "eu-ucpd",
        MinReturnWindow = Duration.FromDays(14),
        AllowsEntryFee = true,
        AllowsNewMemberOnlyHelp = false,
        RequiresScheduleDisclosure = true,
        Citations = new Dictionary<string, string>
        {
            [ComplianceCodes.PlanReturnWindowShort] = "Consumer Rights Directive 2011/83/EU, art. 9 (14-day right of withdrawal from distance contracts)",
            [ComplianceCodes.PlanRecruitmentReward] = Ucpd14,
            [ComplianceCodes.GroupBuySimulatedParticipants] = "Unfair Commercial Practices Directive 2005/29/EC, art. 6 (misleading actions)",
            [ComplianceCodes.InvitationPaidHelp] = Ucpd14 + " (consideration paid for the chance of a reward from others' participation)",
            [ComplianceCodes.InvitationNewMembersOnly] = Ucpd14 + " (compensation for introducing other consumers)",
            [ComplianceCodes.InvitationUndisclosedSchedule] = "Unfair Commercial Practices Directive 2005/29/EC, arts. 6-7 (misleading actions and omissions: how the price is calculated)",
        },
    };

    private const string ReturnsCn = "Consumer Rights Protection Law of the PRC, art. 25 (seven-day no-reason returns for goods bought online)";

    /// <summary>Gets every built-in profile, in the order above.</summary>
    public static IReadOnlyList<ComplianceProfile> All { get; } = [ChinaSocialCommerce, ChinaDirectSelling, TwoLevelDistribution, UnitedStatesFtc, EuropeanUnionUcpd];

    /// <summary>Looks up a built-in profile by its name (e.g. <c>"cn-social-commerce"</c>), ignoring case.</summary>
    /// <param name="name">The profile's <see cref="ComplianceProfile.Name"/>.</param>
    /// <param name="profile">The profile, when found.</param>
    /// <returns><see langword="true"/> when a built-in profile has that name.</returns>
    public static bool TryGet(string? name, [NotNullWhen(true)] out ComplianceProfile? profile)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                profile = candidate;
                return true;
            }
        }

        profile = null;
        return false;
    }

    /// <summary>Returns a built-in profile by its name, ignoring case.</summary>
    /// <param name="name">The profile's <see cref="ComplianceProfile.Name"/>, e.g. <c>"two-level-distribution"</c>.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No built-in profile has that name; the message lists the names.</exception>
    public static ComplianceProfile Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGet(name, out var profile)
            ? profile
            : throw new KeyNotFoundException($"'{name}' is not a built-in compliance profile. Built-in: {Names()}.");
    }

    internal static string Names()
    {
        var names = new string[All.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = "'" + All[i].Name + "'";
        }

        return string.Join(", ", names);
    }
}
