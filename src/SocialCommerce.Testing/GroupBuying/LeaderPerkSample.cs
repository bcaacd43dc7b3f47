namespace SocialCommerce.Testing;

/// <summary>The leader's perk of a generated group-buy rule (its value is <see cref="GroupBuyScenario.PerkValue"/>).</summary>
public enum LeaderPerkSample
{
    /// <summary>No perk: the leader pays the tier price.</summary>
    None = 0,

    /// <summary>The leader pays nothing.</summary>
    Free = 1,

    /// <summary>A fixed discount of <see cref="GroupBuyScenario.PerkValue"/> minor units.</summary>
    FixedDiscount = 2,

    /// <summary>A discount of <see cref="GroupBuyScenario.PerkValue"/> percent (capped at 100).</summary>
    PercentOff = 3,
}
