using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace SocialCommerce.Checkout;

/// <summary>Which cart lines a coupon applies to: all, those of some categories, or some products.</summary>
public sealed record CouponScope
{
    // A scope of a few keys is matched by comparing each (shorter than hashing the line's key); more, by the set.
    private const int FewKeys = 4;

    private readonly FrozenSet<string> _keys;
    private readonly string[]? _few;

    private CouponScope(CouponScopeKind kind, FrozenSet<string> keys)
    {
        Kind = kind;
        _keys = keys;
        _few = keys.Count <= FewKeys ? [.. keys.Items] : null;
    }

    /// <summary>Gets every line.</summary>
    public static CouponScope All { get; } = new(CouponScopeKind.All, FrozenSet<string>.Empty);

    /// <summary>Gets what the scope matches.</summary>
    public CouponScopeKind Kind { get; }

    /// <summary>Gets the categories or products matched (empty for <see cref="CouponScopeKind.All"/>).</summary>
    public IReadOnlyCollection<string> Keys => _keys;

    /// <summary>The lines of some categories.</summary>
    /// <param name="categories">The categories; at least one, none empty.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentException">No category, or an empty one.</exception>
    public static CouponScope Categories(params IEnumerable<string> categories) => new(CouponScopeKind.Categories, Keyed(categories, nameof(categories)));

    /// <summary>The lines of some products.</summary>
    /// <param name="products">The product ids; at least one, none empty.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentException">No product, or an empty id.</exception>
    public static CouponScope Products(params IEnumerable<string> products) => new(CouponScopeKind.Products, Keyed(products, nameof(products)));

    /// <summary>Returns whether the scope holds a cart line.</summary>
    /// <param name="line">The line.</param>
    /// <returns><see langword="true"/> when the coupon applies to it.</returns>
    public bool Includes(CartLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Kind switch
        {
            CouponScopeKind.Categories => Matches(line.Category),
            CouponScopeKind.Products => Matches(line.ProductId),
            _ => true,
        };
    }

    private bool Matches(string key)
    {
        if (_few is not { } few)
        {
            return _keys.Contains(key);
        }

        foreach (var k in few)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public bool Equals(CouponScope? other) => other is not null && Kind == other.Kind && _keys.SetEquals(other._keys);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, _keys.Count);

    private static FrozenSet<string> Keyed(IEnumerable<string> keys, string name)
    {
        ArgumentNullException.ThrowIfNull(keys, name);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException("A coupon scope names no empty category or product.", name);
            }

            set.Add(key);
        }

        return set.Count == 0 ? throw new ArgumentException("A coupon scope names at least one category or product.", name) : set.ToFrozenSet(StringComparer.Ordinal);
    }
}
