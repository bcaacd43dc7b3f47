using System.Collections.Generic;

namespace SocialCommerce.Commissions;

/// <summary>
/// Replaces a plan's level rates for one product or one category: another rate per level, or a fixed amount
/// per unit per level (as mall systems set per-SKU first- and second-level brokerage amounts).
/// </summary>
/// <remarks>
/// The override replaces the whole level schedule for the sale lines it matches: levels it does not list
/// earn nothing from those lines. A product override wins over a category override. Immutable.
/// </remarks>
public sealed class CommissionOverride
{
    internal CommissionOverride(OverrideTarget target, string key, LevelPayout[] levels)
    {
        Target = target;
        Key = key;
        Levels = levels;
    }

    /// <summary>Gets what the override applies to.</summary>
    public OverrideTarget Target { get; }

    /// <summary>Gets the product id or category it applies to (ordinal comparison).</summary>
    public string Key { get; }

    /// <summary>Gets the payouts of levels 1..n, in level order.</summary>
    public IReadOnlyList<LevelPayout> Levels { get; }

    /// <summary>Formats as <c>"Category books: L1: 20 %"</c>.</summary>
    public override string ToString() => $"{Target} {Key}: {string.Join(", ", Levels)}";
}
