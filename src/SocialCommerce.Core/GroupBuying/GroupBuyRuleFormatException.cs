using System;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// Thrown when a group-buy rule document (JSON) is malformed or describes an invalid rule;
/// <see cref="InvalidRuleException.Path"/> is the JSON path of the offending element and
/// <see cref="InvalidRuleException.Value"/> its raw text. One of the <see cref="InvalidRuleException"/> family (an
/// <see cref="ArgumentException"/>; before 0.2 it was a <see cref="FormatException"/>).
/// </summary>
public sealed class GroupBuyRuleFormatException : InvalidRuleException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The JSON path, e.g. <c>"$.tiers[1].price"</c>.</param>
    /// <param name="value">The raw JSON text of the element, or <c>"(missing)"</c>.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public GroupBuyRuleFormatException(string path, string value, string problem, Exception? innerException = null)
        : base("Group-buy rule document", "(document)", path, value, problem, innerException)
    {
    }
}
