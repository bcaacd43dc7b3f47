namespace SocialCommerce.Benchmarks.Data;

/// <summary>A line of a generated sale: what was bought and what was paid for it (the commissionable base).</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Category">The product's category, e.g. <c>"electronics"</c>.</param>
/// <param name="Quantity">Units bought, 1 to 3.</param>
/// <param name="Amount">The paid amount of the line in the sale's currency, whole minor units.</param>
public sealed record SaleLine(string ProductId, string Category, int Quantity, decimal Amount);
