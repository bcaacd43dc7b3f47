namespace SocialCommerce.Commissions;

/// <summary>
/// A line of a sale as the ledger needs it to reverse refunds proportionally.
/// </summary>
/// <remarks>Validated by <see cref="LedgerSale"/>.</remarks>
/// <param name="Quantity">Units sold on the line, at least 1. A refund by line reverses <c>refunded / Quantity</c> of the line's earnings.</param>
/// <param name="Paid">
/// What the buyer paid for the line (after discounts and coupons), whole minor units of the sale's currency, not negative.
/// A refund by amount reverses <c>refunded / (sum of Paid)</c> of every earning of the sale.
/// </param>
public readonly record struct LedgerSaleLine(int Quantity, Money Paid);
