using System;

namespace SocialCommerce.Samples.WebApi.Errors;

/// <summary>A request field the shop refuses before calling the engines: answered 400, naming the field.</summary>
public sealed class RequestValidationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RequestValidationException"/> class.</summary>
    /// <param name="field">The JSON path of the field, e.g. <c>lines[0].paid</c>.</param>
    /// <param name="message">What is wrong, naming the field and its value.</param>
    public RequestValidationException(string field, string message)
        : base(message) => Field = field;

    /// <summary>Initializes a new instance of the <see cref="RequestValidationException"/> class.</summary>
    public RequestValidationException()
        : this("$", "The request is invalid.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RequestValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public RequestValidationException(string message)
        : this("$", message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RequestValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException) => Field = "$";

    /// <summary>Gets the JSON path of the refused field.</summary>
    public string Field { get; } = "$";
}
