namespace SocialCommerce.GroupBuying;

/// <summary>Why a community batch refused an action; <see cref="None"/> when accepted.</summary>
public enum CommunityBatchRefusal
{
    /// <summary>The action was accepted.</summary>
    None = 0,

    /// <summary>The order came at or after the cut-off (cut-offs are exclusive).</summary>
    CutOffPassed = 1,

    /// <summary>The order would take the member past a product's per-member limit.</summary>
    PerMemberLimitExceeded = 2,

    /// <summary>No longer returned: a resent order is accepted as a duplicate (<see cref="CommunityOrderResult.IsDuplicate"/>), and another order under a used id is <see cref="ConflictingDuplicate"/>.</summary>
    [System.Obsolete("A resent order is accepted as a duplicate (CommunityOrderResult.IsDuplicate); another order under a used id is ConflictingDuplicate.")]
    DuplicateOrder = 3,

    /// <summary>The batch is already closed.</summary>
    AlreadyClosed = 4,

    /// <summary>Closing was asked before the cut-off; the batch stays open.</summary>
    NotYetDue = 5,

    /// <summary>An order with this id but another member or other lines was already accepted; the first stands.</summary>
    ConflictingDuplicate = 6,
}
