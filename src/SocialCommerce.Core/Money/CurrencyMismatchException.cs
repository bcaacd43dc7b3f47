using System;

namespace SocialCommerce;

/// <summary>
/// Thrown when amounts in two different currencies are combined or compared.
/// </summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception naming both currencies.</summary>
    /// <param name="expected">The currency of the left-hand amount, or the one required.</param>
    /// <param name="actual">The currency that was offered instead.</param>
    public CurrencyMismatchException(Currency expected, Currency actual)
        : base($"Cannot combine amounts in {expected?.Code ?? "(none)"} and {actual?.Code ?? "(none)"}: amounts in two currencies never mix. Convert explicitly first.")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Gets the currency that was expected.</summary>
    public Currency? Expected { get; }

    /// <summary>Gets the currency that was offered.</summary>
    public Currency? Actual { get; }
}
