using System;

namespace SocialCommerce.Commissions;

/// <summary>
/// Argument checks shared by the ledger's postings: whole minor units, sign and currency.
/// </summary>
internal static class LedgerAmounts
{
    public static void CheckAmount(Money amount, Currency currency, string paramName)
    {
        if (amount.Equals(default(Money)))
        {
            throw new ArgumentException($"{paramName} has no currency (default Money).", paramName);
        }

        if (!amount.Currency.Equals(currency))
        {
            throw new CurrencyMismatchException(currency, amount.Currency);
        }

        if (amount.IsNegative)
        {
            throw new ArgumentOutOfRangeException(paramName, amount.Amount, $"{paramName} should not be negative; was {amount}.");
        }

        if (!amount.IsWholeMinorUnits)
        {
            throw new ArgumentException($"{paramName} should be whole minor units of {currency.Code}; was {amount}.", paramName);
        }

        CheckMagnitude(amount, paramName);
    }

    private static void CheckMagnitude(Money amount, string paramName)
    {
        if (!Limits.InMagnitude(amount))
        {
            throw new ArgumentOutOfRangeException(paramName, amount.Amount, FormattableString.Invariant($"{paramName} should be at most {Limits.MaxMinorUnits} minor units; was {amount}."));
        }
    }

    /// <summary>An amount of minor units with the currency's scale, so it prints as <c>19.90 CNY</c>.</summary>
    public static Money FromMinor(long units, Currency currency)
    {
        var negative = units < 0;
        var magnitude = negative ? unchecked((ulong)-units) : (ulong)units;
        var value = new decimal(unchecked((int)(magnitude & 0xFFFFFFFF)), unchecked((int)(magnitude >> 32)), 0, negative, (byte)currency.MinorUnit);
        return new Money(value, currency);
    }

    /// <summary>The same amount with the currency's scale, for messages.</summary>
    public static Money Show(Money amount) => amount.IsWholeMinorUnits ? FromMinor(amount.ToMinorUnits(), amount.Currency) : amount;

    public static void CheckPositive(Money amount, string paramName)
    {
        if (amount.Equals(default(Money)))
        {
            throw new ArgumentException($"{paramName} has no currency (default Money).", paramName);
        }

        if (amount.Amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(paramName, amount.Amount, $"{paramName} should be positive; was {amount}.");
        }

        if (!amount.IsWholeMinorUnits)
        {
            throw new ArgumentException($"{paramName} should be whole minor units of {amount.Currency.Code}; was {amount}.", paramName);
        }

        CheckMagnitude(amount, paramName);
    }
}
