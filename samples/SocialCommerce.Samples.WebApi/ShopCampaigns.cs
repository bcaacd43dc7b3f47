using NodaTime;
using SocialCommerce.GroupBuying;

namespace SocialCommerce.Samples.WebApi;

/// <summary>The shop's group-buy campaigns (拼团活动): a SKU price, a quota per SKU, limits per order and per member.</summary>
public static class ShopCampaigns
{
    /// <summary>
    /// Tea for three, all year: two SKUs, 3 units an order, 6 a member, groups of three within a day; a leader who
    /// leaves hands the group to the next joiner and the day starts again.
    /// </summary>
    public static GroupBuyCampaign Tea { get; } = GroupBuyCampaign.Create("tea-for-three", new GroupBuyCampaignOptions
    {
        Starts = Instant.FromUtc(2026, 1, 1, 0, 0),
        Ends = Instant.FromUtc(2126, 1, 1, 0, 0),
        Skus =
        [
            new CampaignSku("TEA-250G", new Money(39.90m, Currency.CNY), quota: 200),
            new CampaignSku("TEA-SET", new Money(129m, Currency.CNY), quota: 20),
        ],
        MaxUnitsPerOrder = 3,
        MaxUnitsPerMember = 6,
        Rule = GroupBuyRule.Create("threes", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromDays(1))
            .AddTier(3, 0m).AllowUnitsPerParticipant(3).OnLeaderLeaving(HandOverDeadline.Reset).Build(),
    });
}
