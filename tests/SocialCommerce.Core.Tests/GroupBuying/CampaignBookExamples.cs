using System;
using System.Linq;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.GroupBuying;

/// <summary>A campaign's groups and quota together (issue 28): joins reserve, formation sells, failure, leaving and refunds return.</summary>
public sealed class CampaignBookExamples
{
    private static readonly Instant Starts = Instant.FromUtc(2026, 12, 12, 0, 0);

    private static Instant H(double hours) => Starts + Duration.FromMinutes(hours * 60);

    private static GroupBuyCampaign Campaign(int quota = 5, bool refundsReturn = true, int? perOrder = 3, int? perMember = null, int? groups = null, int required = 2, Action<GroupBuyRuleBuilder>? rule = null)
    {
        var builder = GroupBuyRule.Create("terms", Currency.CNY).RequireParticipants(required).WithTimeLimit(Duration.FromHours(2)).AddTier(required, 1m).AllowUnitsPerParticipant(3);
        rule?.Invoke(builder);
        return GroupBuyCampaign.Create("double-12", new GroupBuyCampaignOptions
        {
            Starts = Starts,
            Ends = Starts + Duration.FromDays(1),
            Skus = [new CampaignSku("TEA", new Money(39.90m, Currency.CNY), quota)],
            MaxUnitsPerOrder = perOrder,
            MaxUnitsPerMember = perMember,
            MaxGroupsPerMember = groups,
            RefundReturnsQuota = refundsReturn,
            Rule = builder.Build(),
        });
    }

    [Fact]
    public void Groups_race_for_the_last_units_and_a_failed_group_gives_its_units_back()
    {
        var book = new CampaignBook(Campaign(required: 3));
        var a = book.Open("TEA", new MemberId(1), 2, H(1));
        Assert.Equal(new Money(79.80m, Currency.CNY), ((GroupOpened)a.Events[0]).Charged); // the SKU's price, not the rule's
        Assert.Equal("double-12/TEA", ((GroupOpened)a.Events[0]).RuleName);
        Assert.Equal(CampaignSeatStatus.Reserved, Assert.Single(a.Seats).Status);
        Assert.True(book.Join(a.GroupId, new MemberId(2), 2, H(1.1)).IsApplied);
        var b = book.Open("TEA", new MemberId(3), 1, H(1.2));
        Assert.Equal(0, book.Left("TEA"));

        var late = book.Join(b.GroupId, new MemberId(4), 1, H(1.3));
        Assert.Equal(GroupBuyRefusal.CampaignRefused, late.Group.Refusal);
        Assert.Equal(CampaignQuotaRefusal.QuotaExhausted, late.QuotaRefusal);
        Assert.Contains("0 of its 5 units left", late.Message, StringComparison.Ordinal);
        Assert.Null(book.FindSeat(b.GroupId, new MemberId(4)));

        var failed = book.CloseAtDeadline(a.GroupId, H(3));
        Assert.IsType<GroupFailed>(Assert.Single(failed.Events));
        Assert.All(failed.Seats, s => Assert.Equal(CampaignSeatStatus.Released, s.Status));
        Assert.Equal(4, book.Left("TEA"));
        Assert.Equal(CampaignQuotaRefusal.OutsideWindow, book.Join(b.GroupId, new MemberId(4), 1, Starts + Duration.FromDays(2)).QuotaRefusal);
        Assert.True(book.Join(b.GroupId, new MemberId(4), 1, H(2.9)).IsApplied);
        var joined = book.Join(b.GroupId, new MemberId(5), 1, H(3.1));
        Assert.IsType<GroupFormed>(joined.Events[^1]);
        Assert.Equal([CampaignSeatStatus.Reserved, CampaignSeatStatus.Sold, CampaignSeatStatus.Sold, CampaignSeatStatus.Sold], joined.Seats.Select(s => s.Status));
        Assert.Equal(2, book.Left("TEA"));
    }

