namespace SocialCommerce.GroupBuying;

/// <summary>The outcome of closing a community batch: the settlement, or a refusal (nothing applied).</summary>
/// <param name="Refusal">Why closing was refused; <see cref="CommunityBatchRefusal.None"/> when closed.</param>
/// <param name="Settlement">The settlement, or <see langword="null"/> when refused.</param>
public readonly record struct CommunityCloseResult(CommunityBatchRefusal Refusal, CommunityBatchSettlement? Settlement)
{
    /// <summary>Gets a value indicating whether the batch was closed by this call.</summary>
    public bool IsClosed => Refusal == CommunityBatchRefusal.None;
}
