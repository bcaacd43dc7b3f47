namespace SocialCommerce.Commissions;

/// <summary>A hold on a sale's earnings (<see cref="SaleCommissionRecord.Hold"/>): its id, its reason and whether it was lifted.</summary>
/// <param name="HoldId">The hold's id, unique within the sale (the host's review or case id).</param>
/// <param name="Reason">Why the sale is held.</param>
/// <param name="IsLifted">Whether it was lifted (or ended by a decline).</param>
public sealed record SaleHold(string HoldId, string Reason, bool IsLifted);
