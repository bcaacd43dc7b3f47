using System;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Invitations;

public sealed class ReferralRewardTests
{
    private static readonly MemberId Alice = new(1);
    private static readonly MemberId Bob = new(2);
    private static readonly Instant BoundAt = Instant.FromUtc(2026, 11, 1, 9, 0);

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    private static ReferralRewardRule Rule(Action<ReferralRewardRuleOptions>? configure = null)
    {
        var options = new ReferralRewardRuleOptions
        {
            MinimumPurchase = Cny(50m),
            Window = Duration.FromDays(30),
            InviterReward = ReferralRewardValue.Fixed(Cny(10m)),
            InvitedReward = ReferralRewardValue.ShareOfPurchase(Rate.Percent(5)),
        };
        configure?.Invoke(options);
        return ReferralRewardRule.Create("first-order", options);
    }

    private static Sale Purchase(string id, decimal amount, Instant at, MemberId? buyer = null)
    {
        var cups = Math.Round(amount * 0.4m, 2, MidpointRounding.ToZero);
        return new(id, buyer ?? Bob, at, Currency.CNY, [new SaleLine("SKU-1", "tea", 1, Cny(amount - cups)), new SaleLine("SKU-2", "cups", 2, Cny(cups))]);
    }

    private static LedgerSale Booked(Sale sale) =>
        new(sale.Id, sale.Buyer, sale.PaidAt, sale.Currency, sale.Lines.Select(l => new LedgerSaleLine(l.Quantity, l.PaidAmount)).ToArray(), [], Duration.FromDays(7));

    private static readonly NetworkMember BobBound = new(Bob, Alice, BoundAt);

    [Fact]
    public void A_first_qualifying_purchase_books_both_sides_through_the_ledger_and_its_refund_reverses_them_exactly()
    {
        var book = new ReferralRewardBook(Rule());
        var ledger = new CommissionLedger();
        var sale = Purchase("S-1", 100m, BoundAt + Duration.FromDays(2));

        var claim = book.Claim(sale, BobBound);
        Assert.True(claim.IsAccepted);
        Assert.Equal(Cny(10m), claim.Grant!.InviterMoney);
        Assert.Equal(Cny(5m), claim.Grant.InvitedMoney);
        var booked = book.AddRewardsTo(Booked(sale));
        Assert.Equal(Cny(10m), booked.Earnings.Where(e => e.Beneficiary == Alice && e.Level == 1).Aggregate(Cny(0m), (s, e) => s + e.Amount));
        Assert.Equal(Cny(5m), booked.Earnings.Where(e => e.Beneficiary == Bob && e.Level == 0).Aggregate(Cny(0m), (s, e) => s + e.Amount));
        Assert.Equal(2, booked.Earnings.Count(e => e.Beneficiary == Alice)); // spread over both lines, 6.00 + 4.00

        Assert.True(ledger.Post(booked).IsApplied);
        Assert.Equal(Cny(10m), ledger.GetBalance(Alice, Currency.CNY).Pending);
        var completedAt = sale.PaidAt + Duration.FromDays(3);
        ledger.Complete("S-1", completedAt);
        Assert.IsType<ReferralRewardEarned>(book.Earn("S-1", completedAt).Event);
        ledger.Release(completedAt + Duration.FromDays(7));
        Assert.Equal(Cny(10m), ledger.GetBalance(Alice, Currency.CNY).Available);
        Assert.Equal(Cny(5m), ledger.GetBalance(Bob, Currency.CNY).Available);

        var refundAt = completedAt + Duration.FromDays(8);
        ledger.Refund(LedgerRefund.Full("R-1", "S-1", refundAt));
        var reversed = book.Reverse("S-1", refundAt);
        Assert.IsType<ReferralRewardReversed>(reversed.Event);
        Assert.Equal(Cny(0m), ledger.GetBalance(Alice, Currency.CNY).Available);
        Assert.Equal(Cny(10m), ledger.GetBalance(Alice, Currency.CNY).Reversed);
        Assert.Equal(Cny(5m), ledger.GetBalance(Bob, Currency.CNY).Reversed);
        Assert.Equal(ReferralClaimStatus.Reversed, book.GetStatus(Bob));
        Assert.Equal(ReferralRewardRefusal.AlreadyRewarded, book.Claim(Purchase("S-2", 100m, refundAt), BobBound).Refusal);
    }