    [Fact]
    public void A_campaign_whose_SKU_rule_name_would_pass_the_id_length_is_refused_where_it_is_made()
    {
        GroupBuyCampaignOptions Options(string sku, bool rule) => new()
        {
            Starts = Starts,
            Ends = Starts + Duration.FromDays(1),
            Skus = [new CampaignSku(sku, new Money(1m, Currency.CNY), 10)],
            Rule = rule ? GroupBuyRule.Create("terms", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(1)).AddTier(2, 1m).Build() : null,
        };
        var name = new string('c', 150);
        var error = Assert.Throws<ArgumentException>(() => GroupBuyCampaign.Create(name, Options(new string('s', 50), rule: true)));
        Assert.Contains("in 201 characters; a rule name is at most 200", error.Message, StringComparison.Ordinal);
        Assert.Equal(200, GroupBuyCampaign.Create(name, Options(new string('s', 49), rule: true)).RuleFor(new string('s', 49)).Name.Length);
        Assert.Null(GroupBuyCampaign.Create(name, Options(new string('s', 50), rule: false)).Rule); // a quota alone names no rule
    }

    [Fact]
    public void A_join_the_group_throws_for_leaves_the_quota_as_it_was()
    {
        var book = new CampaignBook(Campaign(quota: 5, perMember: 3));
        var g = book.Open("TEA", new MemberId(1), 1, H(2)).GroupId;

        // Before the group opened: the group throws after the campaign reserved; the reservation is taken back.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => book.Join(g, new MemberId(2), 3, H(1)));
        Assert.Contains("before group", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, book.Left("TEA"));
        Assert.Equal((0, 0), book.HeldBy(new MemberId(2)));
        Assert.Null(book.FindSeat(g, new MemberId(2)));
        Assert.True(book.Join(g, new MemberId(2), 3, H(2.5)).IsApplied);
        Assert.Equal(1, book.Left("TEA"));
    }

    [Fact]
    public void A_resend_of_the_join_that_took_the_last_unit_is_a_duplicate_not_quota_exhausted()
    {
        var book = new CampaignBook(Campaign(quota: 2, required: 3));
        var g = book.Open("TEA", new MemberId(1), 1, H(1)).GroupId;
        var first = book.Join(g, new MemberId(2), 1, H(1.5));
        Assert.Equal(0, book.Left("TEA"));
        var again = book.Join(g, new MemberId(2), 1, H(1.6));
        Assert.True(again.IsDuplicate);
        Assert.Same(first.Events[0], again.Events[0]);
        Assert.Empty(again.Seats);
        Assert.Equal(GroupBuyRefusal.ConflictingDuplicate, book.Join(g, new MemberId(2), 2, H(1.6)).Group.Refusal);
    }

    [Fact]
    public void A_refund_after_formation_returns_the_units_or_withholds_them_by_the_campaign_s_rule_and_frees_the_member()
    {
        foreach (var returns in new[] { true, false })
        {
            var book = new CampaignBook(Campaign(refundsReturn: returns, perMember: 3));
            var g = book.Open("TEA", new MemberId(1), 1, H(1)).GroupId;
            book.Join(g, new MemberId(2), 3, H(1.1));
            Assert.Equal(GroupBuyStatus.Formed, book.GetSnapshot(g).Status);
            Assert.Equal(1, book.Left("TEA"));
            Assert.Equal(CampaignQuotaRefusal.MemberUnitLimitReached, book.Open("TEA", new MemberId(2), 1, H(1.2)).QuotaRefusal);

            var refund = book.RefundSeat(g, new MemberId(2), H(5));
            Assert.IsType<SeatRefunded>(Assert.Single(refund.Events));
            Assert.Equal(CampaignSeatStatus.Refunded, Assert.Single(refund.Seats).Status);
            Assert.Equal(GroupBuyStatus.Formed, book.GetSnapshot(g).Status);
            Assert.Equal(returns ? 4 : 1, book.Left("TEA"));
            Assert.Equal((0, 0), book.HeldBy(new MemberId(2)));
            Assert.True(book.RefundSeat(g, new MemberId(2), H(6)).IsDuplicate);
            Assert.Equal(returns ? 4 : 1, book.Left("TEA"));
        }
    }

