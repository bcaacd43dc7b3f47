namespace SocialCommerce.GroupBuying;

/// <summary>
/// What the leader of a formed group gets on top of the tier price.
/// </summary>
public enum LeaderPerkKind
{
    /// <summary>No perk: the leader pays the tier price like everyone else.</summary>
    None = 0,

    /// <summary>The leader's seat is free (团长免单).</summary>
    Free = 1,

    /// <summary>A fixed amount off the leader's tier price, never below zero.</summary>
    FixedDiscount = 2,

    /// <summary>A rate off the leader's tier price; the discount is rounded toward zero to the minor unit.</summary>
    RateOff = 3,
}
