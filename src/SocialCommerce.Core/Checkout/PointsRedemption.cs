using System;
using System.Globalization;

namespace SocialCommerce.Checkout;

/// <summary>
/// How spendable points pay at checkout: so many points make one currency unit; they may pay at most a share of what
/// is left to pay after coupons, must leave at least an amount to pay, and are used at least so many at a time. Only
/// whole points worth whole minor units are used: with 1,000 points a yuan, points go in tens (ten points are one fen).
/// </summary>
public sealed record PointsRedemption
{
    /// <summary>Creates a redemption policy.</summary>
    /// <param name="currency">The currency the points pay in.</param>
    /// <param name="pointsPerUnit">Points that make one currency unit, 1 to <see cref="Limits.MaxPointsPerUnit"/>.</param>
    /// <param name="maxShare">The most of the amount left to pay (after coupons) points may pay; 100 % when null.</param>
    /// <param name="minimumPointsPerUse">The fewest points one checkout uses (0 for no minimum), at most <see cref="Limits.MaxPoints"/>.</param>
    /// <param name="minimumLeftToPay">What points must leave to pay in money (zero when null).</param>
    /// <exception cref="ArgumentException">A value is out of its range; the message names it.</exception>
    public PointsRedemption(Currency currency, long pointsPerUnit, Rate? maxShare = null, long minimumPointsPerUse = 0, Money? minimumLeftToPay = null)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (pointsPerUnit is < 1 or > Limits.MaxPointsPerUnit)
        {
            throw new ArgumentOutOfRangeException(nameof(pointsPerUnit), pointsPerUnit, string.Create(CultureInfo.InvariantCulture, $"Points per currency unit should be 1 to {Limits.MaxPointsPerUnit}; was {pointsPerUnit}."));
        }

        if (minimumPointsPerUse is < 0 or > Limits.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumPointsPerUse), minimumPointsPerUse, string.Create(CultureInfo.InvariantCulture, $"The minimum points per use should be 0 to {Limits.MaxPoints}; was {minimumPointsPerUse}."));
        }

        if (minimumLeftToPay is { } left && (!Limits.IsSupported(left) || left.IsNegative || !left.Currency.Equals(currency)))
        {
            throw new ArgumentException($"minimumLeftToPay is {left}; it should be whole minor units of {currency.Code}, not negative.", nameof(minimumLeftToPay));
        }

        Currency = currency;
        PointsPerUnit = pointsPerUnit;
        MaxShare = maxShare ?? Rate.Full;
        MinimumPointsPerUse = minimumPointsPerUse;
        MinimumLeftToPay = minimumLeftToPay ?? Money.Zero(currency);
        MinorPerUnit = (long)currency.MinorUnitsPerUnit;
        MinimumLeftMinor = MinimumLeftToPay.ToMinorUnits();
        Step = pointsPerUnit / (long)System.Numerics.BigInteger.GreatestCommonDivisor(MinorPerUnit, pointsPerUnit);
    }

    /// <summary>Gets the currency the points pay in.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the points that make one currency unit.</summary>
    public long PointsPerUnit { get; }

    /// <summary>Gets the most of the amount left to pay points may pay.</summary>
    public Rate MaxShare { get; }

    /// <summary>Gets the fewest points one checkout uses.</summary>
    public long MinimumPointsPerUse { get; }

    /// <summary>Gets what points must leave to pay in money.</summary>
    public Money MinimumLeftToPay { get; }

    /// <summary>Gets the smallest number of points worth whole minor units; points are used in multiples of it.</summary>
    public long Step { get; }

    internal long MinorPerUnit { get; }

    internal long MinimumLeftMinor { get; }

    /// <summary>Returns what a number of points (a multiple of <see cref="Step"/>) is worth, in minor units.</summary>
    internal long ValueOf(long points) => (long)((Int128)points * MinorPerUnit / PointsPerUnit);

    /// <summary>Returns the most points (a multiple of <see cref="Step"/>) worth at most <paramref name="minor"/> minor units.</summary>
    internal long PointsWorthAtMost(long minor)
    {
        var points = (Int128)minor * PointsPerUnit / MinorPerUnit;
        var capped = points > Limits.MaxPoints ? Limits.MaxPoints : (long)points;
        return capped / Step * Step;
    }
}
