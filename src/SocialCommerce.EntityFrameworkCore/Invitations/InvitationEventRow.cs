using SocialCommerce.EntityFrameworkCore.Execution;

namespace SocialCommerce.EntityFrameworkCore.Invitations;

/// <summary>One event of an invitation; (InvitationId, Version) is the primary key, so an append at a version already taken fails.</summary>
internal sealed class InvitationEventRow : IEventRow
{
    /// <summary>Gets or sets: The invitation.</summary>
    public long InvitationId { get; set; }

    /// <summary>Gets or sets: The event's version in the invitation, from 1.</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets: The event's type.</summary>
    public string Type { get; set; } = "";

    /// <summary>Gets or sets: The schema version of Event.</summary>
    public int SchemaVersion { get; set; }

    /// <summary>Gets or sets: The InvitationEvent as JSON.</summary>
    public string Event { get; set; } = "";

    /// <summary>Gets or sets: When it happened, in Unix ticks.</summary>
    public long At { get; set; }
}
