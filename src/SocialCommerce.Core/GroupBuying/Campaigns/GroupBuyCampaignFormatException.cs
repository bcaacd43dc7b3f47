using System;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// Thrown when a group-buy campaign document (JSON) is malformed or describes an invalid campaign;
/// <see cref="InvalidRuleException.Path"/> is the JSON path of the offending element (a fault in the embedded group
/// rule is under <c>$.rule</c>) and <see cref="InvalidRuleException.Value"/> its raw text.
/// </summary>
public sealed class GroupBuyCampaignFormatException : InvalidRuleException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The JSON path, e.g. <c>"$.skus[1].quota"</c>.</param>
    /// <param name="value">The raw JSON text of the element, or <c>"(missing)"</c>.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public GroupBuyCampaignFormatException(string path, string value, string problem, Exception? innerException = null)
        : base("Group-buy campaign document", "(document)", path, value, problem, innerException)
    {
    }
}
