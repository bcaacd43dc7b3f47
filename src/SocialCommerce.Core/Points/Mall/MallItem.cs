using System;
using System.Globalization;

namespace SocialCommerce.Points;

/// <summary>
/// An item of the points mall (积分商城): redeemed for points, or for points plus money, within a quota of units and a
/// per-member limit. The limits are counted by <see cref="MallStock"/> in memory and by the database store's counts,
/// so they hold exactly whatever the concurrency.
/// </summary>
public sealed record MallItem
{
    /// <summary>The largest quota an item may have: 100,000,000 units.</summary>
    public const int MaxQuota = 100_000_000;

    private MallItem(string itemId, MallItemOptions o)
    {
        ItemId = itemId;
        Points = o.Points;
        Price = o.Price;
        Quota = o.Quota;
        PerMemberLimit = o.PerMemberLimit;
    }

    /// <summary>Gets the item's id.</summary>
    public string ItemId { get; }

    /// <summary>Gets the points one unit costs.</summary>
    public long Points { get; }

    /// <summary>Gets the money one unit costs on top of its points, or null for points only.</summary>
    public Money? Price { get; }

    /// <summary>Gets how many units the mall offers in all.</summary>
    public int Quota { get; }

    /// <summary>Gets how many units one member may hold.</summary>
    public int PerMemberLimit { get; }

    /// <summary>Creates an item, checking its terms so that every redemption within them can be paid and counted.</summary>
    /// <param name="itemId">The item's id (a valid SDK id).</param>
    /// <param name="options">Its terms.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentException">A term is out of range; the message names it and its value.</exception>
    public static MallItem Create(string itemId, MallItemOptions options)
    {
        Limits.CheckId(itemId, nameof(itemId));
        ArgumentNullException.ThrowIfNull(options);
        if (options.Points is < 1 or > Limits.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Points, string.Create(CultureInfo.InvariantCulture, $"Mall item '{itemId}': Points should be 1 to {Limits.MaxPoints}; was {options.Points}."));
        }

        if (options.Quota is < 1 or > MaxQuota)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Quota, string.Create(CultureInfo.InvariantCulture, $"Mall item '{itemId}': Quota should be 1 to {MaxQuota}; was {options.Quota}."));
        }

        if (options.PerMemberLimit < 1 || options.PerMemberLimit > options.Quota)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PerMemberLimit, string.Create(CultureInfo.InvariantCulture, $"Mall item '{itemId}': PerMemberLimit should be 1 to the quota {options.Quota}; was {options.PerMemberLimit}."));
        }

        // A member's largest redemption must be payable: its points within a wallet's range, its price a supported amount.
        if (options.Points > Limits.MaxPoints / options.PerMemberLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Points, string.Create(CultureInfo.InvariantCulture, $"Mall item '{itemId}': {options.PerMemberLimit} units of {options.Points} points pass {Limits.MaxPoints} points."));
        }

        if (options.Price is { } price && (!Limits.IsSupported(price) || price.IsNegative || price.IsZero || !Limits.IsSupported(price * options.PerMemberLimit)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), price, string.Create(CultureInfo.InvariantCulture, $"Mall item '{itemId}': Price should be positive whole minor units with a currency, within the supported range for {options.PerMemberLimit} units; was {price}."));
        }

        return new MallItem(itemId, options);
    }
}
