namespace SocialCommerce.Compliance;

/// <summary>
/// What a compliance profile needs to know about an invitation mechanic: a bargain, an assist unlock, a referral reward
/// — the SDK's own rules describe themselves with <c>Facts</c>, and a host describes mechanics it runs elsewhere
/// (a sign-up coupon, say) to have them checked too.
/// </summary>
/// <param name="Name">The rule's name, used as the subject of findings.</param>
public sealed record InvitationRuleFacts(string Name)
{
    /// <summary>Gets whether members may buy a help or an accelerator (<see cref="ComplianceCodes.InvitationPaidHelp"/>).</summary>
    public bool AllowsPaidHelp { get; init; }

    /// <summary>Gets whether only newly registered members may help (<see cref="ComplianceCodes.InvitationNewMembersOnly"/>).</summary>
    public bool NewMembersOnly { get; init; }

    /// <summary>Gets whether the rule draws a random schedule it does not disclose (<see cref="ComplianceCodes.InvitationUndisclosedSchedule"/>).</summary>
    public bool UndisclosedRandomSchedule { get; init; }

    /// <summary>Gets whether the mechanic pays a reward for registering or binding alone (<see cref="ComplianceCodes.PlanRecruitmentReward"/>).</summary>
    public bool RewardsSignUp { get; init; }

    /// <summary>Gets whether the mechanic rewards a share, a click or a sign-up without a purchase by someone else (<see cref="ComplianceCodes.ShareRewardWithoutPurchase"/>).</summary>
    public bool RewardsShareWithoutPurchase { get; init; }

    /// <summary>
    /// Gets the most a referral reward pays, with the commission plan's rates, as a ratio of the qualifying purchase
    /// (<see cref="ComplianceCodes.ReferralRewardPayoutRatio"/>); null when it pays no money or the ratio is unknown.
    /// </summary>
    public Rate? PayoutRatio { get; init; }
}
