namespace SocialCommerce.Sharing;

/// <summary>Why a share reward was not given.</summary>
public enum ShareRewardRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The purchase was the sharer's own.</summary>
    SelfPurchase = 1,

    /// <summary>The purchase paid less than the rule's minimum (or is in another currency).</summary>
    BelowMinimumPurchase = 2,

    /// <summary>The sharer reached the daily cap on the purchase's local day.</summary>
    DailyCapReached = 3,

    /// <summary>The sharer reached the cap of the rolling period.</summary>
    PeriodCapReached = 4,

    /// <summary>The purchase rewarded a share before, with another sharer or code.</summary>
    ConflictingDuplicate = 5,
}
