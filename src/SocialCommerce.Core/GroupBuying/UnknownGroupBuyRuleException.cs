using System.Collections.Generic;

namespace SocialCommerce.GroupBuying;

/// <summary>Thrown when a <see cref="GroupBuyBook"/> is asked for a rule (campaign) it does not hold.</summary>
public sealed class UnknownGroupBuyRuleException : UnknownIdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleName">The rule name that was not found.</param>
    public UnknownGroupBuyRuleException(string ruleName)
        : base("group-buy rule", ruleName, $"Group-buy rule '{ruleName}' is not in the book.")
    {
        RuleName = ruleName;
    }

    /// <summary>Gets the rule name that was not found.</summary>
    public string RuleName { get; }
}
