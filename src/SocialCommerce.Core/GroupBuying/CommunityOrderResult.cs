using System.Globalization;

namespace SocialCommerce.GroupBuying;

/// <summary>The outcome of placing a community order: accepted (all lines), or refused (none).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Refusal">Why it was refused; <see cref="CommunityBatchRefusal.None"/> when accepted.</param>
/// <param name="Version">The batch's version after the action (unchanged when refused; for a duplicate, the batch's version now).</param>
public readonly record struct CommunityOrderResult(string OrderId, CommunityBatchRefusal Refusal, long Version)
{
    /// <summary>Gets a value indicating whether the order was accepted (now, or before: <see cref="IsDuplicate"/>).</summary>
    public bool IsAccepted => Refusal == CommunityBatchRefusal.None;

    /// <summary>Gets a value indicating whether the same order was accepted before and nothing changed now (a resend).</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Gets a message naming the order and the reason, or <see langword="null"/> when accepted.</summary>
    public string? Message => IsAccepted ? null : string.Create(CultureInfo.InvariantCulture, $"Order '{OrderId}' refused: {Refusal}.");
}