    [Fact]
    public void Binding_alone_earns_nothing_and_only_a_qualifying_purchase_claims()
    {
        var book = new ReferralRewardBook(Rule());
        Assert.Equal(ReferralClaimStatus.Open, book.GetStatus(Bob));
        Assert.Empty(book.GetEvents(Bob));

        Assert.Equal(ReferralRewardRefusal.BelowMinimum, book.Claim(Purchase("S-1", 49.99m, BoundAt), BobBound).Refusal);
        Assert.Equal(ReferralRewardRefusal.OutsideWindow, book.Claim(Purchase("S-2", 100m, BoundAt - Duration.Epsilon), BobBound).Refusal);
        Assert.Equal(ReferralRewardRefusal.OutsideWindow, book.Claim(Purchase("S-3", 100m, BoundAt + Duration.FromDays(30)), BobBound).Refusal);
        Assert.Equal(ReferralRewardRefusal.NoInviter, book.Claim(Purchase("S-4", 100m, BoundAt), new NetworkMember(Bob, null, BoundAt)).Refusal);
        Assert.Equal(ReferralRewardRefusal.OtherCurrency, book.Claim(new Sale("S-5", Bob, BoundAt, Currency.USD, [new SaleLine("X", "x", 1, new Money(100m, Currency.USD))]), BobBound).Refusal);
        Assert.Empty(book.GetEvents(Bob));
        Assert.True(book.Claim(Purchase("S-6", 100m, BoundAt + Duration.FromDays(30) - Duration.Epsilon), BobBound).IsAccepted);
        Assert.Equal(ReferralRewardRefusal.ClaimPending, book.Claim(Purchase("S-7", 100m, BoundAt + Duration.FromDays(1)), BobBound).Refusal);
    }

    [Fact]
    public void A_full_refund_before_completion_releases_the_claim_and_the_next_purchase_claims_again()
    {
        var book = new ReferralRewardBook(Rule());
        var first = book.Claim(Purchase("S-1", 100m, BoundAt), BobBound);
        Assert.IsType<ReferralRewardReleased>(book.Reverse("S-1", BoundAt + Duration.FromHours(1)).Event);
        Assert.True(book.Reverse("S-1", BoundAt + Duration.FromHours(2)).IsDuplicate);

        // A resend of the released sale's claim answers its first outcome and claims nothing again.
        var resent = book.Claim(Purchase("S-1", 100m, BoundAt), BobBound);
        Assert.True(resent.IsAccepted && resent.IsDuplicate);
        Assert.Equal(first.Event, resent.Event);
        Assert.Equal(ReferralClaimStatus.Open, book.GetStatus(Bob));
        Assert.Equal(ReferralRewardRefusal.NotClaimedBySale, book.Earn("S-9", BoundAt).Refusal);

        var again = book.Claim(Purchase("S-2", 80m, BoundAt + Duration.FromDays(1)), BobBound);
        Assert.True(again.IsAccepted);
        Assert.Equal(Cny(4m), again.Grant!.InvitedMoney);
        Assert.True(book.Claim(Purchase("S-2", 80m, BoundAt + Duration.FromDays(2)), BobBound).IsDuplicate);
    }

    [Fact]
    public void An_inviter_earns_at_most_the_cap_per_period()
    {
        var book = new ReferralRewardBook(Rule(o => { o.InviterCap = 2; o.CapPeriod = Duration.FromDays(7); }));
        ReferralRewardResult Buy(long friend, Instant at) =>
            book.Claim(Purchase("S-" + friend, 100m, at, new MemberId(friend)), new NetworkMember(new MemberId(friend), Alice, BoundAt));

        Assert.True(Buy(10, BoundAt).IsAccepted);
        Assert.True(Buy(11, BoundAt + Duration.FromDays(1)).IsAccepted);
        Assert.Equal(ReferralRewardRefusal.InviterCapReached, Buy(12, BoundAt + Duration.FromDays(6)).Refusal);
        book.Reverse("S-11", BoundAt + Duration.FromDays(6)); // released before completion: the slot frees
        Assert.True(Buy(12, BoundAt + Duration.FromDays(6)).IsAccepted);
        Assert.True(Buy(13, BoundAt + Duration.FromDays(7) + Duration.Epsilon).IsAccepted);
    }

