namespace SocialCommerce.GroupBuying;

/// <summary>
/// Why a team-up group refused an action; <see cref="None"/> when the action was accepted.
/// </summary>
/// <remarks>These are ordinary business outcomes, reported as values rather than exceptions.</remarks>
public enum GroupBuyRefusal
{
    /// <summary>The action was accepted.</summary>
    None = 0,

    /// <summary>The group filled up to its capacity (its maximum, or the required count) and formed.</summary>
    GroupFull = 1,

    /// <summary>The group has already formed below its capacity (at the deadline); it is final.</summary>
    AlreadyFormed = 2,

    /// <summary>The group has already failed; it is final.</summary>
    Failed = 3,

    /// <summary>The host cancelled the group; it is final.</summary>
    Cancelled = 4,

    /// <summary>The action's instant is at or after the group's deadline (deadlines are exclusive).</summary>
    Expired = 5,

    /// <summary>
    /// The member already holds a seat in this group (one seat per member per group). Since 0.2 a join is identified by
    /// its group and member, so a second join is answered as a duplicate of the first (<see cref="GroupBuyResult.IsDuplicate"/>)
    /// and this value is no longer returned by <see cref="GroupBuy.Join"/>.
    /// </summary>
    AlreadyJoined = 6,

    /// <summary>The member leads this group; a leader cannot also join it.</summary>
    LeaderJoiningOwnGroup = 7,

    /// <summary>The rule admits only new members and the member is not new.</summary>
    MemberNotNew = 8,

    /// <summary>The member already takes part in the rule's maximum of concurrently open groups.</summary>
    TooManyOpenGroups = 9,

    /// <summary>Closing at the deadline was asked before the deadline; the group stays open.</summary>
    NotYetDue = 10,

    /// <summary>The command's identity (a group id) was already used with other content (another rule or leader); the first stands.</summary>
    ConflictingDuplicate = 11,

    /// <summary>The member left this group before it formed; a seat given up is not taken again (join another group).</summary>
    LeftGroup = 12,

    /// <summary>The member holds no seat in this group (never joined, or left it).</summary>
    NotParticipant = 13,

    /// <summary>A refund after formation was asked of a group that has not formed (a participant of an open group leaves instead).</summary>
    NotFormed = 14,

    /// <summary>The join or opening asked for more units than the rule lets one participant take (<see cref="GroupBuyRule.MaxUnitsPerParticipant"/>).</summary>
    TooManyUnits = 15,

    /// <summary>The campaign refused the seat before the group was asked (window, SKU, a limit, the quota): see <see cref="CampaignResult.QuotaRefusal"/>.</summary>
    CampaignRefused = 16,
}
