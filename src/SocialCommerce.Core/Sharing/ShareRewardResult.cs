namespace SocialCommerce.Sharing;

/// <summary>What a share reward claim did.</summary>
/// <param name="Reward">The reward (given now, or before for a duplicate); null when refused.</param>
/// <param name="IsDuplicate">Whether the purchase rewarded this share before.</param>
/// <param name="Refusal">Why refused, or <see cref="ShareRewardRefusal.None"/>.</param>
/// <param name="Message">What happened, naming the sharer, the sale and the cap.</param>
public sealed record ShareRewardResult(ShareReward? Reward, bool IsDuplicate, ShareRewardRefusal Refusal, string Message)
{
    /// <summary>Gets a value indicating whether a reward was given now.</summary>
    public bool IsRewarded => Reward is not null && !IsDuplicate;
}
