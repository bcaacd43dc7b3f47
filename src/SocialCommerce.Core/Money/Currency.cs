using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace SocialCommerce;

/// <summary>
/// An ISO-4217 currency: a three-letter code and the number of digits of its minor unit.
/// </summary>
/// <remarks>
/// <para>
/// The common currencies of social commerce are built in (<see cref="CNY"/>, <see cref="USD"/>,
/// <see cref="EUR"/>, <see cref="JPY"/>, <see cref="HKD"/>, <see cref="TWD"/>, <see cref="SGD"/>,
/// <see cref="GBP"/>) and resolved by <see cref="FromCode(string)"/>. A host that needs another
/// currency creates it with the public constructor; two currencies are equal when their codes
/// and minor units are equal.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class Currency : IEquatable<Currency>
{
    private static readonly Dictionary<string, Currency> BuiltIn = new(StringComparer.Ordinal);

    /// <summary>Chinese yuan renminbi (2 minor digits: fen).</summary>
    public static readonly Currency CNY = Register("CNY", 2);

    /// <summary>United States dollar (2 minor digits).</summary>
    public static readonly Currency USD = Register("USD", 2);

    /// <summary>Euro (2 minor digits).</summary>
    public static readonly Currency EUR = Register("EUR", 2);

    /// <summary>Japanese yen (no minor unit).</summary>
    public static readonly Currency JPY = Register("JPY", 0);

    /// <summary>Hong Kong dollar (2 minor digits).</summary>
    public static readonly Currency HKD = Register("HKD", 2);

    /// <summary>New Taiwan dollar (2 minor digits, as listed by ISO 4217).</summary>
    public static readonly Currency TWD = Register("TWD", 2);

    /// <summary>Singapore dollar (2 minor digits).</summary>
    public static readonly Currency SGD = Register("SGD", 2);

    /// <summary>Pound sterling (2 minor digits).</summary>
    public static readonly Currency GBP = Register("GBP", 2);

    /// <summary>
    /// Creates a currency that is not built in, such as a platform's own points currency.
    /// </summary>
    /// <param name="code">Three upper-case ASCII letters, for example <c>"KRW"</c>.</param>
    /// <param name="minorUnit">Digits of the minor unit, 0 to 8.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not three upper-case letters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minorUnit"/> is outside [0, 8].</exception>
    public Currency(string code, int minorUnit)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!IsWellFormed(code))
        {
            throw new ArgumentException(
                $"Currency code '{code}' is not three upper-case ASCII letters (ISO 4217).", nameof(code));
        }

        if (minorUnit is < 0 or > 8)
        {
            throw new ArgumentOutOfRangeException(
                nameof(minorUnit), minorUnit, $"Minor unit of currency '{code}' should be in range [0-8]; was {minorUnit}.");
        }

        Code = code;
        MinorUnit = minorUnit;
        MinorUnitSize = Pow10(-minorUnit);
        MinorUnitsPerUnit = Pow10(minorUnit);
    }

    /// <summary>Gets the ISO-4217 alphabetic code, for example <c>"CNY"</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the number of decimal digits of the minor unit (2 for CNY, 0 for JPY).</summary>
    public int MinorUnit { get; }

    /// <summary>Gets the size of one minor unit as an amount (0.01 for CNY, 1 for JPY).</summary>
    public decimal MinorUnitSize { get; }

    internal decimal MinorUnitsPerUnit { get; }

    /// <summary>Gets the built-in currencies.</summary>
    public static IReadOnlyCollection<Currency> BuiltInCurrencies => BuiltIn.Values;

    /// <summary>Returns the built-in currency with the given code.</summary>
    /// <param name="code">An ISO-4217 code such as <c>"CNY"</c>; case-sensitive.</param>
    /// <exception cref="UnknownCurrencyException">No built-in currency has that code.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryFromCode(code, out var currency)
            ? currency
            : throw new UnknownCurrencyException(code);
    }

    /// <summary>Looks up a built-in currency by code.</summary>
    /// <param name="code">An ISO-4217 code such as <c>"CNY"</c>; case-sensitive.</param>
    /// <param name="currency">The currency, when found.</param>
    /// <returns><see langword="true"/> when a built-in currency has that code.</returns>
    public static bool TryFromCode(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return code is not null && BuiltIn.TryGetValue(code, out currency);
    }

    /// <inheritdoc />
    public bool Equals(Currency? other) =>
        other is not null && (ReferenceEquals(this, other) || (MinorUnit == other.MinorUnit && string.Equals(Code, other.Code, StringComparison.Ordinal)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Currency);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Code), MinorUnit);

    /// <summary>Returns the currency code.</summary>
    public override string ToString() => Code;

    /// <summary>Compares two currencies for equality of code and minor unit.</summary>
    public static bool operator ==(Currency? left, Currency? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two currencies for inequality.</summary>
    public static bool operator !=(Currency? left, Currency? right) => !(left == right);

    private static Currency Register(string code, int minorUnit)
    {
        var currency = new Currency(code, minorUnit);
        BuiltIn.Add(code, currency);
        return currency;
    }

    private static bool IsWellFormed(string code) =>
        code.Length == 3 && code[0] is >= 'A' and <= 'Z' && code[1] is >= 'A' and <= 'Z' && code[2] is >= 'A' and <= 'Z';

    internal static decimal Pow10(int exponent)
    {
        var result = 1m;
        if (exponent >= 0)
        {
            for (var i = 0; i < exponent; i++)
            {
                result *= 10m;
            }
        }
        else
        {
            for (var i = 0; i < -exponent; i++)
            {
                result /= 10m;
            }
        }

        return result;
    }
}
