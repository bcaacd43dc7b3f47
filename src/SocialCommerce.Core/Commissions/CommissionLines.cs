using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using SocialCommerce.Serialization;

namespace SocialCommerce.Commissions;

/// <summary>
/// The lines of a <see cref="CommissionQuote"/>: an immutable list read by index or with <see langword="foreach"/>,
/// in the order the rules produced them.
/// </summary>
/// <remarks>
/// <para>
/// A quote of the commonest plans keeps its lines in a compact form (whole minor units and indexes into the plan and
/// the sale) and composes each <see cref="CommissionLine"/> when it is read, so that quoting allocates a fraction of
/// what the lines take as values; reading a line allocates nothing. Every read of a line gives an equal value.
/// </para>
/// <para>
/// The default value is an empty list. Immutable and thread-safe. Serialized as a JSON array of lines.
/// </para>
/// </remarks>
[JsonConverter(typeof(CommissionLinesConverter))]
public readonly struct CommissionLines : IReadOnlyList<CommissionLine>
{
    private readonly CommissionLine[]? _lines;
    private readonly DirectLine[]? _direct;
    private readonly DirectQuote? _quoter;
    private readonly Sale? _sale;

    internal CommissionLines(CommissionLine[] lines) => _lines = lines;

    internal CommissionLines(DirectLine[] direct, DirectQuote quoter, Sale sale)
    {
        _direct = direct;
        _quoter = quoter;
        _sale = sale;
    }

    /// <summary>Gets the number of lines.</summary>
    public int Count => _lines?.Length ?? _direct?.Length ?? 0;

    /// <summary>Gets a value indicating whether there is no line.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Gets the line at <paramref name="index"/>.</summary>
    /// <param name="index">The line's position, from 0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public CommissionLine this[int index]
    {
        get
        {
            if (index < 0 || index >= Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The quote has {Count} lines.");
            }

            return _lines is not null ? _lines[index] : _quoter!.Compose(_direct![index], _sale!);
        }
    }

    /// <summary>
    /// The ledger's earning of the line at <paramref name="index"/> (beneficiary, level, sale line, amount), read from a
    /// compact line without composing the whole <see cref="CommissionLine"/>.
    /// </summary>
    internal LedgerEarning EarningAt(int index)
    {
        if (_direct is null)
        {
            var line = this[index];
            return new LedgerEarning(line.Beneficiary, line.Level, line.SaleLineIndex, line.Amount);
        }

        var direct = _direct[index];
        return new LedgerEarning(direct.Beneficiary, direct.Level, direct.SaleLineIndex, _quoter!.AmountOf(direct.AmountMinor));
    }

    /// <summary>Returns the lines as an immutable array (a new array, except for lines already held as values).</summary>
    /// <returns>The lines, in order.</returns>
    public ImmutableArray<CommissionLine> ToImmutableArray()
    {
        if (_lines is not null)
        {
            return ImmutableCollectionsMarshal.AsImmutableArray(_lines);
        }

        var lines = new CommissionLine[Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = this[i];
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(lines);
    }

    /// <summary>Returns an enumerator over the lines that allocates nothing.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    /// <inheritdoc />
    IEnumerator<CommissionLine> IEnumerable<CommissionLine>.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the lines of a <see cref="CommissionLines"/> in order.</summary>
    public struct Enumerator : IEnumerator<CommissionLine>
    {
        private readonly CommissionLines _lines;
        private int _index;

        internal Enumerator(CommissionLines lines)
        {
            _lines = lines;
            _index = -1;
        }

        /// <summary>Gets the line at the enumerator's position.</summary>
        public readonly CommissionLine Current => _lines[_index];

        /// <inheritdoc />
        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next line.</summary>
        /// <returns><see langword="true"/> while there is a line.</returns>
        public bool MoveNext() => ++_index < _lines.Count;

        /// <summary>Moves back before the first line.</summary>
        public void Reset() => _index = -1;

        /// <summary>Does nothing: the enumerator holds no resource.</summary>
        public readonly void Dispose()
        {
        }
    }
}
