using System;

namespace SocialCommerce.Growth;

/// <summary>
/// Thrown when a growth policy is refused: a malformed JSON document, an unknown rule name, a
/// source bound to a kind that must never earn (recruitment), two sources for one kind.
/// </summary>
/// <remarks>The message names the JSON path and the offending value when they are known.</remarks>
public sealed class GrowthPolicyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The JSON path of the offending element (e.g. <c>$.sources[2].rule</c>), or null outside a document.</param>
    /// <param name="value">The offending value as written, or null.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public GrowthPolicyException(string? path, string? value, string message, Exception? innerException = null)
        : base(Compose(path, value, message), innerException)
    {
        Path = path;
        Value = value;
    }

    /// <summary>Gets the JSON path of the offending element, or null.</summary>
    public string? Path { get; }

    /// <summary>Gets the offending value as written, or null.</summary>
    public string? Value { get; }

    private static string Compose(string? path, string? value, string message) =>
        (path, value) switch
        {
            (null, null) => message,
            (null, _) => $"{message} (value: {value})",
            (_, null) => $"{path}: {message}",
            _ => $"{path}: {message} (value: {value})",
        };
}
