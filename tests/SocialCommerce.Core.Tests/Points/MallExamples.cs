using System;
using System.Linq;
using NodaTime;
using SocialCommerce.Network;
using SocialCommerce.Points;

namespace SocialCommerce.Core.Tests.Points;

/// <summary>The points mall (issue 27): redemptions for points or points plus money, within a quota and a per-member limit.</summary>
public sealed class MallExamples
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 1, 0, 0);
    private static readonly MemberId Ann = new(1);
    private static readonly MemberId Bo = new(2);

    private static MallItem Mug(int quota = 3, int perMember = 2) =>
        MallItem.Create("mug", new MallItemOptions { Points = 100, Price = new Money(9.90m, Currency.CNY), Quota = quota, PerMemberLimit = perMember });

    private static PointsWallet WalletWith(long points)
    {
        var wallet = new PointsWallet();
        wallet.Earn(new PointsEarning("gift", PointsSource.Grant, points, T0, null, "ops", "welcome"));
        return wallet;
    }

    [Fact]
    public void A_redemption_takes_units_and_reserves_points_then_completing_spends_them()
    {
        var stock = new MallStock(Mug());
        var wallet = WalletWith(500);
        var redeemed = stock.Redeem("M-1", Ann, 2, wallet, T0);
        Assert.True(redeemed.IsApplied, redeemed.Message);
        Assert.Equal((200L, MallRedemptionStatus.Reserved), (redeemed.Redemption!.Points, redeemed.Redemption.Status));
        Assert.Equal(new Money(19.80m, Currency.CNY), redeemed.Redemption.Price);
        Assert.Equal((1, 2), (stock.Left, stock.HeldBy(Ann)));
        Assert.Equal((300L, 200L), (wallet.GetBalance().Available, wallet.GetBalance().Reserved));

        Assert.Equal(PointsOutcome.Duplicate, stock.Redeem("M-1", Ann, 2, wallet, T0).Outcome);
        var completed = stock.Complete("M-1", wallet, T0 + Duration.FromMinutes(5));
        Assert.True(completed.IsApplied);
        Assert.Equal(200L, wallet.GetBalance().Spent);
        Assert.Equal(PointsOutcome.Duplicate, stock.Complete("M-1", wallet, T0 + Duration.FromMinutes(6)).Outcome);
        Assert.Equal(MallRefusal.StateConflict, stock.Cancel("M-1", wallet, T0).Refusal);
        Assert.True(wallet.GetBalance().IsConserved);
    }

    [Fact]
    public void The_quota_and_the_members_limit_are_refused_naming_them_and_take_nothing()
    {
        var stock = new MallStock(Mug(quota: 3, perMember: 2));
        var ann = WalletWith(1_000);
        var bo = WalletWith(1_000);
        Assert.True(stock.Redeem("M-1", Ann, 2, ann, T0).IsApplied);

        var overLimit = stock.Redeem("M-2", Ann, 1, ann, T0);
        Assert.Equal(MallRefusal.MemberLimitReached, overLimit.Refusal);
        Assert.Contains("limit is 2 a member", overLimit.Message, StringComparison.Ordinal);

        var overQuota = stock.Redeem("M-3", Bo, 2, bo, T0);
        Assert.Equal(MallRefusal.QuotaExhausted, overQuota.Refusal);
        Assert.Contains("1 of its 3 units left", overQuota.Message, StringComparison.Ordinal);
        Assert.Equal(1_000L, bo.GetBalance().Available);
        Assert.Null(stock.Find("M-3"));

        // A conflicting resend of M-1 (another quantity) is refused; its id stays with the first redemption.
        Assert.Equal(MallRefusal.ConflictingDuplicate, stock.Redeem("M-1", Ann, 1, ann, T0).Refusal);
    }

    [Fact]
    public void Too_few_points_refuse_the_redemption_without_taking_units()
    {
        var stock = new MallStock(Mug());
        var wallet = WalletWith(150);
        var refused = stock.Redeem("M-1", Ann, 2, wallet, T0);
        Assert.Equal(MallRefusal.InsufficientPoints, refused.Refusal);
        Assert.Contains("costs 200 points", refused.Message, StringComparison.Ordinal);
        Assert.Equal((3, 0), (stock.Left, stock.HeldBy(Ann)));
        Assert.Equal(150L, wallet.GetBalance().Available);

        // The redemption id is the wallet's order id: one already used by a checkout order is a conflict.
        wallet.Reserve("M-2", 10, T0);
        Assert.Equal(MallRefusal.ConflictingDuplicate, stock.Redeem("M-2", Ann, 1, wallet, T0).Refusal);
        Assert.Equal(3, stock.Left);
    }

    [Fact]
    public void Cancelling_before_and_refunding_after_completion_give_back_the_units_and_the_points()
    {
        var stock = new MallStock(Mug(quota: 2, perMember: 2));
        var wallet = WalletWith(400);
        stock.Redeem("M-1", Ann, 1, wallet, T0);
        stock.Redeem("M-2", Ann, 1, wallet, T0);
        Assert.Equal(0, stock.Left);

        var cancelled = stock.Cancel("M-1", wallet, T0 + Duration.FromHours(1));
        Assert.True(cancelled.IsApplied);
        Assert.Equal([PointsEntryKind.Released], cancelled.Wallet!.Entries.Select(e => e.Kind));
        Assert.Equal((1, 1), (stock.Left, stock.HeldBy(Ann)));
        Assert.Equal(MallRefusal.StateConflict, stock.Refund("M-1", wallet, T0).Refusal);
        Assert.Equal(MallRefusal.StateConflict, stock.Complete("M-1", wallet, T0).Refusal);

        stock.Complete("M-2", wallet, T0 + Duration.FromHours(1));
        var refunded = stock.Refund("M-2", wallet, T0 + Duration.FromDays(2));
        Assert.True(refunded.IsApplied);
        Assert.Equal(MallRedemptionStatus.Refunded, refunded.Redemption!.Status);
        Assert.Equal((2, 0), (stock.Left, stock.HeldBy(Ann)));
        Assert.Equal(400L, wallet.GetBalance().Available);
        Assert.Equal(PointsOutcome.Duplicate, stock.Refund("M-2", wallet, T0 + Duration.FromDays(3)).Outcome);
        Assert.Equal(MallRefusal.UnknownRedemption, stock.Refund("M-9", wallet, T0).Refusal);
    }

    [Fact]
    public void A_step_with_another_members_wallet_throws_and_changes_nothing()
    {
        var stock = new MallStock(Mug());
        var ann = WalletWith(500);
        stock.Redeem("M-1", Ann, 1, ann, T0);
        var error = Assert.Throws<ArgumentException>(() => stock.Complete("M-1", WalletWith(500), T0));
        Assert.Equal("wallet", error.ParamName);
        Assert.Equal(MallRedemptionStatus.Reserved, stock.Find("M-1")!.Status);
        Assert.True(stock.Complete("M-1", ann, T0).IsApplied);
    }

    [Fact]
    public void An_items_terms_are_checked_where_they_enter_naming_the_term_and_its_value()
    {
        static string Fault(MallItemOptions o) => Assert.ThrowsAny<ArgumentException>(() => MallItem.Create("mug", o)).Message;
        Assert.Contains("Points should be 1 to", Fault(new() { Points = 0, Quota = 1 }), StringComparison.Ordinal);
        Assert.Contains("Quota should be 1 to 100000000; was 0", Fault(new() { Points = 1, Quota = 0 }), StringComparison.Ordinal);
        Assert.Contains("PerMemberLimit should be 1 to the quota 5; was 6", Fault(new() { Points = 1, Quota = 5, PerMemberLimit = 6 }), StringComparison.Ordinal);
        Assert.Contains("pass 1000000000000000 points", Fault(new() { Points = Limits.MaxPoints, Quota = 5, PerMemberLimit = 2 }), StringComparison.Ordinal);
        Assert.Contains("Price should be positive", Fault(new() { Points = 1, Quota = 5, Price = new Money(0.001m, Currency.CNY) }), StringComparison.Ordinal);
        Assert.Contains("Price should be positive", Fault(new() { Points = 1, Quota = 5, Price = new Money(-1m, Currency.CNY) }), StringComparison.Ordinal);
        Assert.Equal("itemId", Assert.ThrowsAny<ArgumentException>(() => MallItem.Create("", new MallItemOptions { Points = 1, Quota = 1 })).ParamName);
        Assert.Equal("quantity", Assert.Throws<ArgumentOutOfRangeException>(() => new MallStock(Mug()).Redeem("M-1", Ann, 0, new PointsWallet(), T0)).ParamName);
    }
}
