using System;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// Thrown when a group-buy rule is built with an invalid or inconsistent setting;
/// <see cref="Field"/> names the setting and <see cref="Value"/> holds the offending value.
/// </summary>
public sealed class GroupBuyRuleException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <param name="field">The rule member at fault, e.g. <c>"RequiredParticipants"</c>.</param>
    /// <param name="value">The offending value, formatted.</param>
    /// <param name="problem">What is wrong with it.</param>
    public GroupBuyRuleException(string ruleName, string field, string value, string problem)
        : base($"Group-buy rule '{ruleName}': {field} = {value}: {problem}", field)
    {
        RuleName = ruleName;
        Field = field;
        Value = value;
    }

    /// <summary>Gets the rule's name.</summary>
    public string RuleName { get; }

    /// <summary>Gets the rule member at fault.</summary>
    public string Field { get; }

    /// <summary>Gets the offending value, formatted.</summary>
    public string Value { get; }
}
