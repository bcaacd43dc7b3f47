namespace SocialCommerce.Commissions;

/// <summary>
/// Units of one sale line refunded by a <see cref="LedgerRefund"/>.
/// </summary>
/// <param name="LineIndex">The index of the line in <see cref="LedgerSale.Lines"/>.</param>
/// <param name="Quantity">Units refunded, at least 1.</param>
public readonly record struct LedgerRefundLine(int LineIndex, int Quantity);
