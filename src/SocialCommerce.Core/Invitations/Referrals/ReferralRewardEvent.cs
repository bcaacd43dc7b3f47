using System.Text.Json.Serialization;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Invitations;

/// <summary>Something that happened to an invited member's referral reward, to be persisted by the host.</summary>
/// <param name="Invited">The invited member (the aggregate's key).</param>
/// <param name="Version">The claim's version after the event (1 for the first).</param>
/// <param name="At">When it happened, as passed by the host.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ReferralRewardClaimed), "referral.claimed")]
[JsonDerivedType(typeof(ReferralRewardEarned), "referral.earned")]
[JsonDerivedType(typeof(ReferralRewardReleased), "referral.released")]
[JsonDerivedType(typeof(ReferralRewardReversed), "referral.reversed")]
public abstract record ReferralRewardEvent(MemberId Invited, long Version, Instant At);

/// <summary>A paid qualifying purchase claimed the invited member's reward; it is pending until the purchase completes.</summary>
/// <param name="Invited">The invited member (the buyer).</param>
/// <param name="Version">The claim's version after the event.</param>
/// <param name="At">When the purchase was paid.</param>
/// <param name="RuleName">The rule.</param>
/// <param name="Inviter">The inviter (the buyer's referrer when the purchase was paid).</param>
/// <param name="SaleId">The purchase.</param>
/// <param name="Grant">What each side gets.</param>
public sealed record ReferralRewardClaimed(MemberId Invited, long Version, Instant At, string RuleName, MemberId Inviter, string SaleId, ReferralGrant Grant)
    : ReferralRewardEvent(Invited, Version, At)
{
    /// <summary>Gets the version of the rule that decided the grant.</summary>
    public string? RuleVersion { get; init; }
}

/// <summary>The claiming purchase completed: the host grants the points and coupons now; money follows the ledger.</summary>
/// <param name="Invited">The invited member.</param>
/// <param name="Version">The claim's version after the event.</param>
/// <param name="At">When the purchase completed.</param>
/// <param name="SaleId">The purchase.</param>
/// <param name="Grant">What each side gets (the claimed grant).</param>
public sealed record ReferralRewardEarned(MemberId Invited, long Version, Instant At, string SaleId, ReferralGrant Grant)
    : ReferralRewardEvent(Invited, Version, At);

/// <summary>The claiming purchase was refunded in full before it completed: nothing was granted, and the next qualifying purchase may claim.</summary>
/// <param name="Invited">The invited member.</param>
/// <param name="Version">The claim's version after the event.</param>
/// <param name="At">When it was refunded.</param>
/// <param name="SaleId">The purchase.</param>
public sealed record ReferralRewardReleased(MemberId Invited, long Version, Instant At, string SaleId)
    : ReferralRewardEvent(Invited, Version, At);

/// <summary>The claiming purchase was refunded in full after it completed: the host takes back the points and coupons; the ledger claws back the money.</summary>
/// <param name="Invited">The invited member.</param>
/// <param name="Version">The claim's version after the event.</param>
/// <param name="At">When it was refunded.</param>
/// <param name="SaleId">The purchase.</param>
/// <param name="Grant">What is taken back (the whole grant).</param>
public sealed record ReferralRewardReversed(MemberId Invited, long Version, Instant At, string SaleId, ReferralGrant Grant)
    : ReferralRewardEvent(Invited, Version, At);
