using System.Collections.Generic;

namespace SocialCommerce.GroupBuying;

/// <summary>Thrown when an order names a product the community batch does not offer.</summary>
public sealed class UnknownCommunityProductException : UnknownIdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="productId">The product that was not found.</param>
    public UnknownCommunityProductException(string batchId, string productId)
        : base("community product", productId, $"Product '{productId}' is not offered by community batch '{batchId}'.")
    {
        BatchId = batchId;
        ProductId = productId;
    }

    /// <summary>Gets the batch.</summary>
    public string BatchId { get; }

    /// <summary>Gets the product that was not found.</summary>
    public string ProductId { get; }
}
