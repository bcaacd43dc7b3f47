namespace SocialCommerce.Invitations;

/// <summary>
/// Thrown when an invitation or referral-reward rule is created with an invalid or inconsistent setting, or read from
/// a malformed document; <see cref="InvalidRuleException.Path"/> names the setting (or the JSON path) and
/// <see cref="InvalidRuleException.Value"/> holds the offending value. One of the <see cref="InvalidRuleException"/> family.
/// </summary>
public sealed class InvitationRuleException : InvalidRuleException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleName">The rule's name (or <c>"(unnamed)"</c> when the document has none yet).</param>
    /// <param name="field">The setting at fault, e.g. <c>"Helpers"</c>, or a JSON path such as <c>"$.helpers"</c>.</param>
    /// <param name="value">The offending value, formatted.</param>
    /// <param name="problem">What is wrong with it.</param>
    public InvitationRuleException(string ruleName, string field, string value, string problem)
        : base("Invitation rule", ruleName, field, value, problem)
    {
    }

    /// <summary>Gets the setting or JSON path at fault: the same as <see cref="InvalidRuleException.Path"/>.</summary>
    public string Field => Path;
}
