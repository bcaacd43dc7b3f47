using System;

namespace SocialCommerce.Growth;

/// <summary>
/// Thrown when a growth policy is refused: a malformed JSON document, an unknown rule name, a
/// source bound to a kind that must never earn (recruitment), two sources for one kind. One of the
/// <see cref="InvalidRuleException"/> family (an <see cref="ArgumentException"/>; before 0.2 it derived from <see cref="Exception"/>).
/// </summary>
/// <remarks>The message names the JSON path and the offending value (<c>"$"</c> and <c>"(none)"</c> when a policy built in code has no single place at fault).</remarks>
public sealed class GrowthPolicyException : InvalidRuleException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The JSON path of the offending element (e.g. <c>$.sources[2].rule</c>), or null outside a document.</param>
    /// <param name="value">The offending value as written, or null.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public GrowthPolicyException(string? path, string? value, string message, Exception? innerException = null)
        : base("Growth policy", "growth", path ?? "$", value ?? "(none)", message, innerException)
    {
    }
}
