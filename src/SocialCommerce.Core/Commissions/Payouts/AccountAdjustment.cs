using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// A signed manual adjustment of a member's account, the only way to change a balance by hand: positive adds to
/// available (repaying clawback debt first), negative takes from available and carries the rest as debt. Never an edit
/// of an entry; identified by its id for idempotence.
/// </summary>
/// <param name="AdjustmentId">The host's id.</param>
/// <param name="Member">The member.</param>
/// <param name="Amount">The signed amount, not zero, in whole minor units of the account's currency.</param>
/// <param name="Author">Who made it (a staff member's id), for the audit.</param>
/// <param name="Reason">Why, for the member and the audit.</param>
/// <param name="At">When.</param>
public readonly record struct AccountAdjustment(string AdjustmentId, MemberId Member, Money Amount, string Author, string Reason, Instant At);
