using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.Serialization;

/// <summary>
/// The source-generated System.Text.Json contracts of the SDK's public values, reached through
/// <see cref="SocialCommerceJson"/> (which adds the converters for money, ids and NodaTime values).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(Currency))]
[JsonSerializable(typeof(Rate))]
[JsonSerializable(typeof(MemberId))]
[JsonSerializable(typeof(GroupBuyId))]
[JsonSerializable(typeof(ActivityId))]
[JsonSerializable(typeof(CommissionQuote))]
[JsonSerializable(typeof(CommissionLine))]
[JsonSerializable(typeof(ImmutableArray<CommissionLine>))]
[JsonSerializable(typeof(CommissionAdjustment))]
[JsonSerializable(typeof(ComplianceFinding))]
[JsonSerializable(typeof(PlanFacts))]
[JsonSerializable(typeof(Sale))]
[JsonSerializable(typeof(LedgerSale))]
[JsonSerializable(typeof(LedgerEntry))]
[JsonSerializable(typeof(IReadOnlyList<LedgerEntry>))]
[JsonSerializable(typeof(LedgerBalance))]
[JsonSerializable(typeof(LedgerWithdrawal))]
[JsonSerializable(typeof(GroupBuyEvent))]
[JsonSerializable(typeof(IReadOnlyList<GroupBuyEvent>))]
[JsonSerializable(typeof(GroupBuySnapshot))]
[JsonSerializable(typeof(CommunityBatchSettlement))]
[JsonSerializable(typeof(GrowthEvent))]
[JsonSerializable(typeof(IReadOnlyList<GrowthEvent>))]
[JsonSerializable(typeof(ReferralBinding))]
[JsonSerializable(typeof(NetworkSnapshot))]
[JsonSerializable(typeof(GrowthSnapshot))]
[JsonSerializable(typeof(LedgerSnapshot))]
[JsonSerializable(typeof(LedgerRefund))]
[JsonSerializable(typeof(CommunityBatchSnapshot))]
[JsonSerializable(typeof(CommissionAccountSnapshot))]
[JsonSerializable(typeof(WithdrawalRecord))]
[JsonSerializable(typeof(AccountAdjustment))]
[JsonSerializable(typeof(SaleCommissionSnapshot))]
[JsonSerializable(typeof(AccountPosting))]
[JsonSerializable(typeof(InvitationId))]
[JsonSerializable(typeof(InvitationEvent))]
[JsonSerializable(typeof(IReadOnlyList<InvitationEvent>))]
[JsonSerializable(typeof(InvitationSnapshot))]
[JsonSerializable(typeof(SocialCommerce.Points.PointsWalletSnapshot))]
[JsonSerializable(typeof(SocialCommerce.Coupons.IssuedCouponSnapshot))]
[JsonSerializable(typeof(SocialCommerce.GroupBuying.CampaignQuotaSnapshot))]
[JsonSerializable(typeof(ReferralRewardEvent))]
[JsonSerializable(typeof(IReadOnlyList<ReferralRewardEvent>))]
internal sealed partial class SocialCommerceJsonContext : JsonSerializerContext
{
}
