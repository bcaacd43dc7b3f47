using System;
using System.Linq;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.GroupBuying;

/// <summary>A campaign's quota and limits (issue 28) on the cases the open mall systems get wrong.</summary>
public sealed class CampaignQuotaExamples
{
    private static readonly Instant Starts = Instant.FromUtc(2026, 12, 12, 0, 0);
    private static readonly Currency Cny = Currency.CNY;

    private static GroupBuyCampaign Campaign(bool refundReturnsQuota = true) => GroupBuyCampaign.Create("double-12", new GroupBuyCampaignOptions
    {
        Starts = Starts,
        Ends = Starts + Duration.FromDays(1),
        Skus = [new CampaignSku("TEA-250G", new Money(39.90m, Cny), quota: 5), new CampaignSku("TEA-500G", new Money(69.90m, Cny), quota: 100)],
        MaxUnitsPerOrder = 3,
        MaxUnitsPerMember = 4,
        MaxGroupsPerMember = 2,
        RefundReturnsQuota = refundReturnsQuota,
    });

    [Fact]
    public void The_last_units_of_a_sku_go_to_the_first_joins_across_groups_and_the_next_is_refused_naming_what_is_left()
    {
        // yudao checks a join against the product's stock, not a campaign quota; here the campaign's 5 units are the limit.
        var quota = new CampaignQuota(Campaign());
        var at = Starts + Duration.FromHours(1);
        Assert.True(quota.Reserve(new GroupBuyId(1), new MemberId(1), "TEA-250G", 3, at).IsApplied);
        Assert.True(quota.Reserve(new GroupBuyId(2), new MemberId(2), "TEA-250G", 2, at).IsApplied);
        var refused = quota.Reserve(new GroupBuyId(2), new MemberId(3), "TEA-250G", 1, at);

        Assert.Equal(CampaignQuotaRefusal.QuotaExhausted, refused.Refusal);
        Assert.Contains("has 0 of its 5 units left", refused.Message);
        Assert.Equal((0, 5, 0), (quota.Left("TEA-250G"), quota.Reserved("TEA-250G"), quota.Sold("TEA-250G")));
        Assert.Equal(new Money(119.70m, Cny), quota.Find(new GroupBuyId(1), new MemberId(1))!.Amount);
    }

    [Fact]
    public void A_failed_group_gives_its_units_back_and_a_refund_after_formation_returns_or_withholds_them_by_rule()
    {
        foreach (var returns in new[] { true, false })
        {
            var quota = new CampaignQuota(Campaign(returns));
            var at = Starts + Duration.FromHours(1);
            quota.Reserve(new GroupBuyId(1), new MemberId(1), "TEA-250G", 2, at);
            quota.Reserve(new GroupBuyId(2), new MemberId(2), "TEA-250G", 3, at);

            // Group 1 fails at its deadline: its seat is released; group 2 forms: its seat is sold, then refunded.
            Assert.True(quota.Release(new GroupBuyId(1), new MemberId(1), at + Duration.FromHours(24)).IsApplied);
            Assert.True(quota.Sell(new GroupBuyId(2), new MemberId(2), at + Duration.FromHours(2)).IsApplied);
            Assert.Equal((2, 0, 3), (quota.Left("TEA-250G"), quota.Reserved("TEA-250G"), quota.Sold("TEA-250G")));
            var refund = quota.Refund(new GroupBuyId(2), new MemberId(2), at + Duration.FromDays(3));

            Assert.True(refund.IsApplied);
            Assert.Equal(returns ? (5, 0) : (2, 3), (quota.Left("TEA-250G"), quota.Withheld("TEA-250G")));
            Assert.Equal((0, 0), quota.HeldBy(new MemberId(2))); // a refunded seat no longer counts toward the limits
            Assert.Equal(CampaignQuotaOutcome.Duplicate, quota.Refund(new GroupBuyId(2), new MemberId(2), at + Duration.FromDays(4)).Outcome);
            Assert.Equal(CampaignQuotaOutcome.Duplicate, quota.Sell(new GroupBuyId(2), new MemberId(2), at + Duration.FromDays(4)).Outcome);
            Assert.Equal(CampaignQuotaRefusal.StateConflict, quota.Sell(new GroupBuyId(1), new MemberId(1), at + Duration.FromDays(4)).Refusal);
        }
    }

