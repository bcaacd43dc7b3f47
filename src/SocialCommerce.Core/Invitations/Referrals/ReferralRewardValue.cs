using System;
using System.Globalization;
using System.Text.Json.Serialization;

namespace SocialCommerce.Invitations;

/// <summary>What a referral reward gives one side: money (through the ledger) or points or a coupon (for the host).</summary>
public sealed record ReferralRewardValue
{
    [JsonConstructor]
    internal ReferralRewardValue(ReferralRewardKind kind, Money? amount, Rate? share, long points)
    {
        Kind = kind;
        Amount = amount;
        Share = share;
        Points = points;
    }

    /// <summary>Gets the kind.</summary>
    public ReferralRewardKind Kind { get; }

    /// <summary>Gets the fixed money or the coupon's value; null for the other kinds.</summary>
    public Money? Amount { get; }

    /// <summary>Gets the share of the purchase; null for the other kinds.</summary>
    public Rate? Share { get; }

    /// <summary>Gets the points; 0 for the other kinds.</summary>
    public long Points { get; }

    /// <summary>Gets whether the reward is money booked through the commission ledger.</summary>
    [JsonIgnore]
    public bool IsMoney => Kind is ReferralRewardKind.Fixed or ReferralRewardKind.ShareOfPurchase;

    /// <summary>A fixed amount of money.</summary>
    /// <param name="amount">Positive, whole minor units, within the supported range.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is default, not positive, not whole minor units or too large.</exception>
    public static ReferralRewardValue Fixed(Money amount) => new(ReferralRewardKind.Fixed, Positive(amount, nameof(amount)), null, 0);

    /// <summary>A share of the qualifying purchase (rounded toward zero to the minor unit).</summary>
    /// <param name="share">Above 0 % and at most 100 %.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The share is zero.</exception>
    public static ReferralRewardValue ShareOfPurchase(Rate share) =>
        share.IsZero ? throw new ArgumentOutOfRangeException(nameof(share), share, "A share of the purchase should be above 0 %.") : new(ReferralRewardKind.ShareOfPurchase, null, share, 0);

    /// <summary>Points, for the host to grant.</summary>
    /// <param name="points">In [1, <see cref="Limits.MaxPoints"/>].</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is out of range.</exception>
    public static ReferralRewardValue PointsOf(long points) =>
        points < 1 || points > Limits.MaxPoints
            ? throw new ArgumentOutOfRangeException(nameof(points), points, string.Create(CultureInfo.InvariantCulture, $"Points should be in [1, {Limits.MaxPoints}]; was {points}."))
            : new(ReferralRewardKind.Points, null, null, points);

    /// <summary>A coupon's value, for the host to grant.</summary>
    /// <param name="value">Positive, whole minor units, within the supported range.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is default, not positive, not whole minor units or too large.</exception>
    public static ReferralRewardValue Coupon(Money value) => new(ReferralRewardKind.Coupon, Positive(value, nameof(value)), null, 0);

    /// <summary>Describes the value, e.g. <c>"CNY 10.00"</c>, <c>"5 % of the purchase"</c>, <c>"200 points"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        ReferralRewardKind.Fixed => Amount!.Value.ToString(),
        ReferralRewardKind.ShareOfPurchase => Share!.Value + " of the purchase",
        ReferralRewardKind.Points => string.Create(CultureInfo.InvariantCulture, $"{Points} points"),
        _ => "coupon " + Amount,
    };

    internal string Canonical() => Kind switch
    {
        ReferralRewardKind.ShareOfPurchase => "share:" + Share!.Value.Fraction.ToString(CultureInfo.InvariantCulture),
        ReferralRewardKind.Points => "points:" + Points.ToString(CultureInfo.InvariantCulture),
        _ => Kind + ":" + Amount!.Value.Currency.Code + ":" + Amount.Value.ToMinorUnits().ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The money this side earns from a purchase of <paramref name="paid"/>, toward zero; zero for points and coupons.</summary>
    internal Money MoneyFor(Money paid) => Kind switch
    {
        ReferralRewardKind.Fixed => Amount!.Value,
        ReferralRewardKind.ShareOfPurchase => (paid * Share!.Value.Fraction).Round(RoundingMode.TowardZero),
        _ => Money.Zero(paid.Currency),
    };

    private static Money Positive(Money amount, string name) =>
        !Limits.IsSupported(amount) || amount.Amount <= 0m
            ? throw new ArgumentOutOfRangeException(name, amount == default ? "(default)" : amount.ToString(), "The amount should be positive, in whole minor units, within the supported range.")
            : amount;
}
