using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// A withdrawal of available commission requested by a member.
/// </summary>
/// <remarks>
/// The withdrawal id is the idempotency key within the member's account in its currency: posting the same withdrawal
/// twice is a <see cref="LedgerOutcome.Duplicate"/>; another withdrawal of the same account under the same id is refused
/// (<see cref="LedgerRefusal.ConflictingDuplicate"/>). Another member may use the same id: ids never collide across
/// accounts, so one member can neither block nor probe another's. <see cref="Amount"/> is gross: the fee, if any, is taken from it.
/// </remarks>
/// <param name="WithdrawalId">The host's id of the withdrawal: 1 to <see cref="Limits.MaxIdLength"/> characters, no control character.</param>
/// <param name="Member">The member withdrawing.</param>
/// <param name="Amount">The gross amount withdrawn from the available balance: positive, whole minor units.</param>
/// <param name="At">When the withdrawal happened.</param>
/// <exception cref="System.ArgumentException">The id is empty, too long or holds a control character (checked where it enters).</exception>
public readonly record struct LedgerWithdrawal(string WithdrawalId, MemberId Member, Money Amount, Instant At)
{
    /// <summary>Gets the host's id of the withdrawal (the idempotency key, within the member's account in its currency).</summary>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string WithdrawalId { get; init => field = Limits.CheckId(value, nameof(WithdrawalId)); } = Limits.CheckId(WithdrawalId, nameof(WithdrawalId));
}
