namespace SocialCommerce.Commissions;

/// <summary>
/// Fills one product or category override of a <see cref="CommissionPlanBuilder"/>.
/// </summary>
/// <remarks>Each level pays a rate or a fixed amount per unit; levels must be contiguous from 1. Checked by <see cref="CommissionPlanBuilder.Build"/>.</remarks>
public sealed class CommissionOverrideBuilder
{
    private readonly OverrideDraft _draft;

    internal CommissionOverrideBuilder(OverrideDraft draft) => _draft = draft;

    /// <summary>Pays a rate of the line's base at an upline level.</summary>
    /// <param name="level">The upline level (1 is the buyer's direct referrer).</param>
    /// <param name="rate">The rate.</param>
    /// <returns>This builder.</returns>
    public CommissionOverrideBuilder Level(int level, Rate rate)
    {
        _draft.Levels.Add(new PayoutEntry(level, rate.Fraction, null));
        return this;
    }

    /// <summary>Pays a fixed amount per unit sold at an upline level.</summary>
    /// <param name="level">The upline level (1 is the buyer's direct referrer).</param>
    /// <param name="amountPerUnit">The amount per unit, in the plan's currency.</param>
    /// <returns>This builder.</returns>
    public CommissionOverrideBuilder FixedPerUnit(int level, Money amountPerUnit)
    {
        _draft.Levels.Add(new PayoutEntry(level, null, amountPerUnit));
        return this;
    }
}
