namespace SocialCommerce.Points;

/// <summary>
/// A wallet's points by state. Exactly, always: <c>Earned = Available + Frozen + Reserved + Spent + Expired + TakenBack</c>.
/// <see cref="Debt"/> is owed and repaid from the next earnings; <see cref="WrittenOff"/> is what a capped take-back
/// could not find.
/// </summary>
/// <param name="Earned">Every point of every lot.</param>
/// <param name="Available">Spendable now.</param>
/// <param name="Frozen">Earned by purchases not yet completed or still in their return window.</param>
/// <param name="Reserved">Held for orders not yet paid or cancelled.</param>
/// <param name="Spent">Paid with (less what refunds returned).</param>
/// <param name="Expired">Expired unspent.</param>
/// <param name="TakenBack">Taken back by refunds of the purchases that earned them, or to repay debt.</param>
/// <param name="Debt">Owed: taken back after being spent, to be repaid from the next earnings.</param>
/// <param name="WrittenOff">Not taken back because nothing was left to take (capped take-backs).</param>
public readonly record struct PointsBalance(long Earned, long Available, long Frozen, long Reserved, long Spent, long Expired, long TakenBack, long Debt, long WrittenOff)
{
    /// <summary>Gets a value indicating whether earned points equal the sum of their states.</summary>
    public bool IsConserved => Earned == Available + Frozen + Reserved + Spent + Expired + TakenBack;
}