    [Fact]
    public void Leaving_releases_the_seat_the_next_joiner_leads_and_the_last_one_leaving_cancels()
    {
        var book = new CampaignBook(Campaign(required: 3, rule: b => b.OnLeaderLeaving(HandOverDeadline.Reset)));
        var g = book.Open("TEA", new MemberId(1), 2, H(1)).GroupId;
        book.Join(g, new MemberId(2), 1, H(1.5));
        var left = book.Leave(g, new MemberId(1), H(1.75));
        Assert.Equal(new MemberId(2), ((MemberLeft)left.Events[0]).NewLeader);
        Assert.Equal(CampaignSeatStatus.Released, Assert.Single(left.Seats).Status);
        Assert.Equal(4, book.Left("TEA"));
        Assert.Equal(H(3.75), book.GetSnapshot(g).Deadline);
        Assert.True(book.Leave(g, new MemberId(1), H(1.8)).IsDuplicate);
        Assert.Equal(GroupBuyRefusal.LeftGroup, book.Join(g, new MemberId(1), 2, H(1.9)).Group.Refusal);
        Assert.Empty(book.CloseDue(H(3.5))); // the reset deadline is later

        var cancelled = book.Leave(g, new MemberId(2), H(2));
        Assert.IsType<GroupCancelled>(cancelled.Events[^1]);
        Assert.Equal(5, book.Left("TEA"));
        Assert.Empty(book.GetOpenGroups());
    }

    [Fact]
    public void The_campaign_s_limits_are_named_and_a_join_the_group_refuses_leaves_the_quota_and_the_seat_untouched()
    {
        var book = new CampaignBook(Campaign(perOrder: 4, groups: 1, rule: b => b.AllowUnitsPerParticipant(2)));
        Assert.Equal(CampaignQuotaRefusal.OutsideWindow, book.Open("TEA", new MemberId(1), 1, Starts - Duration.FromSeconds(1)).QuotaRefusal);
        Assert.Equal(CampaignQuotaRefusal.UnknownSku, book.Open("COFFEE", new MemberId(1), 1, H(1)).QuotaRefusal);
        Assert.Equal(CampaignQuotaRefusal.OrderLimitExceeded, book.Open("TEA", new MemberId(1), 5, H(1)).QuotaRefusal);

        var g = book.Open("TEA", new MemberId(1), 1, H(1)).GroupId;
        Assert.Equal(CampaignQuotaRefusal.MemberGroupLimitReached, book.Open("TEA", new MemberId(1), 1, H(1)).QuotaRefusal);
        var tooMany = book.Join(g, new MemberId(2), 3, H(1.1)); // within the campaign's 4 an order, above the rule's 2 a seat
        Assert.Equal(GroupBuyRefusal.TooManyUnits, tooMany.Group.Refusal);
        Assert.Equal(4, book.Left("TEA"));
        Assert.Null(book.FindSeat(g, new MemberId(2)));
        Assert.True(book.Join(g, new MemberId(2), 2, H(1.2)).IsApplied); // the seat's identity was not spent
        Assert.Equal(2, book.Left("TEA"));
    }

