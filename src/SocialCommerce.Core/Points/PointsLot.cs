using NodaTime;

namespace SocialCommerce.Points;

/// <summary>A lot as it stands: what it earned and where its points are. <c>Points = Available + Frozen + Reserved + Spent + Expired + TakenBack</c>.</summary>
/// <param name="Earning">The earning that made it.</param>
/// <param name="FrozenUntil">When a purchase lot becomes available (completion + return window); null while the purchase has not completed, and for other lots.</param>
/// <param name="Available">Spendable.</param>
/// <param name="Frozen">Frozen (a purchase lot before its freeze ends).</param>
/// <param name="Reserved">Held for orders.</param>
/// <param name="Spent">Spent.</param>
/// <param name="Expired">Expired.</param>
/// <param name="TakenBack">Taken back.</param>
public readonly record struct PointsLot(PointsEarning Earning, Instant? FrozenUntil, long Available, long Frozen, long Reserved, long Spent, long Expired, long TakenBack);
