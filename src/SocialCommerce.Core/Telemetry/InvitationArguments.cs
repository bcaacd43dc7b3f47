using System;
using SocialCommerce.Invitations;

namespace SocialCommerce.Telemetry;

/// <summary>What <see cref="SocialCommerceListener.OnInvitation"/> receives.</summary>
public readonly struct InvitationArguments
{
    /// <summary>Initializes the arguments of an invitation command an engine or a store decided (and, when accepted, committed).</summary>
    /// <param name="ruleName">The invitation's rule.</param>
    /// <param name="kind">The rule's kind.</param>
    /// <param name="result">The result.</param>
    public InvitationArguments(string ruleName, InvitationKind kind, InvitationResult result)
    {
        ArgumentNullException.ThrowIfNull(ruleName);
        RuleName = ruleName;
        Kind = kind;
        Result = result;
    }

    /// <summary>Gets the name of the invitation's rule.</summary>
    public string RuleName { get; }

    /// <summary>Gets whether it is a bargain or an assist.</summary>
    public InvitationKind Kind { get; }

    /// <summary>Gets the result: accepted with its events, or refused with a reason.</summary>
    public InvitationResult Result { get; }
}
