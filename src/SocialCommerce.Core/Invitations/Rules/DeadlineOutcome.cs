namespace SocialCommerce.Invitations;

/// <summary>What a bargain that did not reach its floor by the deadline leaves to its owner.</summary>
public enum DeadlineOutcome
{
    /// <summary>Nothing: the bargain failed.</summary>
    Fail = 0,

    /// <summary>The owner may buy at the price reached.</summary>
    BuyAtReachedPrice = 1,
}
