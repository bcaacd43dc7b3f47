using System;
using SocialCommerce.GroupBuying;

namespace SocialCommerce.Telemetry;

/// <summary>
/// What <see cref="SocialCommerceListener.OnGroupBuy"/> receives.
/// </summary>
public readonly struct GroupBuyArguments
{
    /// <summary>Initializes the arguments of a group-buy command an engine or a store decided (and, when accepted, committed).</summary>
    /// <param name="ruleName">The group's rule.</param>
    /// <param name="result">The result.</param>
    public GroupBuyArguments(string ruleName, GroupBuyResult result)
    {
        ArgumentNullException.ThrowIfNull(ruleName);
        RuleName = ruleName;
        Result = result;
    }

    /// <summary>Gets the name of the group's rule (campaign).</summary>
    public string RuleName { get; }

    /// <summary>Gets the result: accepted with its events, or refused with a reason.</summary>
    public GroupBuyResult Result { get; }
}
