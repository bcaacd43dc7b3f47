using System;
using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Checkout;

/// <summary>
/// A cart to allocate: its lines, all in one currency, whose list total is at most <see cref="Limits.MaxMinorUnits"/>
/// minor units — so every amount the allocation derives from it is supported too.
/// </summary>
public sealed class Cart
{
    /// <summary>The most lines a cart holds.</summary>
    public const int MaxLines = 1000;

    private readonly CartLine[] _lines;

    /// <summary>Creates a cart.</summary>
    /// <param name="currency">The currency of every price.</param>
    /// <param name="lines">The lines, 1 to <see cref="MaxLines"/>.</param>
    /// <exception cref="ArgumentException">No line, too many, a line in another currency, or a list total past <see cref="Limits.MaxMinorUnits"/> minor units.</exception>
    public Cart(Currency currency, IReadOnlyList<CartLine> lines)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count is 0 or > MaxLines)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A cart holds 1 to {MaxLines} lines; this one has {lines.Count}."), nameof(lines));
        }

        _lines = new CartLine[lines.Count];
        var total = 0L;
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = lines[i] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cart line {i} is null."), nameof(lines));
            if (!line.UnitPrice.Currency.Equals(currency))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cart line {i} (product '{line.ProductId}') is priced in {line.UnitPrice.Currency.Code}; the cart is in {currency.Code}."), nameof(lines));
            }

            var list = line.UnitMinor * (decimal)line.Quantity;
            if (list > Limits.MaxMinorUnits - total)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The cart's list total passes {Limits.MaxMinorUnits} minor units of {currency.Code} at line {i} (product '{line.ProductId}')."), nameof(lines));
            }

            total += (long)list;
            _lines[i] = line;
        }

        Currency = currency;
        ListTotalMinor = total;
    }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the lines.</summary>
    public IReadOnlyList<CartLine> Lines => _lines;

    /// <summary>Gets the sum of unit price × quantity over the lines.</summary>
    public Money ListTotal => Money.FromMinorUnits(ListTotalMinor, Currency);

    internal long ListTotalMinor { get; }

    internal CartLine[] LineArray => _lines;
}
