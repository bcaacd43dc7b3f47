using NodaTime;
using SocialCommerce.Checkout;
using SocialCommerce.Coupons;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Coupons;

/// <summary>Coupons (issue 27): templates, issuance limits, new-member coupons, the lifecycle and the checkout.</summary>
public sealed class CouponExamples
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);

    [Fact]
    public void A_new_member_coupon_is_issued_once_a_member_within_the_total_and_applies_at_checkout()
    {
        var template = new CouponTemplate("NEW-10", CouponOffer.SpendAndSave(new Money(50m, Currency.CNY), new Money(10m, Currency.CNY)), totalLimit: 2, perMemberLimit: 1, CouponValidity.DaysFromIssue(7), newMembersOnly: true);
        var issuance = new CouponIssuance(template);

        Assert.Equal(CouponRefusal.NewMembersOnly, issuance.Issue("c-0", new MemberId(9), T0, isNewMember: false, out _).Refusal);
        Assert.True(issuance.Issue("c-1", new MemberId(1), T0, isNewMember: true, out var coupon).IsApplied);
        Assert.Equal(CouponOutcome.Duplicate, issuance.Issue("c-1", new MemberId(1), T0, true, out _).Outcome);
        Assert.Equal(CouponRefusal.ConflictingDuplicate, issuance.Issue("c-1", new MemberId(2), T0, true, out _).Refusal);
        var second = issuance.Issue("c-2", new MemberId(1), T0, true, out _);
        Assert.Equal(CouponRefusal.MemberLimitReached, second.Refusal);
        Assert.Contains("limit of 1 a member", second.Message);
        Assert.True(issuance.Issue("c-3", new MemberId(2), T0, true, out _).IsApplied);
        Assert.Equal(CouponRefusal.TotalLimitReached, issuance.Issue("c-4", new MemberId(3), T0, true, out _).Refusal);

        var cart = new Cart(Currency.CNY, [new CartLine("TEA-1", "tea", 1, new Money(60m, Currency.CNY))]);
        Assert.Equal(new Money(50m, Currency.CNY), CheckoutAllocator.Allocate(cart, [coupon!.ToApplied()]).Allocation!.Payable);
        Assert.Equal((T0, T0 + Duration.FromDays(7)), (coupon.ValidFrom, coupon.ValidUntil));
    }

    [Fact]
    public void A_coupon_is_locked_by_an_order_used_when_it_is_paid_and_comes_back_with_a_refund_while_valid()
    {
        var issuance = new CouponIssuance(new CouponTemplate("T-5", CouponOffer.AmountOff(new Money(5m, Currency.CNY)), 100, 3, CouponValidity.Between(T0, T0 + Duration.FromDays(30))));
        issuance.Issue("c-1", new MemberId(1), T0, false, out var coupon);

        Assert.True(coupon!.Lock("O-1", T0 + Duration.FromHours(1)).IsApplied);
        Assert.Equal(CouponRefusal.LockedByAnotherOrder, coupon.Lock("O-2", T0 + Duration.FromHours(1)).Refusal);
        Assert.True(coupon.Unlock("O-1", T0 + Duration.FromHours(2)).IsApplied);       // O-1 cancelled
        Assert.True(coupon.Lock("O-2", T0 + Duration.FromHours(3)).IsApplied);
        Assert.Equal(CouponRefusal.StateConflict, coupon.Use("O-1", T0 + Duration.FromHours(3)).Refusal);
        Assert.True(coupon.Use("O-2", T0 + Duration.FromHours(3)).IsApplied);
        Assert.Equal(CouponOutcome.Duplicate, coupon.Lock("O-2", T0 + Duration.FromHours(4)).Outcome);

        Assert.Equal(CouponRefusal.StateConflict, coupon.Return("R-1", T0 + Duration.FromDays(1), CouponReturnPolicy.Keep).Refusal);
        Assert.True(coupon.Return("R-1", T0 + Duration.FromDays(1), CouponReturnPolicy.ReturnWhileValid).IsApplied);
        Assert.Equal(CouponStatus.Issued, coupon.Status);
        Assert.Equal(CouponOutcome.Duplicate, coupon.Return("R-1", T0 + Duration.FromDays(2), CouponReturnPolicy.ReturnWhileValid).Outcome);

        Assert.Equal(CouponRefusal.StateConflict, coupon.Expire(T0 + Duration.FromDays(29)).Refusal);
        Assert.True(coupon.Expire(T0 + Duration.FromDays(30)).IsApplied);
        Assert.Equal(CouponRefusal.Expired, coupon.Lock("O-3", T0 + Duration.FromDays(31)).Refusal);
        Assert.Equal(CouponRefusal.Expired, issuance.Issue("c-2", new MemberId(1), T0 + Duration.FromDays(30), false, out _).Refusal);
    }
}
