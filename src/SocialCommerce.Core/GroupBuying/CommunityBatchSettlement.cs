using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// How a community batch closed at its cut-off: which products ship, every order line confirmed or
/// refunded, and the leader's commission.
/// </summary>
/// <remarks>For each product, confirmed plus refunded quantities equal the ordered quantity; <c>ConfirmedSales + Refunded</c> equals the value of all orders.</remarks>
/// <param name="BatchId">The batch.</param>
/// <param name="At">When the batch was closed (at or after the cut-off).</param>
/// <param name="Version">The batch's version after closing.</param>
/// <param name="Products">One outcome per product, in the batch's order.</param>
/// <param name="Lines">One outcome per order line, in order of acceptance.</param>
/// <param name="ConfirmedSales">The value of the confirmed lines.</param>
/// <param name="Refunded">The value of the refunded lines.</param>
/// <param name="Commission">The leader's commission on <paramref name="ConfirmedSales"/>.</param>
public sealed record CommunityBatchSettlement(
    string BatchId,
    Instant At,
    long Version,
    IReadOnlyList<CommunityProductOutcome> Products,
    IReadOnlyList<CommunityLineOutcome> Lines,
    Money ConfirmedSales,
    Money Refunded,
    LeaderCommission Commission);
