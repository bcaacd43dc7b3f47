namespace SocialCommerce.GroupBuying;

/// <summary>What happened to one product of a community batch at the cut-off.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="OrderedQuantity">The total quantity ordered by the cut-off.</param>
/// <param name="MinimumQuantity">The quantity it needed (成团量).</param>
/// <param name="IsConfirmed">Whether it ships: <paramref name="OrderedQuantity"/> ≥ <paramref name="MinimumQuantity"/>; otherwise every line is refunded.</param>
/// <param name="Amount">The value of its lines: confirmed sales when confirmed, refunds otherwise.</param>
public readonly record struct CommunityProductOutcome(string ProductId, int OrderedQuantity, int MinimumQuantity, bool IsConfirmed, Money Amount);
