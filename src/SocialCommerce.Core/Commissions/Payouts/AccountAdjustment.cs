using System.Text.Json.Serialization;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// A signed manual adjustment of a member's account, the only way to change a balance by hand: positive adds to
/// available (repaying clawback debt first), negative takes from available and carries the rest as debt. Never an edit
/// of an entry; identified by its id for idempotence.
/// </summary>
/// <param name="AdjustmentId">The host's id: 1 to <see cref="Limits.MaxIdLength"/> characters, no control character.</param>
/// <param name="Member">The member.</param>
/// <param name="Amount">The signed amount, not zero, in whole minor units of the account's currency.</param>
/// <param name="Author">Who made it (a staff member's id), for the audit: an identifier like the others.</param>
/// <param name="Reason">Why, for the member and the audit: at most <see cref="Limits.MaxReasonLength"/> characters.</param>
/// <param name="At">When.</param>
/// <exception cref="System.ArgumentException">The id or author is empty, too long or holds a control character, or the reason is blank or too long (checked where they enter).</exception>
public readonly record struct AccountAdjustment(string AdjustmentId, MemberId Member, Money Amount, string Author, string Reason, [property: JsonPropertyOrder(3)] Instant At)
{
    /// <summary>Gets the host's id (the idempotency key, within the member's account in its currency).</summary>
    [JsonPropertyOrder(-1)]
    public string AdjustmentId { get; init => field = Limits.CheckId(value, nameof(AdjustmentId)); } = Limits.CheckId(AdjustmentId, nameof(AdjustmentId));

    /// <summary>Gets who made it.</summary>
    [JsonPropertyOrder(1)]
    public string Author { get; init => field = Limits.CheckId(value, nameof(Author)); } = Limits.CheckId(Author, nameof(Author));

    /// <summary>Gets why.</summary>
    [JsonPropertyOrder(2)]
    public string Reason { get; init => field = Limits.CheckReason(value, nameof(Reason)); } = Limits.CheckReason(Reason, nameof(Reason));
}
