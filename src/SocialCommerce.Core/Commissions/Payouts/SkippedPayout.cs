using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>An account a <see cref="PayoutRun"/> skips, and why.</summary>
/// <param name="Member">The member.</param>
/// <param name="Available">Its available balance (carried to the next run).</param>
/// <param name="Reason">Why it is skipped.</param>
public readonly record struct SkippedPayout(MemberId Member, Money Available, PayoutSkipReason Reason);
