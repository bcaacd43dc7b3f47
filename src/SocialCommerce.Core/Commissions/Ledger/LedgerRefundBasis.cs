namespace SocialCommerce.Commissions;

/// <summary>
/// What a <see cref="LedgerRefund"/> refunds.
/// </summary>
public enum LedgerRefundBasis
{
    /// <summary>Everything not refunded yet: the sale's earnings are reversed in full.</summary>
    Full = 0,

    /// <summary>Quantities of given lines: each earning of a line is reversed by the refunded share of the line's quantity.</summary>
    Lines = 1,

    /// <summary>An amount of what the buyer paid: every earning is reversed by the refunded share of the sale's paid total.</summary>
    Amount = 2,
}
