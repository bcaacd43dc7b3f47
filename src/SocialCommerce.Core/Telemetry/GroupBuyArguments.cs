using SocialCommerce.GroupBuying;

namespace SocialCommerce.Telemetry;

/// <summary>
/// What <see cref="SocialCommerceListener.OnGroupBuy"/> receives.
/// </summary>
public readonly struct GroupBuyArguments
{
    internal GroupBuyArguments(string ruleName, GroupBuyResult result)
    {
        RuleName = ruleName;
        Result = result;
    }

    /// <summary>Gets the name of the group's rule (campaign).</summary>
    public string RuleName { get; }

    /// <summary>Gets the result: accepted with its events, or refused with a reason.</summary>
    public GroupBuyResult Result { get; }
}
