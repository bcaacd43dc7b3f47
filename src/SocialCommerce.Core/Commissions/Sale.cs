using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// A paid sale, the input of a commission quote: who bought, when it was paid, in which currency and which lines.
/// </summary>
/// <remarks>
/// <para>
/// Every line must be in the sale's <see cref="Currency"/>; the constructor refuses mixed currencies,
/// an empty id and an empty sale with an <see cref="InvalidSaleException"/> naming the field and the value.
/// </para>
/// <para>
/// <see cref="EnabledDistributors"/> optionally carries, with the sale, the members the host marks as
/// enabled distributors; when set it takes precedence over the engine's <see cref="IDistributorStatus"/>.
/// Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class Sale
{
    private readonly SaleLine[] _lines;

    /// <summary>Creates a sale.</summary>
    /// <param name="id">The host's sale (order) identifier; not empty.</param>
    /// <param name="buyer">The buyer (level 0).</param>
    /// <param name="paidAt">When the sale was paid.</param>
    /// <param name="currency">The sale's currency; every line must use it.</param>
    /// <param name="lines">The lines; at least one.</param>
    /// <exception cref="InvalidSaleException">
    /// The id is empty, longer than <see cref="Limits.MaxIdLength"/> or holds a control character, there are no lines, a line is null or in another currency, the paid instant is outside
    /// [<see cref="Limits.MinInstant"/>, <see cref="Limits.MaxInstant"/>), or the total of paid amounts and shipping
    /// exceeds <see cref="Limits.MaxMinorUnits"/> minor units.
    /// </exception>
    public Sale(string id, MemberId buyer, Instant paidAt, Currency currency, IReadOnlyList<SaleLine> lines)
    {
        if (!Limits.IsValidId(id))
        {
            throw new InvalidSaleException(nameof(id), id is null ? "null" : id.Length == 0 ? "\"\"" : string.Create(CultureInfo.InvariantCulture, $"({id.Length} characters)"), string.Create(CultureInfo.InvariantCulture, $"a sale id is 1 to {Limits.MaxIdLength} characters without control characters."));
        }

        if (currency is null)
        {
            throw new InvalidSaleException(nameof(currency), "null", "a sale needs a currency.");
        }

        if (lines is null || lines.Count == 0)
        {
            throw new InvalidSaleException(nameof(lines), lines is null ? "null" : "[]", "a sale needs at least one line.");
        }

        if (!Limits.IsSupported(paidAt))
        {
            throw new InvalidSaleException(nameof(paidAt), paidAt.ToString(), string.Create(CultureInfo.InvariantCulture, $"the instant should be in range [{Limits.MinInstant}-{Limits.MaxInstant})."));
        }

        _lines = new SaleLine[lines.Count];
        var total = 0m;
        var paid = 0m;
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = lines[i] ?? throw new InvalidSaleException(Field(i, string.Empty), "null", "a sale line should not be null.");
            if (line.PaidAmount.Currency != currency)
            {
                throw new InvalidSaleException(Field(i, ".paidAmount"), line.PaidAmount.ToString(), $"mixed currencies: the sale is in {currency.Code}.");
            }

            _lines[i] = line;
            paid += line.PaidAmount.Amount;
            total += line.PaidAmount.Amount + line.Shipping.Amount;
        }

        if (total > currency.MinorUnitSize * Limits.MaxMinorUnits)
        {
            throw new InvalidSaleException(nameof(lines), new Money(total, currency).ToString(), string.Create(CultureInfo.InvariantCulture, $"the sale's total (paid amounts and shipping) should be at most {Limits.MaxMinorUnits} minor units."));
        }

        PaidTotal = new Money(paid, currency);
        Id = id;
        Buyer = buyer;
        PaidAt = paidAt;
        Currency = currency;
    }

    /// <summary>Gets the host's sale identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the buyer (level 0).</summary>
    public MemberId Buyer { get; }

    /// <summary>Gets when the sale was paid.</summary>
    public Instant PaidAt { get; }

    /// <summary>Gets the sale's currency.</summary>
    public Currency Currency { get; }

    /// <summary>The sum of the lines' paid amounts (shipping excluded), summed once here.</summary>
    internal Money PaidTotal { get; }

    /// <summary>Gets the lines, in the order given.</summary>
    public IReadOnlyList<SaleLine> Lines => _lines;

    /// <summary>
    /// Gets the members enabled as distributors for this sale, when the host passes them with the sale;
    /// <see langword="null"/> to use the engine's <see cref="IDistributorStatus"/>.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public IReadOnlySet<MemberId>? EnabledDistributors { get; init; }

    internal SaleLine[] LineArray => _lines;

    /// <summary>Formats as <c>"Sale S-1 by 42 (2 lines, CNY)"</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Sale {Id} by {Buyer} ({_lines.Length} lines, {Currency.Code})");

    private static string Field(int index, string member) =>
        string.Create(CultureInfo.InvariantCulture, $"lines[{index}]{member}");
}
