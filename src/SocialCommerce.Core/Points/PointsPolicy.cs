using System;
using SocialCommerce.Checkout;

namespace SocialCommerce.Points;

/// <summary>
/// A shop's points policy as configuration: what purchases earn (<see cref="PurchasePointsRule"/>) and how points pay at
/// checkout (<see cref="PointsRedemption"/>), either or both. Load it with <see cref="FromJson(string)"/>.
/// </summary>
/// <param name="Earning">What a completed purchase earns, or null when purchases earn nothing.</param>
/// <param name="Redemption">How points pay at checkout, or null when they do not.</param>
public sealed record PointsPolicy(PurchasePointsRule? Earning, PointsRedemption? Redemption)
{
    /// <summary>
    /// Loads a policy from its JSON document: <c>currency</c>, and <c>earning</c> (<c>pointsPerUnit</c>, optional
    /// <c>byCategory</c> of category → points per unit, optional <c>expiry</c>: <c>{ "days": n }</c> or
    /// <c>{ "endOf": "month" | "quarter" | "year", "zone": IANA id, "periodsAfter": n }</c>) and/or <c>redemption</c>
    /// (<c>pointsPerUnit</c>, optional <c>maxSharePercent</c>, <c>minimumPointsPerUse</c>, <c>minimumLeftToPay</c>).
    /// docs/points-and-coupons.md has an example.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="PointsPolicyFormatException">The document is malformed or the policy invalid; the message names the JSON path and the value.</exception>
    public static PointsPolicy FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return PointsPolicyDocument.Parse(json);
    }
}
