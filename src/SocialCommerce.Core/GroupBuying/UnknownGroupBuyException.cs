using System.Collections.Generic;

namespace SocialCommerce.GroupBuying;

/// <summary>Thrown when a <see cref="GroupBuyBook"/> is asked for a group it does not hold.</summary>
public sealed class UnknownGroupBuyException : UnknownIdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="groupId">The group that was not found.</param>
    public UnknownGroupBuyException(GroupBuyId groupId)
        : base("group", groupId.ToString(), $"Group {groupId} is not in the book.")
    {
        GroupId = groupId;
    }

    /// <summary>Gets the group that was not found.</summary>
    public GroupBuyId GroupId { get; }
}
