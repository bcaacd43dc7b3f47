using System;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.GroupBuying;

/// <summary>Group buying at the edges of the supported ranges: refused where values enter, nothing half-applied.</summary>
public sealed class GroupBuyBoundaryTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 10, 0);

    private static GroupBuyRule Rule(int maxOpen = 1) =>
        GroupBuyRule.Create("r", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(1)).AddTier(3, 5m).LimitOpenGroupsPerMember(maxOpen).Build();

    [Fact]
    public void Opening_at_an_unsupported_instant_throws_and_keeps_the_leaders_slot_free()
    {
        var book = new GroupBuyBook();
        book.AddRule(Rule());
        var leader = new MemberId(1);

        Assert.Equal("at", Assert.Throws<ArgumentOutOfRangeException>(() => book.Open("r", leader, Instant.MaxValue - Duration.FromMinutes(1))).ParamName);

        // The failed open did not hold the member's only open-group slot.
        var result = book.Open("r", leader, Start);
        Assert.True(result.IsAccepted, result.Refusal.ToString());
    }

    [Theory]
    [InlineData(3661)]
    [InlineData(3000000)]
    public void A_time_limit_beyond_the_supported_duration_is_refused_by_the_builder(int days)
    {
        var e = Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("r", Currency.CNY).WithTimeLimit(Duration.FromDays(days)));
        Assert.Equal(nameof(GroupBuyRule.TimeLimit), e.Field);
    }

    [Fact]
    public void Prices_and_discounts_beyond_the_supported_amount_are_refused()
    {
        Assert.Equal("Tiers.UnitPrice", Assert.Throws<GroupBuyRuleException>(() => GroupBuyRule.Create("r", Currency.CNY).AddTier(2, 1e28m)).Field);
        Assert.Throws<ArgumentOutOfRangeException>(() => LeaderPerk.FixedDiscount(new SocialCommerce.Money(1e28m, Currency.CNY)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LeaderPerk.FixedDiscount(default));
        Assert.Equal("unitPrice", Assert.Throws<ArgumentOutOfRangeException>(() => new CommunityProduct("P", default, 1)).ParamName);
    }

    [Fact]
    public void A_history_with_more_joins_than_seats_or_a_member_twice_is_refused()
    {
        var rule = GroupBuyRule.Create("r", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(1)).AddTier(2, 5m).Build();
        var id = new GroupBuyId(7);
        var price = new SocialCommerce.Money(5m, Currency.CNY);
        var opened = new GroupOpened(id, 1, Start, "r", new MemberId(1), Start + Duration.FromHours(1), price);
        MemberJoined Join(long version, long member, int participants) => new(id, version, Start + Duration.FromMinutes(version), new MemberId(member), price, participants);

        var twice = Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, [opened, Join(2, 1, 2)]));
        Assert.Equal("$[1].member", twice.Path);
        var over = Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, [opened, Join(2, 2, 2), Join(3, 3, 3)]));
        Assert.Contains("beyond the group's 2 seats", over.Message, StringComparison.Ordinal);
        var late = new MemberJoined(id, 2, Start + Duration.FromHours(2), new MemberId(2), price, 2);
        Assert.Equal("$[1].at", Assert.Throws<CorruptStateException>(() => GroupBuy.FromHistory(rule, [opened, late])).Path);
        Assert.Equal(2, GroupBuy.FromHistory(rule, [opened, Join(2, 2, 2)]).ParticipantCount);
    }
}
