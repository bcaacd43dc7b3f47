namespace SocialCommerce.GroupBuying;

/// <summary>The outcome of closing a community batch: the settlement, or a refusal (nothing applied).</summary>
/// <param name="Refusal">Why closing was refused; <see cref="CommunityBatchRefusal.None"/> when closed.</param>
/// <param name="Settlement">The settlement, or <see langword="null"/> when refused.</param>
public readonly record struct CommunityCloseResult(CommunityBatchRefusal Refusal, CommunityBatchSettlement? Settlement)
{
    /// <summary>Gets a value indicating whether the batch is closed with this settlement (by this call, or before: <see cref="IsDuplicate"/>).</summary>
    public bool IsClosed => Refusal == CommunityBatchRefusal.None;

    /// <summary>Gets a value indicating whether the batch was closed before and this call changed nothing (a resend): the settlement is the first one.</summary>
    public bool IsDuplicate { get; init; }
}
