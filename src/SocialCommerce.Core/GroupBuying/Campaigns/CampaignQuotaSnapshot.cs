using System.Collections.Generic;

namespace SocialCommerce.GroupBuying;

/// <summary>A campaign's quota as stored (<see cref="CampaignQuota.ToSnapshot"/>, <see cref="CampaignQuota.FromSnapshot"/>): its seats; the counts follow from them.</summary>
/// <param name="SchemaVersion">The JSON schema version (<see cref="Serialization.SocialCommerceJson.SchemaVersion"/>).</param>
/// <param name="CampaignName">The campaign (its terms are named, not copied).</param>
/// <param name="Seats">Every seat, in the order reserved.</param>
public sealed record CampaignQuotaSnapshot(int SchemaVersion, string CampaignName, IReadOnlyList<CampaignSeat> Seats);
