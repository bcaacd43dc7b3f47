using SocialCommerce.Commissions;
using SocialCommerce.Invitations;

namespace SocialCommerce.EntityFrameworkCore.Invitations;

/// <summary>What <see cref="StoredReferralRewards.PostAsync"/> did: the referral-reward decision and the ledger posting of the sale with its reward lines.</summary>
/// <param name="Reward">The claim: accepted, a duplicate (a retry), or refused (not a first qualifying purchase).</param>
/// <param name="Ledger">The ledger's result for the sale as posted.</param>
/// <param name="Posted">The sale as posted: the quoted earnings plus the reward lines when the sale claimed money rewards.</param>
public sealed record ReferralPosting(ReferralRewardResult Reward, SaleCommissionResult Ledger, LedgerSale Posted);
