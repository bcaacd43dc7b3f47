using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// A withdrawal of available commission requested by a member.
/// </summary>
/// <remarks>
/// The withdrawal id is the idempotency key: posting the same withdrawal twice is a
/// <see cref="LedgerOutcome.Duplicate"/>; another withdrawal under the same id is refused
/// (<see cref="LedgerRefusal.ConflictingDuplicate"/>). <see cref="Amount"/> is gross: the fee, if any, is taken from it.
/// </remarks>
/// <param name="WithdrawalId">The host's id of the withdrawal; not empty.</param>
/// <param name="Member">The member withdrawing.</param>
/// <param name="Amount">The gross amount withdrawn from the available balance: positive, whole minor units.</param>
/// <param name="At">When the withdrawal happened.</param>
public readonly record struct LedgerWithdrawal(string WithdrawalId, MemberId Member, Money Amount, Instant At);
