using NodaTime;

namespace SocialCommerce.Network;

/// <summary>
/// One binding of a member to a referrer, as recorded in the network's history.
/// </summary>
/// <param name="Member">The member that was bound.</param>
/// <param name="Referrer">The referrer it was bound to.</param>
/// <param name="PreviousReferrer">The referrer it had before, or <see langword="null"/> for a first binding.</param>
/// <param name="At">When the binding was made.</param>
public sealed record ReferralBinding(MemberId Member, MemberId Referrer, MemberId? PreviousReferrer, Instant At)
{
    /// <summary>Gets a value indicating whether this binding replaced an earlier referrer.</summary>
    public bool IsRebinding => PreviousReferrer.HasValue;
}
