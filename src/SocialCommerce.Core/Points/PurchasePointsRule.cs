using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SocialCommerce.Commissions;

namespace SocialCommerce.Points;

/// <summary>
/// How a completed purchase earns spendable points: so many points per whole currency unit paid, by category (a default
/// for the others), rounded down per line; the lot is the purchase's (its id is the sale id), frozen until the
/// purchase completes and its return window passes, and expires by <see cref="Expiry"/>. A refund takes back the points
/// of the refunded part (<see cref="PointsFor(Sale)"/> of what was refunded, through <see cref="PointsWallet.TakeBack"/>).
/// </summary>
public sealed record PurchasePointsRule
{
    private readonly FrozenDictionary<string, long> _byCategory;

    /// <summary>Creates a rule.</summary>
    /// <param name="currency">The currency purchases are paid in.</param>
    /// <param name="pointsPerUnit">Points per whole currency unit paid, 0 to <see cref="Limits.MaxPointsPerUnit"/>.</param>
    /// <param name="byCategory">Points per unit for some categories (instead of <paramref name="pointsPerUnit"/>), or null.</param>
    /// <param name="expiry">When the points expire; never when null.</param>
    /// <exception cref="ArgumentException">A rate is out of range or a category is empty.</exception>
    public PurchasePointsRule(Currency currency, long pointsPerUnit, IReadOnlyDictionary<string, long>? byCategory = null, PointsExpiry? expiry = null)
    {
        ArgumentNullException.ThrowIfNull(currency);
        Check(pointsPerUnit, nameof(pointsPerUnit));
        var categories = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (category, rate) in byCategory ?? new Dictionary<string, long>())
        {
            if (string.IsNullOrEmpty(category))
            {
                throw new ArgumentException("A category of the points rule is empty.", nameof(byCategory));
            }

            Check(rate, $"byCategory[{category}]");
            categories[category] = rate;
        }

        Currency = currency;
        PointsPerUnit = pointsPerUnit;
        _byCategory = categories.ToFrozenDictionary(StringComparer.Ordinal);
        Expiry = expiry ?? PointsExpiry.Never;
    }

    /// <summary>Gets the currency purchases are paid in.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the points per whole unit paid for categories not named.</summary>
    public long PointsPerUnit { get; }

    /// <summary>Gets the points per unit of the named categories.</summary>
    public IReadOnlyDictionary<string, long> ByCategory => _byCategory;

    /// <summary>Gets when the points expire.</summary>
    public PointsExpiry Expiry { get; }

    /// <summary>Returns the points a sale's lines earn: per line, ⌊whole units paid × the line's category rate⌋.</summary>
    /// <param name="sale">The sale (in <see cref="Currency"/>).</param>
    /// <returns>The points, 0 to <see cref="Limits.MaxPoints"/> (saturating).</returns>
    /// <exception cref="ArgumentException">The sale is in another currency.</exception>
    public long PointsFor(Sale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        if (!sale.Currency.Equals(Currency))
        {
            throw new ArgumentException($"Sale '{sale.Id}' is in {sale.Currency.Code}; the points rule is in {Currency.Code}.", nameof(sale));
        }

        var points = (Int128)0;
        foreach (var line in sale.Lines)
        {
            var rate = _byCategory.TryGetValue(line.Category, out var special) ? special : PointsPerUnit;
            points += (Int128)decimal.Truncate(line.PaidAmount.Amount) * rate;
        }

        return points > Limits.MaxPoints ? Limits.MaxPoints : (long)points;
    }

    /// <summary>The lot a paid sale earns (frozen until it completes), or null when it earns no points.</summary>
    /// <param name="sale">The paid sale.</param>
    /// <returns>The earning, its id the sale id.</returns>
    public PointsEarning? EarningFor(Sale sale)
    {
        var points = PointsFor(sale);
        return points == 0 ? null : new PointsEarning(sale.Id, PointsSource.Purchase, points, sale.PaidAt, Expiry);
    }

    /// <inheritdoc/>
    public bool Equals(PurchasePointsRule? other) =>
        other is not null && Currency.Equals(other.Currency) && PointsPerUnit == other.PointsPerUnit && Expiry == other.Expiry
        && _byCategory.Count == other._byCategory.Count && _byCategory.All(c => other._byCategory.TryGetValue(c.Key, out var rate) && rate == c.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Currency, PointsPerUnit, Expiry, _byCategory.Count);

    private static void Check(long rate, string name)
    {
        if (rate is < 0 or > Limits.MaxPointsPerUnit)
        {
            throw new ArgumentOutOfRangeException(name, rate, string.Create(CultureInfo.InvariantCulture, $"Points per unit should be 0 to {Limits.MaxPointsPerUnit}."));
        }
    }
}
