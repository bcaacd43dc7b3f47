using System;

namespace SocialCommerce.Commissions;

/// <summary>
/// Thrown when a <see cref="Sale"/> or <see cref="SaleLine"/> is malformed: a negative amount, a zero
/// quantity, mixed currencies, a missing identifier.
/// </summary>
/// <remarks>The message names the field (for example <c>lines[1].paidAmount</c>) and the value offered.</remarks>
public sealed class InvalidSaleException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The field that is wrong, e.g. <c>lines[1].quantity</c>.</param>
    /// <param name="value">The value offered, as text.</param>
    /// <param name="message">What is wrong with it.</param>
    public InvalidSaleException(string field, string value, string message)
        : base($"Sale field '{field}' = {value}: {message}")
    {
        Field = field;
        Value = value;
    }

    /// <summary>Gets the field that is wrong, e.g. <c>lines[1].quantity</c>.</summary>
    public string Field { get; }

    /// <summary>Gets the value offered, as text.</summary>
    public string Value { get; }
}
