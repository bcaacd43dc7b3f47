using System;
using SocialCommerce.Invitations;

namespace SocialCommerce.Telemetry;

/// <summary>What <see cref="SocialCommerceListener.OnReferralReward"/> receives.</summary>
public readonly struct ReferralRewardArguments
{
    /// <summary>Initializes the arguments of a referral-reward command an engine or a store decided (and, when applied, committed).</summary>
    /// <param name="ruleName">The reward rule.</param>
    /// <param name="result">The result.</param>
    public ReferralRewardArguments(string ruleName, ReferralRewardResult result)
    {
        ArgumentNullException.ThrowIfNull(ruleName);
        ArgumentNullException.ThrowIfNull(result);
        RuleName = ruleName;
        Result = result;
    }

    /// <summary>Gets the name of the referral-reward rule.</summary>
    public string RuleName { get; }

    /// <summary>Gets the result: accepted with its event, or refused with a reason.</summary>
    public ReferralRewardResult Result { get; }
}
