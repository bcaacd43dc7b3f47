using System.Globalization;

namespace SocialCommerce.Testing;

/// <summary>One generated growth activity: its kind, the minutes since the previous step, and its data.</summary>
/// <param name="Kind">What the step does.</param>
/// <param name="GapMinutes">Minutes after the previous step (0: the same instant).</param>
/// <param name="AmountMinorUnits">The amount of an order or a referral's first order, in fen.</param>
/// <param name="Rank">A competition's rank (1 to 6); for a referral, a rank divisible by 3 makes the order amount zero.</param>
/// <param name="Target">Picks the refunded order, the referred member, the task or course, or the reposted activity.</param>
public sealed record ActivityStep(ActivityStepKind Kind, int GapMinutes, int AmountMinorUnits, int Rank, int Target)
{
    /// <summary>Formats as <c>Order+30m(1999,1,7)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}+{GapMinutes}m({AmountMinorUnits},{Rank},{Target})");
}
