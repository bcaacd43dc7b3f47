namespace SocialCommerce.Invitations;

/// <summary>The settings of an assist-unlock rule (助力), validated by <see cref="AssistRule.Create"/>.</summary>
public sealed class AssistRuleOptions : InvitationRuleOptions
{
    /// <summary>Gets or sets the reward the owner unlocks when the required distinct helpers assisted in time.</summary>
    public AssistReward? Reward { get; set; }
}
