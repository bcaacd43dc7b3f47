namespace SocialCommerce.GroupBuying;

/// <summary>What decides the price tier of a formed group (<see cref="GroupBuyRule.TierBasis"/>).</summary>
public enum GroupBuyTierBasis
{
    /// <summary>The group's participants, leader and simulated participants included.</summary>
    Participants = 0,

    /// <summary>The units its participants took (a simulated participant counts one unit).</summary>
    Units = 1,
}
