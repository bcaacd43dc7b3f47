using SocialCommerce.Invitations;

namespace SocialCommerce.Telemetry;

/// <summary>What <see cref="SocialCommerceListener.OnInvitation"/> receives.</summary>
public readonly struct InvitationArguments
{
    internal InvitationArguments(string ruleName, InvitationKind kind, InvitationResult result)
    {
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
