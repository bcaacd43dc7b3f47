namespace SocialCommerce.GroupBuying;

/// <summary>
/// A price tier of a group-buy rule: from <paramref name="Participants"/> participants on, each
/// participant pays <paramref name="UnitPrice"/>.
/// </summary>
/// <remarks>
/// The tier that applies is the one with the largest participant count not above the group's final
/// count (simulated participants included); it applies to everyone in the group.
/// </remarks>
/// <param name="Participants">The participant count (leader included) from which the tier applies.</param>
/// <param name="UnitPrice">What each participant pays for the seat, in whole minor units.</param>
public readonly record struct PriceTier(int Participants, Money UnitPrice);
