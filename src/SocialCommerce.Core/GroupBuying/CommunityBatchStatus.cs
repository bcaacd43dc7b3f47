namespace SocialCommerce.GroupBuying;

/// <summary>Where a community batch is: taking orders, or closed at the cut-off (final).</summary>
public enum CommunityBatchStatus
{
    /// <summary>Taking orders until the cut-off.</summary>
    Open = 0,

    /// <summary>Closed at the cut-off: products confirmed or refunded, commission quoted.</summary>
    Closed = 1,
}
