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
        : this(expected, actual, $"Cannot combine amounts in {Describe(expected, actual)}: amounts in two currencies never mix. Convert explicitly first.")
    {
    }

    internal CurrencyMismatchException(Currency? expected, Currency? actual, string message)
        : base(message)
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Gets the currency that was expected.</summary>
    public Currency? Expected { get; }

    /// <summary>Gets the currency that was offered.</summary>
    public Currency? Actual { get; }

    /// <summary>Names two currencies; when their codes are equal, with their minor units so the difference shows.</summary>
    internal static string Describe(Currency? expected, Currency? actual) =>
        expected is not null && actual is not null && expected.Code == actual.Code
            ? FormattableString.Invariant($"{expected.Code} ({expected.MinorUnit} minor digits) and {actual.Code} ({actual.MinorUnit} minor digits)")
            : $"{expected?.Code ?? "(none)"} and {actual?.Code ?? "(none)"}";
}