    [Fact]
    public void The_cap_window_excludes_its_start_and_includes_the_purchase_and_counts_only_claims_that_hold_a_place()
    {
        var rule = Rule(o => { o.InviterCap = 2; o.CapPeriod = Duration.FromDays(7); });
        var paid = BoundAt + Duration.FromDays(10);
        var window = rule.CapWindow(paid);
        Assert.Equal(new ReferralCapWindow(paid - Duration.FromDays(7), paid), window);
        Assert.False(window.Contains(paid - Duration.FromDays(7)));
        Assert.True(window.Contains(paid - Duration.FromDays(7) + Duration.Epsilon));
        Assert.True(window.Contains(paid));
        Assert.False(window.Contains(paid + Duration.Epsilon));
        Assert.Equal([ReferralClaimStatus.Pending, ReferralClaimStatus.Earned, ReferralClaimStatus.Reversed], ReferralCapWindow.CountedStatuses);
    }

    [Fact]
    public void Rewards_are_scaled_to_the_profiles_payout_ratio_with_the_plans_commission()
    {
        var network = new ReferralNetwork();
        network.AddMember(Alice, BoundAt);
        network.AddMember(Bob, Alice, BoundAt);
        var plan = CommissionPlan.CreateBuilder("direct", Currency.CNY).Levels(Rate.Percent(25)).Build();
        var profile = ComplianceProfiles.ChinaDirectSelling;
        var engine = new CommissionEngine(plan, new CommissionEngineOptions { Compliance = profile });
        var sale = Purchase("S-1", 100m, BoundAt);
        var quote = engine.Quote(sale, network);

        var registration = profile.CheckInvitationRule(Rule().GetFacts(plan.ToPlanFacts()));
        Assert.Equal(ComplianceCodes.ReferralRewardPayoutRatio, Assert.Single(registration.Findings).Code);
        Assert.True(registration.IsAccepted);

        var claim = new ReferralRewardBook(Rule(), profile, plan.ToPlanFacts()).Claim(sale, BobBound, quote);
        Assert.Equal(Cny(25m), quote.Total);

        // 30 % of 100.00 leaves 5.00 above the commission: 10.00 + 5.00 scale by 1/3 exactly; the invited share rounds
        // toward zero and the inviter takes what that leaves, so the grant fills the room to the fen.
        Assert.Equal(Cny(3.34m), claim.Grant!.InviterMoney);
        Assert.Equal(Cny(1.66m), claim.Grant.InvitedMoney);
        Assert.True(claim.Grant.Scaled);
        var finding = Assert.Single(claim.Findings);
        Assert.Equal(ComplianceCodes.ReferralRewardPayoutRatio, finding.Code);
        Assert.Equal(FindingScope.Sale, finding.Scope);
    }

    [Fact]
    public void Points_and_coupons_are_decisions_for_the_host_and_add_no_ledger_line()
    {
        var book = new ReferralRewardBook(Rule(o => { o.InviterReward = ReferralRewardValue.PointsOf(500); o.InvitedReward = ReferralRewardValue.Coupon(Cny(20m)); }));
        var sale = Purchase("S-1", 60m, BoundAt);
        book.Claim(sale, BobBound);
        var booked = Booked(sale);
        Assert.Same(booked, book.AddRewardsTo(booked));
        var earned = book.Earn("S-1", BoundAt + Duration.FromDays(1));
        Assert.Equal(500, earned.Grant!.InviterPoints);
        Assert.Equal(Cny(20m), earned.Grant.InvitedCoupon);
        Assert.Equal(500, book.Reverse("S-1", BoundAt + Duration.FromDays(2)).Grant!.InviterPoints);
    }

    [Fact]
    public void Invalid_rules_are_refused_naming_the_setting()
    {
        Assert.Equal("InviterReward", Assert.Throws<InvitationRuleException>(() => Rule(o => { o.InviterReward = null; o.InvitedReward = null; })).Field);
        Assert.Equal("MinimumPurchase", Assert.Throws<InvitationRuleException>(() => Rule(o => o.MinimumPurchase = default)).Field);
        Assert.Equal("InvitedReward", Assert.Throws<InvitationRuleException>(() => Rule(o => o.InvitedReward = ReferralRewardValue.Fixed(new Money(1m, Currency.USD)))).Field);
        Assert.Equal("Window", Assert.Throws<InvitationRuleException>(() => Rule(o => o.Window = Duration.Zero)).Field);
        Assert.Throws<ArgumentException>(() => ReferralClaim.Start(Bob).Claim(Rule(), Purchase("S", 100m, BoundAt), Bob, BoundAt));
    }
}
