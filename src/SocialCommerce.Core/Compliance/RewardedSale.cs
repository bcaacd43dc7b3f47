using SocialCommerce.Network;

namespace SocialCommerce.Compliance;

/// <summary>
/// A sale of the audited period that earned rewards, as the retail-share check sees it.
/// </summary>
/// <param name="Buyer">Who bought.</param>
/// <param name="Amount">The rewarded volume of the sale (its commissionable base).</param>
/// <param name="BuyerIsParticipant">
/// Whether the buyer is a participant of the scheme (a distributor or member who can earn rewards) rather than an
/// outside customer. Purchases by participants, including for their own use, do not count as retail sales.
/// </param>
public readonly record struct RewardedSale(MemberId Buyer, Money Amount, bool BuyerIsParticipant);
