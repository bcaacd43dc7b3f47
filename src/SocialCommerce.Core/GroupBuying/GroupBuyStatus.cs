namespace SocialCommerce.GroupBuying;

/// <summary>
/// Where a team-up group is in its life: open, then exactly one of formed, failed or cancelled.
/// </summary>
/// <remarks>Formed, failed and cancelled are final: nothing changes a group after them.</remarks>
public enum GroupBuyStatus
{
    /// <summary>Opened by its leader and accepting members until the deadline or until full.</summary>
    Open = 0,

    /// <summary>Closed with enough participants; everyone pays the tier reached.</summary>
    Formed = 1,

    /// <summary>Closed at the deadline without enough participants; everyone was refunded.</summary>
    Failed = 2,

    /// <summary>Cancelled by the host before it closed; everyone was refunded.</summary>
    Cancelled = 3,
}
