using SocialCommerce.EntityFrameworkCore.Execution;

namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>One event of a group buy; (GroupId, Version) is the primary key, so an append at a version already taken fails.</summary>
internal sealed class GroupEventRow : IEventRow
{
    /// <summary>Gets or sets: The group.</summary>
    public long GroupId { get; set; }

    /// <summary>Gets or sets: The event's version in the group, from 1.</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets: The event's type discriminator.</summary>
    public string Type { get; set; } = "";

    /// <summary>Gets or sets: The schema version of Event.</summary>
    public int SchemaVersion { get; set; }

    /// <summary>Gets or sets: The GroupBuyEvent as JSON.</summary>
    public string Event { get; set; } = "";

    /// <summary>Gets or sets: When it happened, in Unix ticks.</summary>
    public long At { get; set; }
}
