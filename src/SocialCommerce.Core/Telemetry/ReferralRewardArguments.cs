using SocialCommerce.Invitations;

namespace SocialCommerce.Telemetry;

/// <summary>What <see cref="SocialCommerceListener.OnReferralReward"/> receives.</summary>
public readonly struct ReferralRewardArguments
{
    internal ReferralRewardArguments(string ruleName, ReferralRewardResult result)
    {
        RuleName = ruleName;
        Result = result;
    }

    /// <summary>Gets the name of the referral-reward rule.</summary>
    public string RuleName { get; }

    /// <summary>Gets the result: accepted with its event, or refused with a reason.</summary>
    public ReferralRewardResult Result { get; }
}
