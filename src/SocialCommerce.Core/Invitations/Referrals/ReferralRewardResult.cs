using System.Collections.Generic;
using System.Globalization;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Invitations;

/// <summary>The outcome of a referral-reward action: accepted with its event, a duplicate of an earlier one, or refused.</summary>
public sealed class ReferralRewardResult
{
    private ReferralRewardResult(MemberId invited, ReferralRewardRefusal refusal, ReferralRewardEvent? @event, bool duplicate, IReadOnlyList<ComplianceFinding> findings)
    {
        Invited = invited;
        Refusal = refusal;
        Event = @event;
        IsDuplicate = duplicate;
        Findings = findings;
    }

    /// <summary>Gets the invited member.</summary>
    public MemberId Invited { get; }

    /// <summary>Gets why the action was refused; <see cref="ReferralRewardRefusal.None"/> when accepted or a duplicate.</summary>
    public ReferralRewardRefusal Refusal { get; }

    /// <summary>Gets whether the action was accepted (a duplicate counts: it changed nothing and returns the earlier event).</summary>
    public bool IsAccepted => Refusal == ReferralRewardRefusal.None;

    /// <summary>Gets whether the same action had already been applied (a retry): nothing changed.</summary>
    public bool IsDuplicate { get; }

    /// <summary>
    /// Gets a value indicating whether the command changed something now: accepted and not a duplicate (the event is
    /// new and is what a store appends and a host publishes).
    /// </summary>
    public bool IsApplied => IsAccepted && !IsDuplicate;

    /// <summary>Gets the event that happened (or, for a duplicate, the earlier one); null when refused.</summary>
    public ReferralRewardEvent? Event { get; }

    /// <summary>Gets the grant the event carries; null when refused or for a release.</summary>
    public ReferralGrant? Grant => Event switch
    {
        ReferralRewardClaimed c => c.Grant,
        ReferralRewardEarned e => e.Grant,
        ReferralRewardReversed r => r.Grant,
        _ => null,
    };

    /// <summary>Gets the compliance findings of a claim (e.g. <c>SC504</c> when the money was scaled to the payout ratio).</summary>
    public IReadOnlyList<ComplianceFinding> Findings { get; }

    /// <summary>Gets a message naming the member and the reason, or null when accepted.</summary>
    public string? Message => IsAccepted ? null : string.Create(CultureInfo.InvariantCulture, $"Referral reward of member {Invited} refused: {Refusal}.");

    /// <summary>Describes the result.</summary>
    /// <returns>The event, "duplicate" or the refusal message.</returns>
    public override string ToString() => IsAccepted ? (IsDuplicate ? "duplicate of " : string.Empty) + Event : Message!;

    internal static ReferralRewardResult Accepted(ReferralRewardEvent e, IReadOnlyList<ComplianceFinding>? findings = null) => new(e.Invited, ReferralRewardRefusal.None, e, false, findings ?? []);

    internal static ReferralRewardResult Duplicate(ReferralRewardEvent e) => new(e.Invited, ReferralRewardRefusal.None, e, true, []);

    internal static ReferralRewardResult Refused(MemberId invited, ReferralRewardRefusal refusal) => new(invited, refusal, null, false, []);
}
