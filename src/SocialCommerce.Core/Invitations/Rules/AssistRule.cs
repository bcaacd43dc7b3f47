using System;
using System.Globalization;
using SocialCommerce.Compliance;
using SocialCommerce.Serialization;

namespace SocialCommerce.Invitations;

/// <summary>
/// An assist-unlock rule (助力): the owner unlocks <see cref="Reward"/> when <see cref="InvitationRule.Helpers"/>
/// distinct eligible helpers assisted before the deadline.
/// </summary>
public sealed class AssistRule : InvitationRule
{
    private AssistRule(string name, AssistRuleOptions options)
        : base(name, InvitationKind.Assist, options)
    {
        if (options.HelpsPerHelper != 1)
        {
            throw Fault(nameof(options.HelpsPerHelper), Text(options.HelpsPerHelper), "should be 1: an assist counts distinct helpers.");
        }

        Reward = options.Reward ?? throw Fault(nameof(options.Reward), "null", "should be set (AssistReward.Coupon, FreeItem or PointsOf).");
        Version = ContentVersion.Of(string.Create(CultureInfo.InvariantCulture, $"{CommonCanonical()}|{Reward.Canonical()}"));
        Facts = new InvitationRuleFacts(name)
        {
            AllowsPaidHelp = AllowsPaidHelp,
            NewMembersOnly = Eligibility == HelperEligibility.NewMembersOnly,
        };
    }

    /// <summary>Gets the reward the owner unlocks.</summary>
    public AssistReward Reward { get; }

    /// <inheritdoc />
    public override string Version { get; }

    /// <inheritdoc />
    public override InvitationRuleFacts Facts { get; }

    /// <summary>Creates an assist rule, validating every setting.</summary>
    /// <param name="name">The rule's name; not empty.</param>
    /// <param name="options">The settings; copied.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvitationRuleException">A setting is invalid; the exception names it and its value.</exception>
    public static AssistRule Create(string name, AssistRuleOptions options) => new(name, options);
}
