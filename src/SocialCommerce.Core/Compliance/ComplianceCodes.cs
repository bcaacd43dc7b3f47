namespace SocialCommerce.Compliance;

/// <summary>
/// The stable codes of the SDK's built-in compliance findings. Codes never change meaning; new checks get new codes.
/// </summary>
/// <remarks>SC1xx: plans; SC2xx: sales; SC3xx: networks; SC4xx: group buying; SC5xx: invitations and referral rewards.</remarks>
public static class ComplianceCodes
{
    /// <summary>A plan pays more upline levels than the profile's maximum paid depth.</summary>
    public const string PlanPaidDepthExceeded = "SC101";

    /// <summary>A plan's total rate for one sale exceeds the profile's maximum payout ratio.</summary>
    public const string PlanPayoutRatioExceeded = "SC102";

    /// <summary>A plan rewards recruitment (head-count) where the profile forbids it.</summary>
    public const string PlanRecruitmentReward = "SC103";

    /// <summary>A plan makes earning depend on an entry fee or a qualifying purchase where the profile forbids it.</summary>
    public const string PlanEntryFee = "SC104";

    /// <summary>
    /// A plan pays uplines above level 1, i.e. rewards members for their downline's sales (team compensation, 团队计酬);
    /// a warning under profiles with <see cref="ComplianceProfile.WarnsOnTeamCompensation"/>.
    /// </summary>
    public const string PlanTeamCompensation = "SC105";

    /// <summary>Plan: the return window is shorter than the buyers' legal right to return goods (<see cref="ComplianceProfile.MinReturnWindow"/>); warning.</summary>
    public const string PlanReturnWindowShort = "SC106";

    /// <summary>A quote line beyond the profile's paid depth was removed (its amount stays with the platform).</summary>
    public const string SaleLineBeyondPaidDepth = "SC201";

    /// <summary>A quote's total was scaled down to the profile's maximum payout ratio.</summary>
    public const string SalePayoutRatioCapped = "SC202";

    /// <summary>A chain in the network is deeper than the profile's flag depth.</summary>
    public const string NetworkChainBeyondDepth = "SC301";

    /// <summary>A team reaches the profile's flag thresholds (levels and participants).</summary>
    public const string NetworkTeamThreshold = "SC302";

    /// <summary>The share of rewarded volume from customers who are not participants is below the profile's threshold.</summary>
    public const string NetworkRetailShareLow = "SC303";

    /// <summary>A group-buy rule allows simulated participants where the profile forbids them.</summary>
    public const string GroupBuySimulatedParticipants = "SC401";

    /// <summary>
    /// An invitation lets members buy a help or an accelerator (付费加速): an entry fee by another name, refused under
    /// every built-in profile (<see cref="ComplianceProfile.AllowsPaidHelp"/>).
    /// </summary>
    public const string InvitationPaidHelp = "SC501";

    /// <summary>
    /// An invitation admits only newly registered members as helpers: a recruitment incentive. A warning; an error where
    /// <see cref="ComplianceProfile.AllowsNewMemberOnlyHelp"/> is false (the China and EU profiles).
    /// </summary>
    public const string InvitationNewMembersOnly = "SC502";

    /// <summary>
    /// A referral reward, with the commission plan's rates, can exceed the profile's maximum payout ratio for the sale:
    /// a warning at registration; at run time the reward is scaled down to fit, and the finding reports it.
    /// </summary>
    public const string ReferralRewardPayoutRatio = "SC504";

    /// <summary>
    /// A share reward is paid for a share, a click or a sign-up alone, without someone else's real purchase: refused
    /// under every profile that runs the built-in invitation checks (rewards follow real purchases). The SDK's own
    /// <see cref="Sharing.ShareRewardRule"/> cannot do it; a host describes a mechanic it runs elsewhere with
    /// <see cref="InvitationRuleFacts.RewardsShareWithoutPurchase"/>.
    /// </summary>
    public const string ShareRewardWithoutPurchase = "SC506";

    /// <summary>A bargain draws a random schedule it does not disclose; a warning where <see cref="ComplianceProfile.RequiresScheduleDisclosure"/> (the EU profile).</summary>
    public const string InvitationUndisclosedSchedule = "SC505";
}
