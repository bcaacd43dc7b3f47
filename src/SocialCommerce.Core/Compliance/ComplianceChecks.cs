using System.Collections.Generic;

namespace SocialCommerce.Compliance;

/// <summary>
/// The SDK's built-in checks. Each reads the active profile's limits and does nothing when its limit is unset, so a
/// host composes a profile by choosing limits, and may list its own <see cref="IComplianceCheck"/> next to these.
/// </summary>
public static class ComplianceChecks
{
    /// <summary>Gets the plan check of <see cref="ComplianceProfile.MaxPaidDepth"/> (<see cref="ComplianceCodes.PlanPaidDepthExceeded"/>, error).</summary>
    public static IComplianceCheck PaidDepth { get; } = new PaidDepthCheck();

    /// <summary>Gets the plan check of <see cref="ComplianceProfile.MaxPayoutRatio"/> (<see cref="ComplianceCodes.PlanPayoutRatioExceeded"/>, error).</summary>
    public static IComplianceCheck PayoutRatio { get; } = new PayoutRatioCheck();

    /// <summary>Gets the plan check of <see cref="ComplianceProfile.AllowsRecruitmentRewards"/> (<see cref="ComplianceCodes.PlanRecruitmentReward"/>, error).</summary>
    public static IComplianceCheck RecruitmentRewards { get; } = new RecruitmentRewardCheck();

    /// <summary>Gets the plan check of <see cref="ComplianceProfile.MinReturnWindow"/> (<see cref="ComplianceCodes.PlanReturnWindowShort"/>, warning).</summary>
    public static IComplianceCheck ReturnWindow { get; } = new ReturnWindowCheck();

    /// <summary>Gets the plan check of <see cref="ComplianceProfile.AllowsEntryFee"/> (<see cref="ComplianceCodes.PlanEntryFee"/>, error).</summary>
    public static IComplianceCheck EntryFee { get; } = new EntryFeeCheck();

    /// <summary>Gets the plan check of <see cref="ComplianceProfile.WarnsOnTeamCompensation"/> (<see cref="ComplianceCodes.PlanTeamCompensation"/>, warning).</summary>
    public static IComplianceCheck TeamCompensation { get; } = new TeamCompensationCheck();

    /// <summary>Gets the group-buy check of <see cref="ComplianceProfile.AllowsSimulatedParticipants"/> (<see cref="ComplianceCodes.GroupBuySimulatedParticipants"/>, error).</summary>
    public static IComplianceCheck SimulatedParticipants { get; } = new SimulatedParticipantsCheck();

    /// <summary>Gets the network check of <see cref="ComplianceProfile.FlagChainLevels"/> (<see cref="ComplianceCodes.NetworkChainBeyondDepth"/>, warning, one per tree).</summary>
    public static IComplianceCheck ChainDepth { get; } = new ChainDepthCheck();

    /// <summary>
    /// Gets the network check of <see cref="ComplianceProfile.FlagTeamLevels"/> and <see cref="ComplianceProfile.FlagTeamParticipants"/>
    /// (<see cref="ComplianceCodes.NetworkTeamThreshold"/>, one per maximal flagged team): an error in the criminal-threshold case,
    /// a warning in the administrative or an undetermined case, information when the plan pays no team compensation.
    /// </summary>
    public static IComplianceCheck TeamThreshold { get; } = new TeamThresholdCheck();

    /// <summary>Gets the network check of <see cref="ComplianceProfile.MinCustomerShare"/> over the period's sales (<see cref="ComplianceCodes.NetworkRetailShareLow"/>, warning).</summary>
    public static IComplianceCheck RetailShare { get; } = new RetailShareCheck();

    /// <summary>
    /// Gets the invitation checks: paid help (<see cref="ComplianceCodes.InvitationPaidHelp"/>, error), help only for new
    /// members (<see cref="ComplianceCodes.InvitationNewMembersOnly"/>), referral rewards above the payout ratio
    /// (<see cref="ComplianceCodes.ReferralRewardPayoutRatio"/>, warning), undisclosed random schedules
    /// (<see cref="ComplianceCodes.InvitationUndisclosedSchedule"/>, warning) and share rewards without a purchase
    /// (<see cref="ComplianceCodes.ShareRewardWithoutPurchase"/>, error under every profile).
    /// </summary>
    public static IComplianceCheck Invitations { get; } = new InvitationChecks();

    /// <summary>Gets every built-in check, in the order above: the default of <see cref="ComplianceProfile.Checks"/>.</summary>
    public static IReadOnlyList<IComplianceCheck> All { get; } =
        [PaidDepth, PayoutRatio, RecruitmentRewards, EntryFee, TeamCompensation, ReturnWindow, SimulatedParticipants, ChainDepth, TeamThreshold, RetailShare, Invitations];
}
