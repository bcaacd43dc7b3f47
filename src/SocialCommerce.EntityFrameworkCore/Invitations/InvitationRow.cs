namespace SocialCommerce.EntityFrameworkCore.Invitations;

/// <summary>An invitation's head: status and deadline as columns (for listing and the close-due job); its history is in InvitationEventRow.</summary>
internal sealed class InvitationRow
{
    /// <summary>Gets or sets: The invitation.</summary>
    public long InvitationId { get; set; }

    /// <summary>Gets or sets: The rule it was opened under.</summary>
    public string RuleName { get; set; } = "";

    /// <summary>Gets or sets: The owner.</summary>
    public long OwnerId { get; set; }

    /// <summary>Gets or sets: The InvitationStatus.</summary>
    public int Status { get; set; }

    /// <summary>Gets or sets: The deadline, in Unix ticks.</summary>
    public long Deadline { get; set; }

    /// <summary>Gets or sets: The number of events (optimistic concurrency).</summary>
    public long Version { get; set; }
}
