using System;
using System.Globalization;

namespace SocialCommerce;

/// <summary>
/// An exact amount of money: a <see cref="decimal"/> and its <see cref="Money.Currency"/>.
/// </summary>
/// <remarks>
/// <para>
/// Arithmetic and comparison are defined only between amounts of the same currency; mixing
/// currencies throws <see cref="CurrencyMismatchException"/>, naming both. Arithmetic is exact
/// (decimal, checked for overflow): an amount may carry more decimals than its currency's minor
/// unit until it is rounded with <see cref="Round(RoundingMode)"/>.
/// </para>
/// <para>
/// Equality is numeric within a currency (<c>1.0 CNY == 1.00 CNY</c>).
/// The default value has no currency; every operation on it other than equality throws.
/// </para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    private readonly Currency? _currency;

    /// <summary>Creates an amount in a currency.</summary>
    /// <param name="amount">The amount; may be negative (a clawback, a debt).</param>
    /// <param name="currency">The currency.</param>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    public Money(decimal amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        Amount = amount;
        _currency = currency;
    }

    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    /// <exception cref="InvalidOperationException">This is the default value, which has no currency.</exception>
    public Currency Currency => _currency ?? throw new InvalidOperationException("This Money is the default value and has no currency.");

    /// <summary>Gets a value indicating whether the amount is zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>Gets a value indicating whether the amount is below zero.</summary>
    public bool IsNegative => Amount < 0m;

    /// <summary>Gets a value indicating whether the amount is a whole number of minor units (no rounding needed).</summary>
    public bool IsWholeMinorUnits => Math.Round(Amount, Currency.MinorUnit, MidpointRounding.ToZero) == Amount;

    /// <summary>Returns zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Creates an amount from a count of minor units (fen, cents).</summary>
    /// <param name="minorUnits">The number of minor units, e.g. 19900 for ¥199.00.</param>
    /// <param name="currency">The currency.</param>
    public static Money FromMinorUnits(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return new Money(minorUnits * currency.MinorUnitSize, currency);
    }

    /// <summary>Returns the amount as a whole count of minor units.</summary>
    /// <exception cref="InvalidOperationException">The amount is not a whole number of minor units; round it first.</exception>
    public long ToMinorUnits()
    {
        var units = Amount * Currency.MinorUnitsPerUnit;
        if (decimal.Truncate(units) != units)
        {
            throw new InvalidOperationException($"Amount {this} is not a whole number of minor units of {Currency.Code}; round it first.");
        }

        return decimal.ToInt64(units);
    }

    /// <summary>Rounds the amount to the currency's minor unit.</summary>
    /// <param name="mode">How to round; payouts use <see cref="RoundingMode.TowardZero"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined mode.</exception>
    public Money Round(RoundingMode mode)
    {
        var digits = Currency.MinorUnit;
        var rounded = mode switch
        {
            RoundingMode.TowardZero => Math.Round(Amount, digits, MidpointRounding.ToZero),
            RoundingMode.AwayFromZero => Math.Round(Amount, digits, Amount < 0m ? MidpointRounding.ToNegativeInfinity : MidpointRounding.ToPositiveInfinity),
            RoundingMode.HalfEven => Math.Round(Amount, digits, MidpointRounding.ToEven),
            RoundingMode.HalfUp => Math.Round(Amount, digits, MidpointRounding.AwayFromZero),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Rounding mode {mode} is not defined."),
        };
        return new Money(rounded, Currency);
    }

    /// <summary>
    /// Splits this amount across weights in whole minor units so that the parts sum exactly to
    /// this amount (largest-remainder method; ties go to the earlier weight).
    /// </summary>
    /// <param name="weights">Non-negative weights, at least one of them positive.</param>
    /// <returns>One part per weight, in order.</returns>
    /// <exception cref="ArgumentException">
    /// The weights are empty, negative or all zero, or this amount is not a whole number of minor units.
    /// </exception>
    public Money[] Allocate(ReadOnlySpan<decimal> weights) => Allocation.Allocate(this, weights);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    /// <summary>Negates an amount.</summary>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Multiplies an amount by a factor, exactly (no rounding).</summary>
    public static Money operator *(Money value, decimal factor) => new(value.Amount * factor, value.Currency);

    /// <summary>Multiplies an amount by a factor, exactly (no rounding).</summary>
    public static Money operator *(decimal factor, Money value) => value * factor;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Equality: same currency and numerically equal amounts.</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Inequality: different currency or amount.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Returns the smaller of two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Min(Money left, Money right) => left <= right ? left : right;

    /// <summary>Returns the larger of two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Max(Money left, Money right) => left >= right ? left : right;

    /// <summary>Compares with an amount of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        SameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <inheritdoc />
    public bool Equals(Money other) => Amount == other.Amount && _currency == other._currency;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, _currency);

    /// <summary>
    /// Formats as <c>"199.00 CNY"</c> using the invariant culture: at least the currency's minor digits
    /// (<c>Money.Zero(CNY)</c> is <c>"0.00 CNY"</c>), and every further digit an exact amount carries (<c>"0.0095 CNY"</c>).
    /// </summary>
    public override string ToString()
    {
        if (_currency is null)
        {
            return "(no currency)";
        }

        var digits = Math.Max(Amount.Scale, _currency.MinorUnit);
        return Amount.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + _currency.Code;
    }

    private static Currency SameCurrency(Money left, Money right)
    {
        var l = left.Currency;
        var r = right.Currency;
        if (!ReferenceEquals(l, r) && !l.Equals(r))
        {
            throw new CurrencyMismatchException(l, r);
        }

        return l;
    }
}
