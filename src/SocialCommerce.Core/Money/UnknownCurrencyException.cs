using System;

namespace SocialCommerce;

/// <summary>
/// Thrown when a currency code is not one the SDK knows.
/// </summary>
public sealed class UnknownCurrencyException : UnknownIdException
{
    /// <summary>Creates the exception for the given code.</summary>
    /// <param name="code">The code that was not recognised.</param>
    public UnknownCurrencyException(string code)
        : base("currency", code, $"Unknown currency code '{code}'. Use a built-in ISO-4217 currency (Currency.BuiltInCurrencies) or create one with new Currency(code, minorUnit).")
    {
        Code = code;
    }

    /// <summary>Gets the code that was not recognised.</summary>
    public string Code { get; }
}
