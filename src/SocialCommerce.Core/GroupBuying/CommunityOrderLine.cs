namespace SocialCommerce.GroupBuying;

/// <summary>One line of a community order: a product of the batch and a quantity.</summary>
/// <param name="ProductId">The product, one of the batch's.</param>
/// <param name="Quantity">The quantity; at least 1.</param>
public readonly record struct CommunityOrderLine(string ProductId, int Quantity);
