using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.Invitations;

/// <summary>
/// The rolling window of an inviter's cap (<see cref="ReferralRewardRule.InviterCap"/>) for one purchase
/// (<see cref="ReferralRewardRule.CapWindow"/>): the inviter's rewards claimed after <see cref="After"/> and up to
/// <see cref="Through"/>, in a status of <see cref="CountedStatuses"/>, count. The in-memory book and the stores count
/// with it, so the window is decided in one place.
/// </summary>
/// <param name="After">The window's start, excluded: the purchase's instant minus the cap period.</param>
/// <param name="Through">The window's end, included: the purchase's instant.</param>
public readonly record struct ReferralCapWindow(Instant After, Instant Through)
{
    /// <summary>Gets the claim statuses that count: pending, earned and reversed (a released claim gave its place back).</summary>
    public static IReadOnlyList<ReferralClaimStatus> CountedStatuses { get; } =
        [ReferralClaimStatus.Pending, ReferralClaimStatus.Earned, ReferralClaimStatus.Reversed];

    /// <summary>Returns whether a reward claimed at an instant falls in the window.</summary>
    /// <param name="claimedAt">When the reward was claimed (its purchase's instant).</param>
    /// <returns>True when <c>After &lt; claimedAt &lt;= Through</c>.</returns>
    public bool Contains(Instant claimedAt) => claimedAt > After && claimedAt <= Through;
}
