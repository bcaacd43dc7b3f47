using System;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// Thrown when a group-buy rule document (JSON) is malformed or describes an invalid rule;
/// <see cref="Path"/> is the JSON path of the offending element and <see cref="Value"/> its raw text.
/// </summary>
public sealed class GroupBuyRuleFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The JSON path, e.g. <c>"$.tiers[1].price"</c>.</param>
    /// <param name="value">The raw JSON text of the element, or <c>"(missing)"</c>.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public GroupBuyRuleFormatException(string path, string value, string problem, Exception? innerException = null)
        : base($"Group-buy rule document: {path} = {value}: {problem}", innerException)
    {
        Path = path;
        Value = value;
    }

    /// <summary>Gets the JSON path of the offending element.</summary>
    public string Path { get; }

    /// <summary>Gets the raw JSON text of the offending element, or <c>"(missing)"</c>.</summary>
    public string Value { get; }
}
