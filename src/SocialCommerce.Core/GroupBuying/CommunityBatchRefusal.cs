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

    /// <summary>An order with the same id was already accepted; nothing was applied again.</summary>
    DuplicateOrder = 3,

    /// <summary>The batch is already closed.</summary>
    AlreadyClosed = 4,

    /// <summary>Closing was asked before the cut-off; the batch stays open.</summary>
    NotYetDue = 5,
}
