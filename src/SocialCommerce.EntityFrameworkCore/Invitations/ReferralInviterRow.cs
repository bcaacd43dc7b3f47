namespace SocialCommerce.EntityFrameworkCore.Invitations;

/// <summary>An inviter's claim counter: bumped by every claim of their friends, so racing claims near the cap conflict instead of both passing.</summary>
internal sealed class ReferralInviterRow
{
    /// <summary>Gets or sets: The inviter.</summary>
    public long InviterId { get; set; }

    /// <summary>Gets or sets: Claims ever made for this inviter.</summary>
    public long Claims { get; set; }

    /// <summary>Gets or sets: The row's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
