using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>One payout of a <see cref="PayoutRun"/>: a member's whole available balance in one currency.</summary>
/// <param name="WithdrawalId">The withdrawal it becomes (<c>payout:{run}:{member}:{currency}</c>): committing twice finds it.</param>
/// <param name="Member">The member.</param>
/// <param name="Gross">The amount paid out (the available balance when planned).</param>
public readonly record struct PlannedPayout(string WithdrawalId, MemberId Member, Money Gross);
