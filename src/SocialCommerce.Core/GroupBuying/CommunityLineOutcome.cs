using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>What happened to one order line of a community batch at the cut-off: confirmed or refunded in full.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Member">The member who ordered.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">The quantity ordered.</param>
/// <param name="Amount">Unit price × quantity: charged when confirmed, refunded otherwise.</param>
/// <param name="IsConfirmed">Whether the line ships (its product met its threshold).</param>
public readonly record struct CommunityLineOutcome(string OrderId, MemberId Member, string ProductId, int Quantity, Money Amount, bool IsConfirmed);
