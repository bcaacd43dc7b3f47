using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Sharing;

namespace SocialCommerce.Core.Tests.Sharing;

public sealed record SharePurchases(int DailyCap, int PeriodCap, int PeriodDays, (int Sale, int Buyer, int Hours, int Paid)[] Purchases)
{
    public override string ToString() => $"daily {DailyCap} period {PeriodCap}/{PeriodDays}d: {string.Join(" ", Purchases.Select(p => $"S{p.Sale}/m{p.Buyer}+{p.Hours}h:{p.Paid}"))}";
}

public static class ShareArbitraries
{
    public static Arbitrary<SharePurchases> Purchases() =>
        (from daily in Gen.Choose(1, 4)
         from period in Gen.Choose(1, 12)
         from days in Gen.Choose(1, 10)
         from purchases in (from sale in Gen.Choose(0, 40) from buyer in Gen.Choose(1, 4) from hours in Gen.Choose(0, 24 * 30) from paid in Gen.Choose(0, 200) select (sale, buyer, hours, paid)).ArrayOf()
         select new SharePurchases(daily, period, days, purchases)).ToArbitrary();
}

/// <summary>Share rewards (issue 27): only someone else's real purchase rewards a share, within the caps.</summary>
public sealed class ShareRewardTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static Sale Purchase(string id, long buyer, Instant at, decimal paid) =>
        new(id, new MemberId(buyer), at, Currency.CNY, [new SaleLine("TEA-1", "tea", 1, new Money(paid, Currency.CNY))]);

    [Fact]
    public void A_share_earns_only_when_someone_else_buys_at_least_the_minimum_and_each_purchase_rewards_once()
    {
        var rule = ShareRewardRule.Create("share-10", new ShareRewardRuleOptions { Points = 10, MinimumPurchase = new Money(20m, Currency.CNY), DailyCap = 2, DayZone = Shanghai });
        var sharer = new SharerRewards(rule, new MemberId(1));

        Assert.Equal(ShareRewardRefusal.SelfPurchase, sharer.Claim("share-a", Purchase("S-0", 1, T0, 99m)).Refusal);
        Assert.Equal(ShareRewardRefusal.BelowMinimumPurchase, sharer.Claim("share-a", Purchase("S-1", 2, T0, 19.99m)).Refusal);
        var rewarded = sharer.Claim("share-a", Purchase("S-2", 2, T0, 20m));
        Assert.True(rewarded.IsRewarded);
        Assert.Equal((10L, "S-2"), (rewarded.Reward!.Points, rewarded.Reward.SaleId));
        Assert.True(sharer.Claim("share-a", Purchase("S-2", 2, T0, 20m)).IsDuplicate);
        Assert.Equal(ShareRewardRefusal.ConflictingDuplicate, sharer.Claim("share-b", Purchase("S-2", 2, T0, 20m)).Refusal);

        Assert.True(sharer.Claim("share-a", Purchase("S-3", 3, T0 + Duration.FromHours(3), 30m)).IsRewarded);
        var capped = sharer.Claim("share-a", Purchase("S-4", 4, T0 + Duration.FromHours(4), 30m));
        Assert.Equal(ShareRewardRefusal.DailyCapReached, capped.Refusal);
        Assert.Contains("2026-11-01", capped.Message);

        // T0 is 08:00 in Shanghai: 16 hours later is the next local day there.
        Assert.True(sharer.Claim("share-a", Purchase("S-5", 4, T0 + Duration.FromHours(16), 30m)).IsRewarded);
    }

    [Fact]
    public void A_rule_gives_points_or_a_coupon_exactly_one()
    {
        Assert.Throws<ArgumentException>(() => ShareRewardRule.Create("both", new ShareRewardRuleOptions { Points = 5, CouponTemplateId = "T-1", MinimumPurchase = Money.Zero(Currency.CNY) }));
        Assert.Throws<ArgumentException>(() => ShareRewardRule.Create("none", new ShareRewardRuleOptions { MinimumPurchase = Money.Zero(Currency.CNY) }));
        var coupon = ShareRewardRule.Create("coupon", new ShareRewardRuleOptions { CouponTemplateId = "T-1", MinimumPurchase = Money.Zero(Currency.CNY) });
        var reward = new SharerRewards(coupon, new MemberId(1)).Claim("s", Purchase("S-1", 2, T0, 1m)).Reward!;
        Assert.Equal(("T-1", 0L), (reward.CouponTemplateId, reward.Points));
    }

    [Property(Arbitrary = [typeof(ShareArbitraries)], MaxTest = 600)]
    public void Rewards_never_pass_the_daily_or_period_caps_in_any_order_never_for_a_self_purchase_and_once_a_purchase(SharePurchases c)
    {
        var rule = ShareRewardRule.Create("caps", new ShareRewardRuleOptions
        {
            Points = 1,
            MinimumPurchase = new Money(50m, Currency.CNY),
            DailyCap = c.DailyCap,
            PeriodCap = c.PeriodCap,
            Period = Duration.FromDays(c.PeriodDays),
            DayZone = Shanghai,
        });
        var sharer = new SharerRewards(rule, new MemberId(1));
        var first = new System.Collections.Generic.Dictionary<int, (int Buyer, int Hours, int Paid)>();
        foreach (var (sale, buyer, hours, paid) in c.Purchases)
        {
            // A sale id is one purchase: its first appearance fixes its content; later ones resend it.
            var content = first.TryGetValue(sale, out var seen) ? seen : first[sale] = (buyer, hours, paid);
            var result = sharer.Claim("share", Purchase($"S-{sale}", content.Buyer, T0 + Duration.FromHours(content.Hours), content.Paid));
            if (result.IsRewarded)
            {
                Assert.NotEqual(1, content.Buyer);
                Assert.True(content.Paid >= 50);
            }
        }

        var times = sharer.Rewards.Select(r => r.At).ToArray();
        Assert.Equal(times.Length, sharer.Rewards.Select(r => r.SaleId).Distinct().Count());
        Assert.All(times.GroupBy(t => t.InZone(Shanghai).Date), day => Assert.True(day.Count() <= c.DailyCap, c.ToString()));
        Assert.All(times, start => Assert.True(times.Count(t => t >= start && t < start + Duration.FromDays(c.PeriodDays)) <= c.PeriodCap, c.ToString()));
    }
}
