namespace SocialCommerce.Invitations;

/// <summary>Why an invitation refused an action. Each refusal changes nothing.</summary>
public enum InvitationRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The owner tried to help their own invitation, which the rule's eligibility forbids.</summary>
    OwnerHelping = 1,

    /// <summary>
    /// The helper has already given every help the rule allows per helper and invitation. Since 0.2 a help is identified
    /// by its invitation and helper, so such a help is answered as a duplicate of the helper's last help
    /// (<see cref="InvitationResult.IsDuplicate"/>) and this value is no longer returned by <see cref="Invitation.Help"/>.
    /// </summary>
    AlreadyHelped = 2,

    /// <summary>The helper has used their helps for the day under this rule (<see cref="InvitationRule.HelpsPerHelperPerDay"/>).</summary>
    HelperQuotaReached = 3,

    /// <summary>The action came at or after the deadline (exclusive), or the invitation was closed at it.</summary>
    Expired = 4,

    /// <summary>The invitation already has every help it needs.</summary>
    Completed = 5,

    /// <summary>The helper is not eligible: the rule admits only new members and the helper is not one.</summary>
    NotEligible = 6,

    /// <summary>
    /// The help was bought (a paid accelerator or extra help) and the rule or the compliance profile forbids paid help
    /// (finding <c>SC501</c>).
    /// </summary>
    PaidHelpForbidden = 7,

    /// <summary>Closing was asked before the deadline while the invitation is still open.</summary>
    BeforeDeadline = 8,

    /// <summary>The command's identity (an invitation id) was already used with other content (another rule or owner); the first stands.</summary>
    ConflictingDuplicate = 9,
}
