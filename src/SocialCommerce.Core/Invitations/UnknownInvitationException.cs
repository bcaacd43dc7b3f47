using System.Collections.Generic;

namespace SocialCommerce.Invitations;

/// <summary>Thrown when an <see cref="InvitationBook"/> is asked for an invitation, or a rule, it does not hold.</summary>
public sealed class UnknownInvitationException : UnknownIdException
{
    /// <summary>Creates the exception for an unknown invitation.</summary>
    /// <param name="invitationId">The invitation that was not found.</param>
    public UnknownInvitationException(InvitationId invitationId)
        : base("invitation", invitationId.ToString(), $"Invitation {invitationId} is not in the book.")
    {
        InvitationId = invitationId;
    }

    /// <summary>Creates the exception for an unknown rule.</summary>
    /// <param name="ruleName">The rule that was not found.</param>
    /// <param name="known">The names the book holds, for the message.</param>
    public UnknownInvitationException(string ruleName, IEnumerable<string> known)
        : base("invitation rule", ruleName, $"No invitation rule named '{ruleName}' is in the book. Rules: {string.Join(", ", known)}.")
    {
        RuleName = ruleName;
    }

    /// <summary>Gets the invitation that was not found; default when a rule was not found.</summary>
    public InvitationId InvitationId { get; }

    /// <summary>Gets the rule that was not found; null when an invitation was not found.</summary>
    public string? RuleName { get; }
}
