using System;
using System.Globalization;
using System.Text.Json.Serialization;

namespace SocialCommerce.Invitations;

/// <summary>The reward an assist unlock gives its owner; the host grants it when the assist completes.</summary>
public sealed record AssistReward
{
    [JsonConstructor]
    internal AssistReward(AssistRewardKind kind, Money? value, string? item, long points)
    {
        Kind = kind;
        Value = value;
        Item = item;
        Points = points;
    }

    /// <summary>Gets what kind of reward it is.</summary>
    public AssistRewardKind Kind { get; }

    /// <summary>Gets a coupon's value; null for other kinds.</summary>
    public Money? Value { get; }

    /// <summary>Gets a free item's SKU; null for other kinds.</summary>
    public string? Item { get; }

    /// <summary>Gets the points; 0 for other kinds.</summary>
    public long Points { get; }

    /// <summary>A coupon.</summary>
    /// <param name="value">Its value: positive, whole minor units, within <see cref="Limits.MaxMinorUnits"/>.</param>
    /// <returns>The reward.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is default, not positive, not whole minor units or too large.</exception>
    public static AssistReward Coupon(Money value)
    {
        if (!Limits.IsSupported(value) || value.Amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value == default ? "(default)" : value.ToString(), "A coupon's value should be a positive amount in whole minor units within the supported range.");
        }

        return new AssistReward(AssistRewardKind.Coupon, value, null, 0);
    }

    /// <summary>A free item.</summary>
    /// <param name="sku">The host's SKU of the item; not empty.</param>
    /// <returns>The reward.</returns>
    /// <exception cref="ArgumentException"><paramref name="sku"/> is null or empty.</exception>
    public static AssistReward FreeItem(string sku)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        return new AssistReward(AssistRewardKind.FreeItem, null, sku, 0);
    }

    /// <summary>Points.</summary>
    /// <param name="points">The points: in [1, <see cref="Limits.MaxPoints"/>].</param>
    /// <returns>The reward.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is out of range.</exception>
    public static AssistReward PointsOf(long points)
    {
        if (points < 1 || points > Limits.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, string.Create(CultureInfo.InvariantCulture, $"Points should be in [1, {Limits.MaxPoints}]; was {points}."));
        }

        return new AssistReward(AssistRewardKind.Points, null, null, points);
    }

    /// <summary>Describes the reward, e.g. <c>"coupon CNY 20.00"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        AssistRewardKind.Coupon => "coupon " + Value,
        AssistRewardKind.FreeItem => "free item " + Item,
        _ => string.Create(CultureInfo.InvariantCulture, $"{Points} points"),
    };

    internal string Canonical() => Kind switch
    {
        AssistRewardKind.Coupon => "coupon:" + Value!.Value.Currency.Code + ":" + Value.Value.ToMinorUnits().ToString(CultureInfo.InvariantCulture),
        AssistRewardKind.FreeItem => "item:" + Item,
        _ => "points:" + Points.ToString(CultureInfo.InvariantCulture),
    };
}
