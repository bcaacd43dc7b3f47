namespace SocialCommerce.GroupBuying;

/// <summary>
/// Thrown when a group-buy rule is built with an invalid or inconsistent setting;
/// <see cref="InvalidRuleException.Path"/> names the setting and <see cref="InvalidRuleException.Value"/> holds the
/// offending value. One of the <see cref="InvalidRuleException"/> family.
/// </summary>
public sealed class GroupBuyRuleException : InvalidRuleException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <param name="field">The rule member at fault, e.g. <c>"RequiredParticipants"</c>.</param>
    /// <param name="value">The offending value, formatted.</param>
    /// <param name="problem">What is wrong with it.</param>
    public GroupBuyRuleException(string ruleName, string field, string value, string problem)
        : base("Group-buy rule", ruleName, field, value, problem)
    {
    }

    /// <summary>Gets the rule member at fault: the same as <see cref="InvalidRuleException.Path"/>.</summary>
    public string Field => Path;
}
