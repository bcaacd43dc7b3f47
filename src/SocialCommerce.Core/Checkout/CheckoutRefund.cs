using System.Collections.Generic;

namespace SocialCommerce.Checkout;

/// <summary>
/// What a partial refund of one line returns: money (of what was paid), points (to the wallet) and each coupon's
/// share of value (for a host that returns coupon value by policy). Successive refunds of a line return cumulative
/// shares, so those that end in a full refund return exactly everything.
/// </summary>
/// <param name="LineIndex">The line.</param>
/// <param name="Money">The money to return.</param>
/// <param name="Points">The points to return.</param>
/// <param name="Coupons">Each coupon's share of value on the refunded part (only coupons with a share), in the order applied.</param>
public sealed record CheckoutRefund(int LineIndex, Money Money, long Points, IReadOnlyList<LineDiscount> Coupons);