    [Fact]
    public void A_sku_prices_its_groups_with_its_own_tiers_and_a_profile_may_refuse_simulated_participants()
    {
        var rule = GroupBuyRule.Create("terms", Currency.CNY).RequireParticipants(2).AllowUpTo(4).WithTimeLimit(Duration.FromHours(2)).AddTier(2, 1m)
            .AllowSimulatedParticipants(Rate.Percent(50)).Build();
        var campaign = GroupBuyCampaign.Create("ladder", new GroupBuyCampaignOptions
        {
            Starts = Starts,
            Ends = Starts + Duration.FromDays(1),
            Skus = [new CampaignSku("BIG", new Money(10m, Currency.CNY), 100) { Tiers = [new PriceTier(2, new Money(10m, Currency.CNY)), new PriceTier(4, new Money(8m, Currency.CNY))] }],
            Rule = rule,
        });
        Assert.Equal("ladder/BIG", campaign.RuleFor("BIG").Name);
        Assert.Same(campaign.RuleFor("BIG"), campaign.FindRule("ladder/BIG"));
        Assert.Null(campaign.FindRule("other/BIG"));
        Assert.Equal(Rate.Percent(50), campaign.RuleFor("BIG").MinimumRealShare);
        var book = new CampaignBook(campaign);
        var g = book.Open("BIG", new MemberId(1), 1, H(1)).GroupId;
        CampaignResult last = null!;
        for (var m = 2; m <= 4; m++)
        {
            last = book.Join(g, new MemberId(m), 1, H(1));
        }

        Assert.Equal(new Money(8m, Currency.CNY), Assert.IsType<GroupFormed>(last.Events[^1]).Tier.UnitPrice);

        var wrongFirst = Assert.Throws<ArgumentException>(() => GroupBuyCampaign.Create("bad", new GroupBuyCampaignOptions
        {
            Starts = Starts,
            Ends = Starts + Duration.FromDays(1),
            Skus = [new CampaignSku("BIG", new Money(10m, Currency.CNY), 100) { Tiers = [new PriceTier(2, new Money(9m, Currency.CNY))] }],
            Rule = rule,
        }));
        Assert.Contains("SKU 'BIG'", wrongFirst.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CampaignBook(GroupBuyCampaign.Create("no-rule", new GroupBuyCampaignOptions { Starts = Starts, Ends = H(2), Skus = [new CampaignSku("A", new Money(1m, Currency.CNY), 1)] })));
        Assert.Contains(ComplianceCodes.GroupBuySimulatedParticipants, Assert.Throws<ComplianceRefusedException>(() => new CampaignBook(campaign, ComplianceProfiles.ChinaSocialCommerce)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_guide_s_campaign_book_example_holds_number_for_number()
    {
        var book = new CampaignBook(GroupBuyCampaign.Create("double-12", new GroupBuyCampaignOptions
        {
            Starts = Starts,
            Ends = Starts + Duration.FromDays(1),
            Skus = [new CampaignSku("TEA-250G", new Money(39.90m, Currency.CNY), quota: 5)],
            MaxUnitsPerOrder = 3,
            Rule = GroupBuyRule.Create("pairs", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(2))
                .AddTier(2, 0m).AllowUnitsPerParticipant(3).Build(),
        }));
        var at = Starts + Duration.FromHours(1);
        var opened = book.Open("TEA-250G", new MemberId(1), units: 2, at);
        Assert.Equal(new Money(79.80m, Currency.CNY), ((GroupOpened)opened.Events[0]).Charged);
        Assert.Equal(3, book.Left("TEA-250G"));
        var formed = book.Join(opened.GroupId, new MemberId(2), units: 3, at);
        Assert.IsType<GroupFormed>(formed.Events[^1]);
        Assert.Equal(0, book.Left("TEA-250G"));
        var late = book.Open("TEA-250G", new MemberId(3), units: 1, at);
        Assert.Equal((CampaignQuotaRefusal.QuotaExhausted, GroupBuyRefusal.CampaignRefused), (late.QuotaRefusal, late.Group.Refusal));
        Assert.True(book.RefundSeat(opened.GroupId, new MemberId(2), at + Duration.FromDays(3)).IsApplied);
        Assert.Equal(3, book.Left("TEA-250G"));
        Assert.Equal(GroupBuyStatus.Formed, book.GetSnapshot(opened.GroupId).Status);
    }
}
