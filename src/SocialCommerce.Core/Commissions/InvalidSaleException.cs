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
        : base(message, field)
    {
        Field = field;
        Value = value;
        _message = $"Sale field '{field}' = {value}: {message}";
    }

    private readonly string _message;

    /// <summary>Gets the field that is wrong, e.g. <c>lines[1].quantity</c>.</summary>
    public string Field { get; }

    /// <summary>Gets the value offered, as text.</summary>
    public string Value { get; }

    /// <summary>Gets the message: the field, the value and what is wrong (<see cref="ArgumentException.ParamName"/> is the field).</summary>
    public override string Message => _message;
}
