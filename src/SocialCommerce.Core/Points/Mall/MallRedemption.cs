using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Points;

/// <summary>
/// A redemption in the points mall: a member's units of an item, their points (reserved in the member's wallet under
/// the redemption's id, then spent) and their money part. Immutable: each step gives a new value.
/// </summary>
public sealed class MallRedemption
{
    internal MallRedemption(string redemptionId, string itemId, MemberId member, int quantity, long points, Money? price, Instant redeemedAt, MallRedemptionStatus status, Instant changedAt)
    {
        RedemptionId = redemptionId;
        ItemId = itemId;
        Member = member;
        Quantity = quantity;
        Points = points;
        Price = price;
        RedeemedAt = redeemedAt;
        Status = status;
        ChangedAt = changedAt;
    }

    /// <summary>Gets the redemption's id: its identity, and the id of its order in the member's wallet.</summary>
    public string RedemptionId { get; }

    /// <summary>Gets the item.</summary>
    public string ItemId { get; }

    /// <summary>Gets the member.</summary>
    public MemberId Member { get; }

    /// <summary>Gets the units redeemed.</summary>
    public int Quantity { get; }

    /// <summary>Gets the points the units cost in all.</summary>
    public long Points { get; }

    /// <summary>Gets the money the units cost on top of their points, or null for points only.</summary>
    public Money? Price { get; }

    /// <summary>Gets when it was redeemed.</summary>
    public Instant RedeemedAt { get; }

    /// <summary>Gets where it stands.</summary>
    public MallRedemptionStatus Status { get; }

    /// <summary>Gets when it last changed status (<see cref="RedeemedAt"/> until then).</summary>
    public Instant ChangedAt { get; }

    /// <summary>Gets whether its units count against the quota and the member's limit (reserved or completed).</summary>
    public bool HoldsUnits => Status is MallRedemptionStatus.Reserved or MallRedemptionStatus.Completed;

    internal MallRedemption With(MallRedemptionStatus status, Instant at) => new(RedemptionId, ItemId, Member, Quantity, Points, Price, RedeemedAt, status, at);

    /// <inheritdoc/>
    public override string ToString() => $"{RedemptionId}: {Quantity} × {ItemId} for member {Member}, {Points} points{(Price is { } p ? " + " + p : "")} ({Status})";
}
