using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialCommerce.Extensions;
using SocialCommerce.Extensions.Registration;
using SocialCommerce.Invitations;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers invitation rules (bargains, assists) and referral rewards through the builder returned by <c>AddSocialCommerce</c>.</summary>
/// <remarks>
/// Rules are named: a later registration of a name — in code, a document or configuration (<c>InvitationRules:{name}</c>) —
/// replaces the earlier one. Every rule is checked against the compliance profile when the host starts
/// (<c>ValidateOnStart</c>): a refused rule stops the host with a message naming it and the finding code.
/// <see cref="InvitationBook"/> always resolves (empty when no rule is registered); <see cref="ReferralRewardBook"/>
/// resolves only after <see cref="UseReferralRewards"/> (<c>GetService</c> returns null otherwise). Both are singletons and thread-safe.
/// </remarks>
public static class SocialCommerceInvitationBuilderExtensions
{
    /// <summary>Adds a bargain or assist rule to the <see cref="InvitationBook"/> singleton under its name.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISocialCommerceBuilder AddInvitationRule(this ISocialCommerceBuilder builder, InvitationRule rule)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rule);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.Register(r.InvitationRules, "invitation rule", rule.Name, new InvitationRuleSource("code", rule, null), "code", static i => i.Origin));
        return builder;
    }

    /// <summary>Adds a bargain or assist rule from its JSON document (see docs/invitations.md), read and checked when the host starts.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The rule's name; used when the document has none, and must match the document's when it has one.</param>
    /// <param name="json">The document.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static ISocialCommerceBuilder AddInvitationRuleDocument(this ISocialCommerceBuilder builder, string name, string json)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(json);
        var document = SocialCommerce.Extensions.Configuration.ConfigurationJson.WithName(json, name);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.Register(r.InvitationRules, "invitation rule", name, new InvitationRuleSource("code document", null, document), "code document", static i => i.Origin));
        return builder;
    }

    /// <summary>
    /// Runs a referral-reward program (拉新) with one rule: registers the <see cref="ReferralRewardBook"/> singleton, checked
    /// at start against the compliance profile together with the plan that pays the same sales.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="planName">The registered commission plan that pays the same sales (for the payout-ratio check, <c>SC504</c>); <c>"default"</c> for the default plan; null for none.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISocialCommerceBuilder UseReferralRewards(this ISocialCommerceBuilder builder, ReferralRewardRule rule, string? planName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rule);
        builder.Services.Configure<SocialCommerceRegistrations>(r => r.ReferralRewards = new ReferralRewardSource(rule, planName));
        builder.Services.TryAddSingleton(static sp => sp.GetRequiredService<SocialCommerceRuntime>().ReferralRewardBook
            ?? throw new InvalidOperationException("The referral-reward rule was refused at start; see the start-up validation failure."));
        return builder;
    }
}