    [Fact]
    public void Limits_are_checked_at_the_join_and_the_refusal_names_the_limit()
    {
        var quota = new CampaignQuota(Campaign());
        var at = Starts + Duration.FromHours(1);
        var member = new MemberId(7);

        Assert.Contains("at most 3 units an order", quota.Reserve(new GroupBuyId(1), member, "TEA-500G", 4, at).Message);
        Assert.True(quota.Reserve(new GroupBuyId(1), member, "TEA-500G", 3, at).IsApplied);
        var units = quota.Reserve(new GroupBuyId(2), member, "TEA-500G", 2, at);
        Assert.Equal(CampaignQuotaRefusal.MemberUnitLimitReached, units.Refusal);
        Assert.Contains("holds 3 units", units.Message);
        Assert.True(quota.Reserve(new GroupBuyId(2), member, "TEA-250G", 1, at).IsApplied);
        var groups = quota.Reserve(new GroupBuyId(3), new MemberId(7), "TEA-500G", 1, at);
        Assert.Equal(CampaignQuotaRefusal.MemberUnitLimitReached, groups.Refusal);

        var other = new MemberId(8);
        quota.Reserve(new GroupBuyId(1), other, "TEA-500G", 1, at);
        quota.Reserve(new GroupBuyId(2), other, "TEA-500G", 1, at);
        var third = quota.Reserve(new GroupBuyId(3), other, "TEA-500G", 1, at);
        Assert.Equal(CampaignQuotaRefusal.MemberGroupLimitReached, third.Refusal);
        Assert.Contains("seats in 2 groups", third.Message);

        Assert.Equal(CampaignQuotaRefusal.OutsideWindow, quota.Reserve(new GroupBuyId(4), new MemberId(9), "TEA-500G", 1, Starts + Duration.FromDays(1)).Refusal);
        Assert.Equal(CampaignQuotaRefusal.UnknownSku, quota.Reserve(new GroupBuyId(4), new MemberId(9), "COFFEE", 1, at).Refusal);
    }

    [Fact]
    public void A_resend_of_a_join_answers_its_first_outcome_before_the_quota_is_checked_and_other_content_conflicts()
    {
        var quota = new CampaignQuota(Campaign());
        var at = Starts + Duration.FromHours(1);
        var first = quota.Reserve(new GroupBuyId(1), new MemberId(1), "TEA-250G", 3, at);
        quota.Reserve(new GroupBuyId(1), new MemberId(2), "TEA-250G", 2, at);

        var again = quota.Reserve(new GroupBuyId(1), new MemberId(1), "TEA-250G", 3, at + Duration.FromMinutes(1));
        Assert.Equal((CampaignQuotaOutcome.Duplicate, first.Seat), (again.Outcome, again.Seat)); // not "quota exhausted"
        Assert.Equal(CampaignQuotaRefusal.ConflictingDuplicate, quota.Reserve(new GroupBuyId(1), new MemberId(1), "TEA-250G", 2, at).Refusal);
        Assert.Equal(CampaignQuotaRefusal.UnknownSeat, quota.Sell(new GroupBuyId(9), new MemberId(1), at).Refusal);
    }

    [Fact]
    public void Terms_are_checked_where_they_enter()
    {
        GroupBuyCampaignOptions Options() => new() { Starts = Starts, Ends = Starts + Duration.FromDays(1), Skus = [new CampaignSku("A", new Money(1m, Cny), 10)] };

        Assert.Contains("Ends", Assert.Throws<ArgumentOutOfRangeException>(() => GroupBuyCampaign.Create("c", new GroupBuyCampaignOptions { Starts = Starts, Ends = Starts, Skus = Options().Skus })).Message);
        Assert.Contains("at least one SKU", Assert.Throws<ArgumentException>(() => GroupBuyCampaign.Create("c", new GroupBuyCampaignOptions { Starts = Starts, Ends = Starts + Duration.FromDays(1) })).Message);
        var twice = Options();
        twice.Skus.Add(new CampaignSku("A", new Money(2m, Cny), 10));
        Assert.Contains("listed twice", Assert.Throws<ArgumentException>(() => GroupBuyCampaign.Create("c", twice)).Message);
        var currencies = Options();
        currencies.Skus.Add(new CampaignSku("B", new Money(2m, Currency.USD), 10));
        Assert.Contains("one currency", Assert.Throws<ArgumentException>(() => GroupBuyCampaign.Create("c", currencies)).Message);
        var limit = Options();
        limit.MaxGroupsPerMember = 0;
        Assert.Contains("MaxGroupsPerMember should be 1", Assert.Throws<ArgumentOutOfRangeException>(() => GroupBuyCampaign.Create("c", limit)).Message);
        Assert.Contains("quota should be 1", Assert.Throws<ArgumentOutOfRangeException>(() => new CampaignSku("A", new Money(1m, Cny), 0)).Message);
        Assert.Contains("whole minor units", Assert.Throws<ArgumentException>(() => new CampaignSku("A", new Money(0.001m, Cny), 1)).Message);
        Assert.Contains("pass the supported amounts", Assert.Throws<ArgumentOutOfRangeException>(() => GroupBuyCampaign.Create("c", new GroupBuyCampaignOptions
        {
            Starts = Starts,
            Ends = Starts + Duration.FromDays(1),
            Skus = [new CampaignSku("A", Money.FromMinorUnits(Limits.MaxMinorUnits, Cny), 10)],
        })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CampaignQuota(GroupBuyCampaign.Create("c", Options())).Reserve(new GroupBuyId(1), new MemberId(1), "A", 0, Starts));
        Assert.Throws<ArgumentException>(() => new CampaignQuota(GroupBuyCampaign.Create("c", Options())).Left("B"));
    }
}
