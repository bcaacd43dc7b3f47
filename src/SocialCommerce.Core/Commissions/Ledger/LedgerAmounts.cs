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
    }

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
    }
}
