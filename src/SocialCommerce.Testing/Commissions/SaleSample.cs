using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Testing;

/// <summary>A generated sale: its currency and 1..n lines in whole minor units.</summary>
public sealed class SaleSample
{
    private readonly SaleLineSample[] _lines;

    /// <summary>Creates a sample.</summary>
    /// <param name="currency">The sale's currency.</param>
    /// <param name="lines">The lines, at least one.</param>
    /// <exception cref="ArgumentNullException">An argument or a line is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="lines"/> is empty.</exception>
    public SaleSample(Currency currency, IReadOnlyList<SaleLineSample> lines)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new ArgumentException("A sale has at least one line; 0 were given.", nameof(lines));
        }

        _lines = [.. lines];
        foreach (var line in _lines)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
        }

        Currency = currency;
    }

    /// <summary>Gets the sale's currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the lines.</summary>
    public IReadOnlyList<SaleLineSample> Lines => _lines;

    /// <summary>Builds the SDK's sale.</summary>
    /// <param name="id">The sale id.</param>
    /// <param name="buyer">The buyer.</param>
    /// <param name="paidAt">When it was paid.</param>
    /// <param name="enabledDistributors">The members the host marks as enabled distributors, or null.</param>
    /// <returns>The sale.</returns>
    public Sale Build(string id, MemberId buyer, Instant paidAt, IReadOnlySet<MemberId>? enabledDistributors = null) =>
        new(id, buyer, paidAt, Currency, _lines.Select(l => l.Build(Currency)).ToArray()) { EnabledDistributors = enabledDistributors };

    /// <summary>Returns the sample with other lines (same currency).</summary>
    /// <param name="lines">The lines, at least one.</param>
    /// <returns>The new sample.</returns>
    public SaleSample WithLines(IReadOnlyList<SaleLineSample> lines) => new(Currency, lines);

    /// <summary>Formats as <c>Sale(CNY: p1/c0 x2 paid 1999 + ship 0; ...)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Sale({Currency.Code}: {string.Join("; ", _lines.Select(l => l.ToString()))})";
}
